export { type BatchReport, failFast, runBatch } from './batch';
export { createLimiter, type Limiter } from './limiter';
export { predictions, type SnippetName } from './predictions';
