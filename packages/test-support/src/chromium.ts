// Headless Chromium for checking that pages the course writes (charts, reports, diagrams) really
// render. Uses the system browser (Debian's `chromium`, or CHROMIUM_PATH), found by @course/tooling's
// chromiumPath, where `pnpm test` also keys its cache on it; playwright-core downloads nothing.
// Flags keep it off the network: no background requests, no component updates.
import { pathToFileURL } from 'node:url';
import { chromiumPath } from '@course/tooling/system-tools';
import { type Browser, chromium, type Page } from 'playwright-core';

export { chromiumPath };

/** Why browser tests cannot run here, or undefined when they can. Print it when skipping. */
export function chromiumMissingReason(): string | undefined {
  return chromiumPath()
    ? undefined
    : 'headless Chromium not found: install it with `apt-get install chromium` or set CHROMIUM_PATH';
}

/**
 * Open a local HTML file in headless Chromium, run `fn` on the page, and always close the browser.
 *
 * @example
 * const bars = await withPage('/tmp/report.html', (page) => page.locator('rect.bar').count());
 */
export async function withPage<T>(
  file: string,
  fn: (page: Page) => Promise<T>,
  timeoutMs = 30_000,
): Promise<T> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error(chromiumMissingReason());
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath,
      timeout: timeoutMs,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const page = await browser.newPage();
    page.setDefaultTimeout(timeoutMs);
    // Only the file itself may load: anything else means the page is not self-contained.
    await page.route(/^(?!file:)/, (route) => route.abort());
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    return await fn(page);
  } finally {
    await browser?.close();
  }
}
