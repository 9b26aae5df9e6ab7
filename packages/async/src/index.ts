import type { Lesson } from '@course/runtime';
import { lesson as asyncIo } from './async-io';
import { lesson as asyncWebRequests } from './async-web-requests';
import { lesson as basicAsync } from './basic-async';
import { lesson as context } from './context';

/** The lessons of this package, in menu order. */
export const lessons: Lesson[] = [basicAsync, asyncIo, asyncWebRequests, context];

export { type BatchOptions, type BatchOutcome, fetchBatch } from './async-web-requests/fetch-batch';
export { fetchWithRetry, type RetriedFetch, type RetryOptions } from './async-web-requests/fetch-with-retry';
export { type FetchedText, fetchText, type TimeoutOptions } from './async-web-requests/fetch-with-timeout';
export { createLimiter, type Limiter } from './async-web-requests/limiter';
export {
  backoffDelay,
  isNetworkError,
  isRetryableStatus,
  isTimeout,
  parseRetryAfter,
  type RetryPolicy,
} from './async-web-requests/retry-policy';
