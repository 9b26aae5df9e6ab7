export { assertLinearizable } from './assert-linearizable';
export { type CheckOptions, checkLinearizable, type LinearizabilityResult } from './check';
export { HistoryRecorder, historyNow, type Operation, validateHistory } from './history';
export { counterModel, fifoQueueModel, type Model } from './models';
export { describeOp, timelineHtml, writeTimelineHtml } from './timeline-html';
