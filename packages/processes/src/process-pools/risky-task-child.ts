// A pool child whose tasks can misbehave on purpose: crash the process, hang, or throw.
import { existsSync, writeFileSync } from 'node:fs';
import { type RiskyTask, runRiskyTask } from './risky-task';
import { serveTasks } from './serve-tasks';

serveTasks((task: RiskyTask) =>
  runRiskyTask(task, { exists: existsSync, create: (p) => writeFileSync(p, String(process.pid)) }),
);
