import { parentPort, workerData } from 'node:worker_threads';
import { runLitmusRole } from './litmus-roles';

// One side of a litmus test; answers with the number of rounds it ran.
const { role, config } = workerData;
parentPort!.postMessage(runLitmusRole(role, config));
