// A writer process: waits for 'go' (a start barrier), increments the shared file's counter, reports.
import { type WriterJob, writeAll } from './writer-job';

process.once('message', (job: WriterJob) => {
  process.send!('ready');
  process.once('message', () => process.send!(writeAll(job)));
});
