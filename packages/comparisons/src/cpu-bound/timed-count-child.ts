import { serveTasks } from '@course/processes/serve-tasks';
import { timedCountPrimes } from './timed-count';

serveTasks((range: [number, number]) => timedCountPrimes(range, `pid ${process.pid}`));
