import { parentPort, workerData } from 'node:worker_threads';
import { doSequentially, type IoItem, type ShareReport } from './io-item';

// A worker thread that does its share of the I/O job one item at a time, then reports.
void doSequentially(workerData as IoItem[]).then((bytes) => {
  const report: ShareReport = { bytes, cpuMs: 0, rssBytes: 0 };
  parentPort!.postMessage(report);
});
