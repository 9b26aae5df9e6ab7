import { evidenceIf, formatMs, type Narrator } from '@course/runtime';
import { type CrashResult, crashMidJob } from './crash-recovery';
import { type DistributeResult, distributeCount } from './distribute';
import { gracefulShutdown, type ShutdownResult } from './graceful-shutdown';
import { type ProgressResult, progressEvents } from './progress';
import { type RateLimitResult, rateLimited } from './rate-limit';
import { type RetryResult, retryWithBackoff } from './retries';

/** Everything one run of the lesson measured. */
export interface ExperimentResults {
  distribute: DistributeResult;
  retries: RetryResult;
  crash: CrashResult;
  rate: RateLimitResult;
  progress: ProgressResult;
  shutdown: ShutdownResult;
}

export interface ExperimentOptions {
  quick: boolean;
  signal?: AbortSignal;
  /** Queue for the first experiment, so workers started elsewhere join in; default a private one. */
  sharedQueue?: string | undefined;
}

/**
 * Run the lesson's experiments one after another, narrating each as soon as it has its figures,
 * and return every figure. The lesson and its tests call this same function once: the tests assert
 * on the returned figures and on the narrated text.
 *
 * Each claim goes through `out.claim` with the figures it rests on: it is printed as holding only
 * when this run's figures bear it out, and as "did not hold in this run" otherwise.
 *
 * @example
 * const out = captureNarrator();
 * const results = await runExperiments(redisUrl, { quick: true }, out);
 */
export async function runExperiments(
  redisUrl: string,
  { quick, signal, sharedQueue }: ExperimentOptions,
  out: Narrator,
): Promise<ExperimentResults> {
  const verdict = (ok: boolean, claim: string, figures: string) =>
    out.claim(
      claim,
      evidenceIf(ok, figures, 'run the lesson again; if it repeats, check that redis-server is healthy'),
    );

  out.heading('Producer → Redis → worker processes, results merged by job id');
  const limit = quick ? 200_000 : 1_000_000;
  const batches = quick ? 40 : 100;
  const d = await distributeCount(redisUrl, {
    limit,
    batches,
    workers: 2,
    concurrency: 2,
    queue: sharedQueue,
    signal,
  });
  out.table(
    Object.entries(d.byWorker).map(([worker, jobs]) => ({ worker, jobs })),
    [
      { header: 'worker (host:pid)', value: (r) => r.worker },
      { header: 'jobs', value: (r) => String(r.jobs), align: 'right' },
    ],
  );
  out.figure(
    `${d.jobs} jobs, primes below ${limit.toLocaleString('en')}`,
    `${d.merged} merged, ${d.expected} computed here`,
  );
  out.figure('wall time', formatMs(d.wallMs));
  out.say('Each job is a range; a worker process pulls jobs while it has a free slot (concurrency 2).');
  verdict(
    d.merged === d.expected && d.completed === d.jobs && d.leftBehind === 0,
    `Merged ${d.completed}/${d.jobs} results: the same count as one process gets, no job left behind.`,
    `merged ${d.merged} of ${d.expected} primes from ${d.completed} of ${d.jobs} jobs; ${d.leftBehind} left behind`,
  );

  out.heading('Retries with backoff');
  const r = await retryWithBackoff(redisUrl, { delayMs: 150, signal });
  out.figure(
    'attempts of the flaky job',
    `${r.attemptStarts.length}, gaps ${r.gaps.map((g) => formatMs(g)).join(', ')} (backoff 150 ms × 2^n)`,
  );
  out.figure(
    'the job that always fails',
    `${r.exhausted.state} after ${r.exhausted.attemptsMade} attempts: "${r.exhausted.failedReason}"`,
  );
  verdict(
    r.recovered.state === 'completed' &&
      (r.gaps[0] ?? 0) >= r.delayMs &&
      (r.gaps[1] ?? 0) >= 2 * r.delayMs &&
      r.exhausted.state === 'failed',
    'A failing job is retried later, not at once; one that never succeeds is kept as failed with its reason, not dropped.',
    `flaky job ${r.recovered.state}, gaps ${r.gaps.map((g) => formatMs(g)).join(', ')} (needs ≥ ${r.delayMs} ms, then ≥ ${2 * r.delayMs} ms); hopeless job ${r.exhausted.state}`,
  );

  out.heading('A worker SIGKILLed mid-job');
  const c = await crashMidJob(redisUrl, { lockMs: 1000, stalledMs: 500, signal });
  out.say(
    `Worker ${c.killedWorker} delivered a result, then was killed before BullMQ recorded the job as done.`,
  );
  out.figure(
    'job back and done after',
    `${formatMs(c.recoveryMs)} (lock ${c.lockMs} ms, stalled check every ${c.stalledMs} ms), by ${c.recoveredBy}`,
  );
  out.figure('that job’s result delivered', `${c.crashedJobDeliveries} times`);
  out.figure('sum of every delivery', `${c.naiveTotal} (wrong: counted twice)`);
  out.figure('merged by job id', `${c.ledgerTotal} (expected ${c.expected})`);
  verdict(
    c.crashedJobDeliveries === 2 && c.ledgerTotal === c.expected && c.naiveTotal > c.expected,
    'At-least-once: a dead worker’s job runs again. Make the effect idempotent (key it by job id) and it counts once.',
    `${c.crashedJobDeliveries} deliveries of the crashed job (needs 2); sum of deliveries ${c.naiveTotal}, merged by id ${c.ledgerTotal} of ${c.expected}`,
  );

  out.heading('Rate limiting across processes');
  const l = await rateLimited(redisUrl, { max: 4, durationMs: 300, jobs: 12, workers: 2, signal });
  out.figure('job starts (ms after the window opened)', l.startOffsets.map((t) => Math.round(t)).join(' '));
  out.figure(`started in the first ${l.durationMs} ms`, `${l.inFirstWindow} (limit ${l.max})`);
  verdict(
    l.spanMs >= l.minSpanMs && l.inFirstWindow <= l.max,
    `Two processes × concurrency 4, yet ${l.jobs} jobs took ${formatMs(l.spanMs)} (≥ ${formatMs(l.minSpanMs)}): the limit lives in Redis, shared by all.`,
    `${l.jobs} jobs in ${formatMs(l.spanMs)} (the limit needs ≥ ${formatMs(l.minSpanMs)}); ${l.inFirstWindow} started in the first window (limit ${l.max})`,
  );

  out.heading('Progress events');
  const p = await progressEvents(redisUrl, { chunks: 5, signal });
  out.figure('the producer heard', `${p.sequence.join(' → ')}`);
  verdict(
    p.sequence.at(-1) === 'completed' && p.progress.every((v, i) => i === 0 || v > (p.progress[i - 1] ?? 0)),
    `Progress ${p.progress.join('%, ')}% crossed processes in order, before 'completed'.`,
    `events in order: ${p.sequence.join(' → ')}`,
  );

  out.heading('Graceful shutdown');
  const g = await gracefulShutdown(redisUrl, { signal });
  out.figure('worker exit after SIGTERM', g.exit.signal ? `signal ${g.exit.signal}` : `code ${g.exit.code}`);
  out.figure('its active job', g.activeJobState);
  out.figure('jobs still waiting for another worker', String(g.waitingAfterExit));
  verdict(
    g.exit.code === 0 &&
      g.activeJobState === 'completed' &&
      g.waitingAfterExit === g.jobs - 1 &&
      g.completed === g.jobs,
    `worker.close() finished the job in hand and took no new one; a successor completed ${g.completed}/${g.jobs}. No job lost.`,
    `exit ${g.exit.code ?? g.exit.signal}, active job ${g.activeJobState}, ${g.waitingAfterExit} left waiting, ${g.completed}/${g.jobs} completed`,
  );
  out.say('The price of crossing a network per job is measured in `pnpm bench job-queue`.');
  return { distribute: d, retries: r, crash: c, rate: l, progress: p, shutdown: g };
}
