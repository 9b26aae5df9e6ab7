/**
 * A deliberately plain breadth-first crawler used only to check that what the site SERVES agrees
 * with its ground truth (the model). Sequential, so maxPages order matches the truth's.
 */
import { isDisallowed } from '../src/robots';

const HREF = /<a\s[^>]*?href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;

export function extractHrefs(html: string): string[] {
  const withoutComments = html.replace(/<!--[\s\S]*?-->/g, '');
  return [...withoutComments.matchAll(HREF)].map((m) => (m[1] ?? m[2] ?? m[3] ?? '').trim());
}

export async function crawl(start: string, maxDepth: number) {
  const origin = new URL(start).origin;
  const pages: string[] = [];
  const resources: string[] = [];
  const seen = new Set([start]);
  const queue = [{ url: start, depth: 0 }];
  for (let i = 0; i < queue.length; i++) {
    const { url, depth } = queue[i]!;
    const res = await fetch(url, { redirect: 'follow' }).catch(() => undefined);
    if (!res?.ok) {
      await res?.body?.cancel();
      continue;
    }
    const finalUrl = res.url;
    if (finalUrl !== url) {
      if (seen.has(finalUrl)) {
        await res.body?.cancel();
        continue;
      }
      seen.add(finalUrl);
    }
    if (!(res.headers.get('content-type') ?? '').startsWith('text/html')) {
      resources.push(finalUrl);
      await res.body?.cancel();
      continue;
    }
    pages.push(finalUrl);
    const html = await res.text();
    if (depth >= maxDepth) continue;
    for (const href of extractHrefs(html)) {
      const u = new URL(href, finalUrl);
      u.hash = '';
      if (u.origin !== origin || isDisallowed(u.pathname + u.search) || seen.has(u.href)) continue;
      seen.add(u.href);
      queue.push({ url: u.href, depth: depth + 1 });
    }
  }
  return { pages: pages.sort(), resources: resources.sort() };
}
