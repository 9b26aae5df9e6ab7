// Fork-per-task: a child that answers exactly one task and is then stopped (the pool's baseline).
// Imported by file for the same lean start-up as count-primes-child.ts: a fair baseline.
import { countPrimes } from '../../../runtime/src/tasks/count-primes';

process.once('message', ([from, to]: [number, number]) => process.send!(countPrimes(from, to)));
