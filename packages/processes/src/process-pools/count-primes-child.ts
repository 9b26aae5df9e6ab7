// A pool child that counts primes: the same pure task the thread pool and the sequential runner use.
// Imported by file, not through @course/runtime: the index would bundle the whole runtime (and its
// esbuild/kleur requires) into every child and slow its start-up for nothing.
import { countPrimes } from '../../../runtime/src/tasks/count-primes';
import { serveTasks } from './serve-tasks';

serveTasks(([from, to]: [number, number]) => countPrimes(from, to));
