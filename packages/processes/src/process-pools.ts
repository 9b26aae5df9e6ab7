import { defineLesson, formatMs, formatRatio, isMain, runLessonMain } from '@course/runtime';
import { clusterDemo } from './process-pools/cluster-demo';
import { poolCost } from './process-pools/pool-cost';
import { poolDemo } from './process-pools/pool-demo';
import { poolFailures } from './process-pools/pool-failures';

export const lesson = defineLesson({
  id: 'processes/process-pools',
  title: 'Process pools and the cluster module',
  summary:
    'A prefork pool that never loses a task (crashes, hangs, retries, drain), why it beats forking per task, and an HTTP cluster.',
  concepts: [
    'prefork pool',
    'task queue',
    'results in order vs as completed',
    'per-task timeout',
    'retry and replace',
    'cluster module',
  ],
  docs: 'docs/concepts/when-to-use-what.md',
  run: async ({ quick, out }) => {
    out.heading('A pool of child processes running a pure task');
    const d = await poolDemo(2, quick ? 300_000 : 1_000_000);
    out.say(
      `${d.ranges.length} countPrimes tasks on ${d.pids.length} children (pids ${d.pids.join(', ')}; this process is ${d.parentPid}).`,
    );
    out.say(`map() returns results in input order: ${JSON.stringify(d.inOrder)}`);
    out.say(
      `completed() yields them as they finish; task order: ${JSON.stringify(d.completionOrder)} (the big task 0 is not first)`,
    );
    out.say(
      `Same answers as running them here, one by one: ${JSON.stringify(d.inOrder) === JSON.stringify(d.sequential)}; children started: ${d.started}`,
    );
    out.takeaway(
      'A bounded pool keeps N processes busy and queues the rest: N cores used, never N-thousand processes.',
    );

    out.heading('When tasks go wrong: nothing lost, nothing hung');
    const f = await poolFailures(quick ? 500 : 1_000);
    out.table(f.outcomes, [
      { header: 'task', value: (o) => o.task },
      { header: 'outcome', value: (o) => o.outcome },
      { header: 'detail', value: (o) => o.detail.slice(0, 110) },
    ]);
    out.say(
      `The pool of ${f.size} started ${f.started} children in all: every one that crashed or hung was replaced.`,
    );
    out.takeaway(
      'A thrown error keeps the child; a crash is retried on a fresh child; a hang is killed at its budget. Every task settles.',
    );

    out.heading('Why prefork: the cost of a fresh process per task');
    const c = await poolCost(quick ? 5 : 20);
    out.figure('fork per task', `${formatMs(c.forkPerTaskMs / c.tasks)} per task`);
    out.figure('pooled task', `${formatMs(c.poolMs / c.tasks)} per task`);
    out.figure('pool is cheaper by', formatRatio(c.ratio));
    out.say('`pnpm bench process-pool` measures this with repetitions (claim: at least 20x on small tasks).');

    out.heading('The cluster module: one port, several processes');
    const k = await clusterDemo(2, quick ? 40 : 200);
    out.say(
      `Primary ${k.primaryPid} forked workers ${k.workers.join(', ')}; ${k.requests} requests to 127.0.0.1, 4 at a time:`,
    );
    out.bars(
      k.before.map(([pid, n]) => ({ label: `pid ${pid}`, value: n })),
      { unit: ' responses' },
    );
    out.say(
      `Killed worker ${k.restarted.oldPid} (${k.restarted.signal}); the primary forked ${k.restarted.newPid} in its place. The next run:`,
    );
    out.bars(
      k.after.map(([pid, n]) => ({ label: `pid ${pid}`, value: n })),
      { unit: ' responses' },
    );
    out.say(`Failed requests: ${k.failed}.`);
    out.takeaway(
      'The primary accepts connections and hands them round-robin to workers; it restarts a worker that dies.',
    );
  },
});

if (isMain(__filename)) runLessonMain(lesson);
