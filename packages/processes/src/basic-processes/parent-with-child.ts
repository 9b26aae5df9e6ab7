// A middle process: forks a child (through the runtime, so it carries the orphan guard), reports
// both pids, then idles until it is killed.
import { join } from 'node:path';
import { startChild } from '@course/runtime';

const c = startChild(join(__dirname, 'idle-child.ts'), { stdio: 'ignore' });
c.child.once('message', () => process.send!({ parentPid: process.pid, childPid: c.pid }));
setInterval(() => {}, 1_000);
