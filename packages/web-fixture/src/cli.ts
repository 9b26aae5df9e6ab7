import { parseSiteArgs } from './parse-site-args';
import { startSite } from './start-site';

/**
 * `pnpm --filter @course/web-fixture site --seed 1 --pages 200 [--latency 20] [--jitter 10] [--port 8080]`
 * Serves the site until Ctrl-C, then prints what it counted.
 */
async function main(): Promise<void> {
  let options: ReturnType<typeof parseSiteArgs>;
  try {
    options = parseSiteArgs(process.argv.slice(2));
  } catch (err) {
    console.error((err as Error).message);
    process.exitCode = 2;
    return;
  }
  const site = await startSite(options);
  console.log(`Test site (seed ${options.seed ?? 1}, ${site.model.pages} pages) at ${site.url}`);
  console.log(`  robots: ${site.urlFor('/robots.txt')}   sitemap: ${site.urlFor('/sitemap.xml')}`);
  console.log('  Ctrl-C to stop.');
  process.once('SIGINT', () => {
    void site.close().then(() => {
      const c = site.counters;
      console.log(
        `\nServed ${c.total} requests on ${c.connections} connections; at most ${c.maxInFlight} at once.`,
      );
    });
  });
}

void main();
