// A pool child that counts primes: the same pure task the thread pool and the sequential runner use.
import { countPrimes } from '@course/runtime';
import { serveTasks } from './serve-tasks';

serveTasks(([from, to]: [number, number]) => countPrimes(from, to));
