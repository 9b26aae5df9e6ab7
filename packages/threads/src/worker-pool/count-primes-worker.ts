// Imported from its own file, not '@course/runtime': the index would pull the whole runtime (esbuild,
// kleur) into every worker's bundle and start-up.
import { countPrimes } from '../../../runtime/src/tasks/count-primes';
import { serveTasks } from './serve-tasks';

// The pure task the thread and process pools are compared on.
serveTasks(([from, to]: [number, number]) => countPrimes(from, to));
