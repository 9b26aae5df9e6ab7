// The worker entry of Task 3: started by aggregateParallel (through the runtime's runWorker), one
// per byte range. It should read its `RangeTask` from `workerData`, aggregate that range, and post
// one `RangeMessage` (types.ts) back: the partial result, its `threadId`, and the interval it was
// busy, measured on a clock all threads share: `performance.timeOrigin + performance.now()`.

throw new Error(
  'Not implemented yet: range-worker.ts (Task 3): aggregate workerData.range and post a RangeMessage',
);
