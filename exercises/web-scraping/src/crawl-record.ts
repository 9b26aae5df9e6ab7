/** Given, not a task: the crawl's bookkeeping, so `crawl.ts` can stay about scheduling. */
import type { CrawlFailure, CrawlSummary, FailureReason, SkipReason } from './types';

/**
 * What a crawl counted so far: pages, failures, skipped links (each distinct URL once), redirects,
 * retries and requests; `summary()` turns it into the `CrawlSummary` the caller gets.
 *
 * @example
 * const record = new CrawlRecord();
 * record.skip('off-origin', 'https://example.com/');
 * record.fail('http://127.0.0.1:8080/x', 'http-404', 'HTTP 404', 1);
 * record.summary(false).failuresByReason; // { 'http-404': 1 }
 */
export class CrawlRecord {
  pages = 0;
  redirects = 0;
  retries = 0;
  requests = 0;
  readonly failures: CrawlFailure[] = [];
  readonly skipped: Record<SkipReason, number> = {
    'off-origin': 0,
    'unsupported-scheme': 0,
    'invalid-url': 0,
    disallowed: 0,
    'too-deep': 0,
    'over-max-pages': 0,
  };
  private readonly skippedUrls = new Set<string>();
  private readonly startedAt = performance.now();

  /** Count a link not followed, once per distinct URL (the first reason wins). */
  skip(reason: SkipReason, url: string): void {
    if (this.skippedUrls.has(url)) return;
    this.skippedUrls.add(url);
    this.skipped[reason]++;
  }

  /** Record a requested URL that produced no page. */
  fail(url: string, reason: FailureReason, detail: string, attempts: number): void {
    this.failures.push({ url, reason, detail, attempts });
  }

  /** The summary as of now; `elapsedMs` counts from when this record was made. */
  summary(cancelled: boolean): CrawlSummary {
    const failuresByReason: Record<string, number> = {};
    for (const f of this.failures) failuresByReason[f.reason] = (failuresByReason[f.reason] ?? 0) + 1;
    return {
      pages: this.pages,
      failures: [...this.failures],
      failuresByReason,
      skipped: { ...this.skipped },
      redirects: this.redirects,
      retries: this.retries,
      requests: this.requests,
      elapsedMs: performance.now() - this.startedAt,
      cancelled,
    };
  }
}
