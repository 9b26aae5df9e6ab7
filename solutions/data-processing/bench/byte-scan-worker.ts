import { parentPort, workerData } from 'node:worker_threads';
import { byteScan } from './byte-scan';

// The byte-loop check's worker: count the newlines of one byte range, then one message.
const { file, start, end } = workerData as { file: string; start: number; end: number };
parentPort?.postMessage(byteScan(file, start, end));
