import { dirname, join } from 'node:path';
import { startChild, withTimeout } from '@course/runtime';
import type { SiteOptions } from '@course/web-fixture';

/**
 * The web fixture in a child process: in-process, the server would compete with the client for the
 * one event-loop thread and the benchmark would measure both at once.
 */
export async function startSiteInChild(
  options: SiteOptions,
): Promise<{ origin: string; urlFor: (p: string) => string; stop: () => Promise<void> }> {
  const entry = join(dirname(require.resolve('@course/web-fixture/package.json')), 'src', 'site-child.ts');
  const handle = startChild(entry, { stdio: 'pipe' });
  const ready = new Promise<{ origin: string }>((resolve) =>
    handle.child.once('message', (m) => resolve(m as { origin: string })),
  );
  handle.child.send(options as never);
  const { origin } = await withTimeout(ready, 20_000, 'the site child to listen');
  return {
    origin,
    urlFor: (p) => `${origin}${p}`,
    stop: async () => {
      handle.child.send('stop');
      await withTimeout(handle.exited, 5_000, 'the site child to exit').catch(() => handle.stop());
    },
  };
}
