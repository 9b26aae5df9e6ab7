export { assertRanInParallel, type BusyInterval, maxOverlap, recordBusy, sharedNow } from './busy-intervals';
