import type { CrawlRecord } from './crawl-record';
import { FetchError } from './errors';
import { fetchWithRetries, type RetryOptions } from './fetch-with-retries';
import { ALLOW_ALL, DISALLOW_ALL, parseRobots, type RobotsRules } from './robots';

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
  const url = new URL('/robots.txt', origin).href;
  try {
    const { response, attempts } = await fetchWithRetries(url, options);
    if (response.status >= 200 && response.status < 300) return parseRobots(response.body, userAgent);
    if (response.status >= 400 && response.status < 500) return ALLOW_ALL;
    record.fail(
      url,
      'robots-unavailable',
      `HTTP ${response.status} after ${attempts} attempts: crawling nothing`,
      attempts,
    );
    return DISALLOW_ALL;
  } catch (err) {
    if (options.signal?.aborted) throw options.signal.reason;
    const attempts = err instanceof FetchError ? err.attempts : 1;
    record.fail(url, 'robots-unavailable', `${String(err)}: crawling nothing`, attempts);
    return DISALLOW_ALL;
  }
}
