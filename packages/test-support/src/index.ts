export { assertRanInParallel, type BusyInterval, maxOverlap, recordBusy, sharedNow } from './busy-intervals';
export { chromiumMissingReason, chromiumPath, withPage } from './chromium';
