import type { CrawlOptions } from './types';

/** `CrawlOptions` with every default filled in, and the start URL parsed. */
export interface ResolvedOptions {
  start: string;
  maxPages: number;
  maxDepth: number;
  concurrency: number;
  timeoutMs: number;
  maxBytes: number;
  retries: number;
  backoffMs: number;
  maxBackoffMs: number;
  maxRetryAfterMs: number;
  delayMs: number;
  maxRedirects: number;
  obeyRobots: boolean;
  userAgent: string;
  signal: AbortSignal | undefined;
  random: () => number;
}

export const DEFAULTS = {
  maxPages: 100,
  maxDepth: 5,
  concurrency: 4,
  timeoutMs: 10_000,
  maxBytes: 1024 * 1024,
  retries: 3,
  backoffMs: 100,
  maxBackoffMs: 5_000,
  maxRetryAfterMs: 30_000,
  delayMs: 0,
  maxRedirects: 5,
  obeyRobots: true,
  userAgent: 'course-crawler',
} as const;

/**
 * Task 2. Check `crawl`'s input and fill in the defaults, BEFORE any request is made. Throws a
 * `TypeError` (wrong type, bad URL, unknown option) or `RangeError` (number out of range) whose
 * message names the option, the value and what was expected.
 *
 * @example
 * resolveOptions('http://127.0.0.1:8080/', { concurrency: 8 }).concurrency; // 8
 * resolveOptions('ftp://127.0.0.1/', {});   // TypeError: crawl: the start URL "ftp://127.0.0.1/" must be http: or https:
 * resolveOptions('http://127.0.0.1/', { maxDepth: -1 }); // RangeError: crawl: option "maxDepth" must be ...
 */
export function resolveOptions(start: unknown, options: CrawlOptions = {}): ResolvedOptions {
  throw new Error(
    `Not implemented yet: resolveOptions(${String(start)}, ${JSON.stringify(Object.keys(options))}) (Task 2)`,
  );
}
