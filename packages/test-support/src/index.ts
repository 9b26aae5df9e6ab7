export * from './busy-intervals';
export {
  type ExplorationReport,
  type ExploreOptions,
  type ExploreParticipant,
  explore,
  formatTrace,
  replayFromEnv,
  ScheduleFailure,
  type ScheduleOutcome,
  type StrategyName,
  type TraceStep,
} from './explore/explore';
export { decodeSchedule, encodeSchedule } from './explore/schedulers';
export {
  describeLeaks,
  diffResources,
  expectNoLeaks,
  findLeaks,
  type LeakOptions,
  type LeakReport,
  type ResourceCounts,
  type ResourceLeak,
  resourceCounts,
  TRANSIENT_RESOURCES,
} from './leaks';
export * from './linearizability';
export {
  expectLoopResponsive,
  expectNoLoopBlock,
  type LoopDelay,
  type LoopWatch,
  loopBlockMessage,
  watchEventLoop,
} from './loop-block';
export {
  type RepeatOptions,
  repeatWithSeeds,
  replayCommand,
  type SeedContext,
  seedsToRun,
} from './repeat-with-seeds';
export { type SeededRandom, seededRandom, seededYields } from './seeded';
