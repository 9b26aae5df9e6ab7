// The parallelism proof lives in the runtime (lessons measure busy intervals too); tests import it here.
export {
  assertRanInParallel,
  assertRunsInParallel,
  type BusyInterval,
  maxOverlap,
  recordBusy,
  sharedNow,
} from '@course/runtime';
