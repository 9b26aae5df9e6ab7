export { backoffDelay, parseRetryAfter } from './backoff';
export { crawl } from './crawl';
export { CrawlRecord } from './crawl-record';
export { FetchError, type FetchErrorReason, isAbortError } from './errors';
export { type FetchedResponse, type FetchPageOptions, fetchPage, isHtmlContentType } from './fetch-page';
export { fetchWithRetries, type RetriedResponse, type RetryOptions } from './fetch-with-retries';
export { createLimiter, type Limiter } from './limiter';
export { loadRobots } from './load-robots';
export { isSameOrigin, normalizeUrl } from './normalize-url';
export { DEFAULTS, type ResolvedOptions, resolveOptions } from './options';
export { createPacer, type Pacer } from './pacer';
export { type Channel, createChannel } from './page-channel';
export { type ParsedPage, parsePage } from './parse-page';
export { ALLOW_ALL, DISALLOW_ALL, parseRobots, type RobotsRules } from './robots';
export type {
  Crawl,
  CrawlFailure,
  CrawlOptions,
  CrawlSummary,
  FailureReason,
  Page,
  SkipReason,
} from './types';
