// The cluster primary, run as a child of the lesson/test (so they never become a primary themselves).
// argv: <runnable worker .js> <workers>. Talks to its parent over IPC: see cluster-control.ts.
import { runPrimary } from './cluster-control';

const [workerFile, workers] = process.argv.slice(2);
if (!workerFile || !workers) throw new Error('usage: cluster-primary <worker.js> <workers>');
runPrimary(workerFile, Number.parseInt(workers, 10));
