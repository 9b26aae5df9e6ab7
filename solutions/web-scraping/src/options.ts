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

/** Which numeric options are whole numbers, and their least value. `Infinity` is allowed for the two limits. */
const NUMBERS: Record<string, { min: number; integer: boolean; infinite?: boolean }> = {
  maxPages: { min: 1, integer: true, infinite: true },
  maxDepth: { min: 0, integer: true, infinite: true },
  concurrency: { min: 1, integer: true },
  timeoutMs: { min: 1, integer: false },
  maxBytes: { min: 1, integer: true },
  retries: { min: 0, integer: true },
  backoffMs: { min: 0, integer: false },
  maxBackoffMs: { min: 0, integer: false },
  maxRetryAfterMs: { min: 0, integer: false },
  delayMs: { min: 0, integer: false },
  maxRedirects: { min: 0, integer: true },
};
const OTHERS = ['obeyRobots', 'userAgent', 'signal', 'random'];

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
  if (typeof start !== 'string')
    throw new TypeError(`crawl: the start URL must be a string, got ${typeof start}`);
  let url: URL;
  try {
    url = new URL(start);
  } catch {
    throw new TypeError(
      `crawl: the start URL "${start}" is not an absolute URL (expected e.g. http://127.0.0.1:8080/)`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`crawl: the start URL "${start}" must be http: or https:, not ${url.protocol}`);
  }
  if (options === null || typeof options !== 'object')
    throw new TypeError('crawl: options must be an object');

  // A misspelt option ("concurency") would otherwise be ignored without a word.
  for (const key of Object.keys(options)) {
    if (!(key in NUMBERS) && !OTHERS.includes(key)) {
      throw new TypeError(
        `crawl: unknown option "${key}" (known: ${[...Object.keys(NUMBERS), ...OTHERS].join(', ')})`,
      );
    }
  }
  const resolved = { ...DEFAULTS, ...options } as Record<string, unknown>;
  for (const [key, rule] of Object.entries(NUMBERS)) {
    const value = resolved[key];
    const ok =
      typeof value === 'number' &&
      !Number.isNaN(value) &&
      value >= rule.min &&
      (value === Number.POSITIVE_INFINITY
        ? rule.infinite === true
        : !rule.integer || Number.isInteger(value));
    if (!ok) {
      const kind = rule.integer ? 'an integer' : 'a number';
      const inf = rule.infinite ? ' (or Infinity)' : '';
      throw new RangeError(
        `crawl: option "${key}" must be ${kind} >= ${rule.min}${inf}, got ${String(value)}`,
      );
    }
  }
  if ((resolved.maxBackoffMs as number) < (resolved.backoffMs as number)) {
    throw new RangeError(
      `crawl: option "maxBackoffMs" (${resolved.maxBackoffMs}) must be >= "backoffMs" (${resolved.backoffMs})`,
    );
  }
  if (typeof resolved.obeyRobots !== 'boolean')
    throw new TypeError(`crawl: option "obeyRobots" must be a boolean`);
  if (typeof resolved.userAgent !== 'string' || resolved.userAgent === '') {
    throw new TypeError('crawl: option "userAgent" must be a non-empty string');
  }
  if (options.signal !== undefined && !(options.signal instanceof AbortSignal)) {
    throw new TypeError('crawl: option "signal" must be an AbortSignal');
  }
  if (options.random !== undefined && typeof options.random !== 'function') {
    throw new TypeError('crawl: option "random" must be a function returning a number in [0, 1)');
  }
  return {
    ...(resolved as Omit<ResolvedOptions, 'start' | 'signal' | 'random'>),
    start: url.href,
    signal: options.signal,
    random: options.random ?? Math.random,
  };
}
