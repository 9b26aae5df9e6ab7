import { NO_FEATURES, type Site, startSite } from '@course/web-fixture';
import type { SiteReply, SiteRequest } from './remote-site';

// The benchmark's test site, in its own process: the server's CPU work (timers, HTTP parsing,
// rendering 2000 pages) must not be charged to the crawler's event loop it is measuring.
if (!process.send)
  throw new Error('site-child.ts must be started through startChild (it needs an IPC channel)');
const reply = (message: SiteReply) => process.send?.(message);

let site: Site | undefined;
process.on('message', async (message: SiteRequest) => {
  if (message.type === 'start') {
    const { pages, latencyMs, failOnceEndingIn } = message;
    const faults =
      failOnceEndingIn === undefined
        ? []
        : [{ path: new RegExp(`^/page/\\d*${failOnceEndingIn}(\\?|$)`), status: 500, failFirst: 1 }];
    site = await startSite({ seed: 1, pages, latencyMs, features: NO_FEATURES, faults });
    reply({ type: 'started', url: site.url });
  } else if (message.type === 'reset') {
    site?.reset();
    reply({ type: 'reset' });
  } else if (message.type === 'stats') {
    reply({ type: 'stats', maxInFlight: site?.counters.maxInFlight ?? 0, total: site?.counters.total ?? 0 });
  } else if (message.type === 'close') {
    await site?.close();
    reply({ type: 'closed' });
    process.disconnect();
  }
});
