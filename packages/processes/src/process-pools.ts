import {
  allOf,
  defineLesson,
  evidenceIf,
  formatMs,
  formatRatio,
  isMain,
  runLessonMain,
} from '@course/runtime';
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
    out.claim(
      `A bounded pool runs ${d.pids.length} processes and queues the rest: never one process per task`,
      evidenceIf(
        d.started === d.pids.length && JSON.stringify(d.inOrder) === JSON.stringify(d.sequential),
        `${d.ranges.length} tasks ran on ${d.started} children, with the same answers as one by one here`,
      ),
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
    out.claim(
      'A thrown error keeps the child; a crash is retried on a fresh child; a hang is killed at its budget. Every task settles',
      evidenceIf(
        expectedOutcomes(f.outcomes) && f.started > f.size,
        `${f.outcomes.map((o) => `${o.task}: ${o.outcome}`).join(', ')}; ${f.started - f.size} replacement children started`,
      ),
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
    const servedBefore = k.before.filter(([, n]) => n > 0).length;
    const newServed = k.after.find(([pid]) => pid === k.restarted.newPid)?.[1] ?? 0;
    out.claim(
      'The primary accepts every connection and hands it to a free worker; it restarts a worker that dies',
      allOf(
        evidenceIf(
          servedBefore === k.workers.length,
          `${servedBefore} of ${k.workers.length} workers served requests (${k.before.map(([, n]) => n).join('/')})`,
        ),
        evidenceIf(
          k.failed === 0 && newServed > 0,
          `the replacement ${k.restarted.newPid} served ${newServed}; ${k.failed} requests failed`,
        ),
      ),
    );
    out.say('On Linux the primary deals connections out in turn, but only to workers that are free to take');
    out.say(
      'one (cluster.schedulingPolicy SCHED_RR): a busy or slow worker is skipped, so the counts differ.',
    );
  },
});

/** The outcome each bad case must have: a value after its retry, or an error that names it. */
function expectedOutcomes(outcomes: readonly { task: string; outcome: 'value' | 'error' }[]): boolean {
  const want: Record<string, 'value' | 'error'> = {
    'ok 1': 'value',
    throws: 'error',
    'crashes once': 'value',
    'always crashes': 'error',
    hangs: 'error',
    'ok 2': 'value',
  };
  return outcomes.every((o) => want[o.task] === undefined || want[o.task] === o.outcome);
}

if (isMain(__filename)) runLessonMain(lesson);
