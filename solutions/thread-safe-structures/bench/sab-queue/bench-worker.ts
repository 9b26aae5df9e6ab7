import { parentPort, workerData } from 'node:worker_threads';
import { type Job, type RoleSetup, runJob } from './roles';

// One long-lived worker per role: every repetition is a message in, 'done' out.
parentPort?.on('message', (job: Job) =>
  runJob(workerData as RoleSetup, job, () => parentPort?.postMessage('done')),
);
