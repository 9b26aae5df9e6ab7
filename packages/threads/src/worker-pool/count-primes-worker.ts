// The runtime's index is side-effect free: the bundle keeps only countPrimes, not the whole runtime.
import { countPrimes } from '@course/runtime';
import { serveTasks } from './serve-tasks';

// The pure task the thread and process pools are compared on.
serveTasks(([from, to]: [number, number]) => countPrimes(from, to));
