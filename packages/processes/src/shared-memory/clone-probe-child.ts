// Reports what actually arrived: the type of each field, and for a typed array, writes 7 into it
// first (to show whether the sender's memory changes).
import { describeArrival } from './describe-arrival';

process.on('message', (m: Record<string, unknown>) => process.send!(describeArrival(m)));
process.send!('ready');
