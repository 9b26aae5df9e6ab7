import { inject } from 'vitest';

/** The Redis the global setup started (or was given), and why tests skip when there is none. */
export const redisUrl = inject('redisUrl');
export const redisSkipReason = inject('redisSkipReason');
export const noRedis = redisUrl === '';
