export { type Deferred, deferred } from './async/deferred';
export { shareSignal } from './async/shared-signal';
export { withTimeout } from './async/with-timeout';
export {
  type Bench,
  type BenchCase,
  type BenchContext,
  type BenchLineChart,
  defineBench,
  type RatioSpec,
} from './bench/define-bench';
export { type MachineInfo, machineInfo } from './bench/machine';
export { writeMarkdownSummary } from './bench/markdown-summary';
export { writeReport } from './bench/report';
export { type BenchResult, runBench } from './bench/run-bench';
export { escapeXml } from './charts/escape';
export { type HtmlSection, htmlPage, htmlTable } from './charts/html-page';
export { type BarChartInput, barChartSvg } from './charts/svg-bar-chart';
export { type LineChartInput, type LineSeries, lineChartSvg } from './charts/svg-line-chart';
export { closeMatches, editDistance } from './course/close-matches';
export {
  asTyped,
  courseCommand,
  courseRunner,
  detectRunner,
  formatCommand,
  formatUsage,
  onPath,
  pinnedPnpmVersion,
  type Runner,
  scriptPrefix,
} from './course/command';
export {
  COURSE_FILE,
  type CourseStep,
  courseOrderProblems,
  inCourseOrder,
  parseCourseOrder,
  readCourseOrder,
} from './course/course-order';
export {
  type CourseState,
  courseState,
  firstOpenTask,
  type StepProgress,
  type StepState,
} from './course/course-state';
export {
  type CourseProgress,
  type ExerciseRecord,
  type LessonRecord,
  progressDir,
  readProgress,
  recordExercise,
  recordLesson,
} from './course/progress-store';
export { abortError, isAbortError, TimeoutError, WorkerExitError } from './errors';
export {
  allOf,
  type CapacityCheck,
  type ClaimEvidence,
  type ClaimRecord,
  type ClaimVerdict,
  evidenceAtLeast,
  evidenceAtMost,
  evidenceCount,
  evidenceIf,
  evidenceSpeedUp,
  judgedAtFullSize,
  notJudged,
  type SpeedUpOptions,
} from './lesson/claims';
export { defineLesson, type Lesson, type LessonContext, type LessonMeta } from './lesson/lesson';
export { captureNarrator, createNarrator, type Narrator, tallyClaims } from './lesson/narrator';
export {
  claimsLine,
  isMain,
  parseLessonArgs,
  type RunLessonOptions,
  runLesson,
  runLessonMain,
} from './lesson/run-lesson';
export type { RunOptions, TaskPool } from './pool/task-pool';
export { mulberry32 } from './random/mulberry32';
export { packageDirOf, runnableEntry } from './spawn/compile-entry';
export { inheritedExecArgv } from './spawn/exec-argv';
export { type LiveHandle, liveHandles, stopAll } from './spawn/registry';
export {
  type ChildHandle,
  type ExitStatus,
  type RunChildOptions,
  runChild,
  type StartChildOptions,
  startChild,
} from './spawn/start-child';
export {
  type RunWorkerOptions,
  runWorker,
  type StartWorkerOptions,
  startWorker,
  type WorkerHandle,
} from './spawn/start-worker';
export { countPrimes, splitRange } from './tasks/count-primes';
export { spin } from './tasks/spin';
export { type Bar, formatBars } from './terminal/bar-chart';
export { colourEnabled, paint, stripAnsi, visibleLength } from './terminal/colour';
export { createProgress, type Progress } from './terminal/progress';
export { type Column, formatMs, formatNumber, formatRatio, formatTable } from './terminal/table';
export {
  assertRanInParallel,
  assertRunsInParallel,
  type BusyInterval,
  maxOverlap,
  recordBusy,
  sharedNow,
} from './timing/busy-intervals';
export { type Measurement, measure, measureRepeated, type RepeatedMeasurement } from './timing/measure';
export { ratio, type Summary, summarize } from './timing/stats';
export { findInPackages, workspaceRoot } from './workspace';
