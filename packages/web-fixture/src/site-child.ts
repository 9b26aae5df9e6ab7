import type { SiteOptions } from './start-site';
import { startSite } from './start-site';

/**
 * Child-process entry: serve the site in its own process (its own event loop), so a benchmark's
 * client does not share a thread with the server it measures. Start it with the runtime's
 * `startChild`, send the options, get `{ url, origin }` back; send `'counters'` for a snapshot,
 * `'stop'` to close and exit.
 */
if (!process.send)
  throw new Error('site-child.ts expects to be started as a child process with an IPC channel (startChild)');
process.once('message', (options: SiteOptions) => {
  void startSite(options).then((site) => {
    process.on('message', (m) => {
      if (m === 'counters') process.send!({ counters: site.counters.snapshot() });
      if (m === 'stop') void site.close().then(() => process.disconnect());
    });
    process.send!({ url: site.url, origin: site.origin });
  });
});
