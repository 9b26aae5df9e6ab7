// Fork-per-task: a child that answers exactly one task and is then stopped (the pool's baseline).
import { countPrimes } from '@course/runtime';

process.once('message', ([from, to]: [number, number]) => process.send!(countPrimes(from, to)));
