import type { CrawlRecord } from './crawl-record';
import type { RetryOptions } from './fetch-with-retries';
import type { RobotsRules } from './robots';

/**
 * Task 5. Fetch `<origin>/robots.txt` (with the crawl's retry policy) and return the rules to obey:
 * - a 2xx answer: `parseRobots(body, userAgent)`;
 * - a 4xx answer ("unavailable", RFC 9309 §2.3.1.3): no rules, everything allowed;
 * - a 5xx after the retries, or no answer at all ("unreachable", §2.3.1.4): assume everything is
 *   disallowed, and record a `robots-unavailable` failure for the robots.txt URL saying so.
 * An abort (`options.signal`) rejects with its reason.
 *
 * @example
 * const rules = await loadRobots('http://127.0.0.1:8080', 'course-crawler', retryOptions, record);
 * rules.isAllowed('/private/1'); // false on the test site
 */
export async function loadRobots(
  origin: string,
  userAgent: string,
  options: RetryOptions,
  record: CrawlRecord,
): Promise<RobotsRules> {
  throw new Error(
    `Not implemented yet: loadRobots(${origin}, ${userAgent}, retries ${options.retries}) with ${record.failures.length} failures so far (Task 5)`,
  );
}
