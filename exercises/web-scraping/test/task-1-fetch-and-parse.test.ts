import { withTimeout } from '@course/runtime';
import { describe, expect, it } from 'vitest';
import { FetchError } from '../src/errors';
import { fetchPage } from '../src/fetch-page';
import { parsePage } from '../src/parse-page';
import { eventually, expectCleanedUp, snapshot, useSites } from './helpers/site';

const BASE = 'http://127.0.0.1:8080/docs/intro';

describe('Task 1: Fetch and parse one page', () => {
  const sites = useSites();

  describe('parsePage', () => {
    it('finds the title and every link, resolved against the page URL, in document order', () => {
      const html = `<!doctype html><html><head><title>Intro</title></head><body>
        <a href="setup">relative</a>
        <a href="../api/">up one level</a>
        <a href="/">root</a>
        <a href="http://127.0.0.1:8080/faq?x=1">absolute</a>
        <a href="#usage">fragment</a>
        <a href="?page=2">query only</a>
        <a href="mailto:team@example.com">mail</a>
      </body></html>`;
      expect(parsePage(html, BASE)).toEqual({
        title: 'Intro',
        links: [
          'http://127.0.0.1:8080/docs/setup',
          'http://127.0.0.1:8080/api/',
          'http://127.0.0.1:8080/',
          'http://127.0.0.1:8080/faq?x=1',
          'http://127.0.0.1:8080/docs/intro#usage',
          'http://127.0.0.1:8080/docs/intro?page=2',
          'mailto:team@example.com',
        ],
        invalidHrefs: [],
      });
    });

    it('resolves links against <base href> when the page has one', () => {
      const html = '<head><base href="/v2/"><title>T</title></head><a href="guide">g</a>';
      expect(parsePage(html, BASE).links).toEqual(['http://127.0.0.1:8080/v2/guide']);
    });

    it('decodes entities in the title and collapses its whitespace', () => {
      expect(parsePage('<title>\n   Fish &amp;\n  Chips  </title>', BASE).title).toBe('Fish & Chips');
    });

    it('reports hrefs that are not URLs instead of throwing or dropping them', () => {
      const parsed = parsePage('<a href="http://exa mple.com/">bad</a><a href="ok">ok</a>', BASE);
      expect(parsed.links).toEqual(['http://127.0.0.1:8080/docs/ok']);
      expect(parsed.invalidHrefs).toEqual(['http://exa mple.com/']);
    });

    it('gives an empty title and no links for a page without them, and survives binary garbage', () => {
      expect(parsePage('<p>nothing here', BASE)).toEqual({ title: '', links: [], invalidHrefs: [] });
      const garbage = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37 + 11) % 256)).toString(
        'utf8',
      );
      expect(() => parsePage(garbage, BASE)).not.toThrow();
    });

    it('reads sloppy markup as a browser does, and a link inside a comment is not a link', async () => {
      const site = await sites.start({ seed: 1, pages: 10 });
      const url = site.urlFor('/broken');
      const res = await fetchPage(url, { timeoutMs: 5_000 });
      const parsed = parsePage(res.body, url);
      const model = site.model.resolve('/broken');
      if (model.kind !== 'html') throw new Error('the fixture changed: /broken should be an HTML page');
      expect(parsed.title).toBe(model.title);
      // Unquoted, single-quoted/upper-case and space-padded hrefs all count; the commented-out one does not.
      expect(parsed.links).toEqual(model.links.map((l) => new URL(l.href, url).href));
      expect(parsed.links.some((l) => l.includes('commented-out'))).toBe(false);
    });

    it('finds exactly the links and title the site model says each page has', async () => {
      const site = await sites.start({ seed: 5, pages: 30 });
      for (const path of ['/', '/page/1', '/page/2', '/page/7', '/page/13', '/page/29']) {
        const url = site.urlFor(path);
        const res = await fetchPage(url, { timeoutMs: 5_000 });
        const model = site.model.resolve(path);
        if (model.kind !== 'html') throw new Error(`the fixture changed: ${path} should be an HTML page`);
        const parsed = parsePage(res.body, url);
        expect(parsed.title, `title of ${path}`).toBe(model.title);
        expect(parsed.links, `links of ${path}`).toEqual(model.links.map((l) => new URL(l.href, url).href));
      }
    });
  });

  describe('fetchPage', () => {
    it('answers with the status, content type and body, for an error status too', async () => {
      const site = await sites.start({ seed: 1, pages: 10 });
      const ok = await fetchPage(site.urlFor('/page/1'), { timeoutMs: 5_000 });
      expect(ok.status).toBe(200);
      expect(ok.contentType).toMatch(/^text\/html/);
      expect(ok.body).toContain('<title>');
      expect(ok.url).toBe(site.urlFor('/page/1'));
      const missing = await fetchPage(site.urlFor('/no-such-page'), { timeoutMs: 5_000 });
      expect(missing.status).toBe(404);
    });

    it('does not follow a redirect: a 301 is an answer with its Location', async () => {
      const site = await sites.start({ seed: 1, pages: 10 });
      const res = await fetchPage(site.urlFor('/old/1'), { timeoutMs: 5_000 });
      expect(res.status).toBe(301);
      expect(res.location).toBe('/page/1');
      expect(site.counters.paths()).toEqual(['/old/1']);
    });

    it('gives up after timeoutMs on a server that never answers, and abandons the request', async () => {
      const site = await sites.start({ seed: 1, pages: 10, faults: [{ path: '/page/2', hang: true }] });
      const failure = await withTimeout(
        fetchPage(site.urlFor('/page/2'), { timeoutMs: 200 }).then(
          () => undefined,
          (err: unknown) => err,
        ),
        5_000,
        'fetchPage to give up on a hanging server (timeoutMs was 200)',
      );
      expect(failure).toBeInstanceOf(FetchError);
      expect((failure as FetchError).reason).toBe('timeout');
      // The server's view: the client went away; it did not leave the request open.
      await eventually(
        () => site.counters.aborted === 1,
        'the server to see the timed-out request abandoned',
      );
    });

    it('reports a dropped connection as a network error', async () => {
      const site = await sites.start({ seed: 1, pages: 10, faults: [{ path: '/page/3', reset: true }] });
      const err = await fetchPage(site.urlFor('/page/3'), { timeoutMs: 5_000 }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(FetchError);
      expect((err as FetchError).reason).toBe('network');
    });

    it('rejects with the signal’s reason when aborted, without waiting for the timeout', async () => {
      const site = await sites.start({ seed: 1, pages: 10, faults: [{ path: '/page/2', hang: true }] });
      const controller = new AbortController();
      const pending = fetchPage(site.urlFor('/page/2'), {
        timeoutMs: 60_000,
        signal: controller.signal,
      }).catch((e: unknown) => e);
      await site.waitForRequests(1);
      controller.abort();
      const err = await withTimeout(pending, 2_000, 'fetchPage to stop when its signal aborts');
      expect(err).toMatchObject({ name: 'AbortError' });
    });

    it('leaves no socket or timer behind, whatever the outcome', async () => {
      const site = await sites.start({
        seed: 1,
        pages: 10,
        faults: [
          { path: '/page/2', hang: true },
          { path: '/page/3', reset: true },
        ],
      });
      const before = snapshot();
      await fetchPage(site.urlFor('/page/1'), { timeoutMs: 5_000 });
      await fetchPage(site.urlFor('/page/2'), { timeoutMs: 100 }).catch(() => {});
      await fetchPage(site.urlFor('/page/3'), { timeoutMs: 5_000 }).catch(() => {});
      await fetchPage(site.urlFor('/nope'), { timeoutMs: 5_000 });
      await expectCleanedUp(site, before);
    });
  });
});
