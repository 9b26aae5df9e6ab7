import { join } from 'node:path';
import { startWorker } from '@course/runtime';

// A process that starts one worker spinning forever, unref()s it if asked, then has nothing left to
// do. The IPC channel is unref()ed too, so only the worker can keep this process alive.
const unref = process.argv.includes('--unref');
const w = startWorker(join(__dirname, 'busy-loop-worker.ts'));
w.worker.once('message', () => {
  if (unref) w.worker.unref();
  process.send!('worker running');
  process.channel?.unref();
});
