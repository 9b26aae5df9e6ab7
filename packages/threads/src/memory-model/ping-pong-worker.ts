import { parentPort, workerData } from 'node:worker_threads';
import { playPingPong } from './ping-pong-roles';

// One side of the ping-pong; answers with its time and how its waits ended.
parentPort!.postMessage(playPingPong(workerData));
