import { threadId } from 'node:worker_threads';
import { serveTasks } from '@course/threads/serve-tasks';
import { timedCountPrimes } from './timed-count';

serveTasks((range: [number, number]) => timedCountPrimes(range, `thread ${threadId}`));
