import { join } from 'node:path';
import { runWorker } from '@course/runtime';
import { type AccessMode, type LitmusTest, litmusMemory, regions } from './litmus-layout';

export type { AccessMode, LitmusTest } from './litmus-layout';

/** What the JavaScript memory model says about an outcome of a litmus test. */
export type Verdict = 'allowed' | 'allowed, surprising' | 'forbidden';

export interface OutcomeRow {
  /** `r1,r2`, e.g. "0,0". */
  outcome: string;
  count: number;
  verdict: Verdict;
  /** What the outcome means, in words. */
  meaning: string;
  /** True for outcomes that only happen when the two threads' operations interleave. */
  interleaved: boolean;
}

export interface LitmusResult {
  test: LitmusTest;
  mode: AccessMode;
  rounds: number;
  ms: number;
  rows: OutcomeRow[];
  /** Rounds whose outcome can only come from the two threads running at the same time. */
  interleavedRounds: number;
  /** Rounds with an outcome the model forbids for this mode (must be 0). */
  forbiddenSeen: number;
  /** Rounds with the outcome the model allows only without Atomics (the reordering). */
  surprisingSeen: number;
}

interface Shape {
  outcome: string;
  meaning: string;
  interleaved: boolean;
  /** The outcome that needs a reordering: allowed for plain accesses, forbidden with Atomics. */
  reordered?: boolean;
}

const SHAPES: Record<LitmusTest, Shape[]> = {
  'store-buffering': [
    { outcome: '0,1', meaning: 'thread 0 ran first', interleaved: false },
    { outcome: '1,0', meaning: 'thread 1 ran first', interleaved: false },
    { outcome: '1,1', meaning: 'both stores, then both loads', interleaved: true },
    {
      outcome: '0,0',
      meaning: "each load missed the other's earlier store",
      interleaved: true,
      reordered: true,
    },
  ],
  'message-passing': [
    { outcome: '0,0', meaning: 'reader ran first', interleaved: false },
    { outcome: '1,1', meaning: 'writer ran first', interleaved: false },
    { outcome: '0,1', meaning: 'reader read the flag between the two writes', interleaved: true },
    { outcome: '1,0', meaning: 'saw the flag but not the data', interleaved: true, reordered: true },
  ],
};

/**
 * A litmus test in the style of jcstress: two workers run the same two-line programs round after
 * round (meeting at a spin-then-park barrier before each round), and every round's outcome is
 * tallied and classified by what the JavaScript memory model allows.
 *
 * It can show an allowed outcome happening; it can never prove one impossible (a count of 0 means
 * "not seen in these rounds"), and outcomes that need the two threads to overlap cannot show at all
 * when the machine runs them one at a time: `interleavedRounds` says how often they overlapped.
 *
 * @example
 * const r = await runLitmus({ test: 'store-buffering', mode: 'plain', budgetMs: 1_000 });
 * r.surprisingSeen; // > 0 on x86-64 and ARM with two free cores: the store buffer at work
 */
export async function runLitmus({
  test,
  mode,
  budgetMs,
  maxRounds = 200_000,
  spins = 5_000,
  signal,
}: {
  test: LitmusTest;
  mode: AccessMode;
  budgetMs: number;
  maxRounds?: number;
  spins?: number;
  signal?: AbortSignal;
}): Promise<LitmusResult> {
  const sab = litmusMemory(maxRounds);
  const started = Date.now();
  const config = { sab, test, mode, maxRounds, budgetMs, spins };
  const file = join(__dirname, 'litmus-worker.ts');
  const ran = await Promise.all(
    ([0, 1] as const).map((role) =>
      runWorker<number>(file, { workerData: { role, config }, signal, timeoutMs: budgetMs + 60_000 }),
    ),
  );
  const ms = Date.now() - started;
  const rounds = ran[0]!;
  if (ran[1] !== rounds) throw new Error(`Litmus workers disagree on the rounds run: ${ran.join(' vs ')}`);

  const { r1, r2 } = regions(sab, maxRounds);
  const counts = new Map<string, number>();
  for (let r = 0; r < rounds; r++) {
    const key = `${r1[r]},${r2[r]}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const rows: OutcomeRow[] = SHAPES[test].map((s) => ({
    outcome: s.outcome,
    count: counts.get(s.outcome) ?? 0,
    meaning: s.meaning,
    interleaved: s.interleaved,
    verdict: s.reordered ? (mode === 'plain' ? 'allowed, surprising' : 'forbidden') : 'allowed',
  }));
  const known = new Set(rows.map((r) => r.outcome));
  for (const [outcome, count] of counts) {
    if (!known.has(outcome))
      throw new Error(`Litmus ${test}: impossible outcome ${outcome} in ${count} rounds`);
  }
  const sum = (pick: (r: OutcomeRow) => boolean) => rows.filter(pick).reduce((n, r) => n + r.count, 0);
  return {
    test,
    mode,
    rounds,
    ms,
    rows,
    interleavedRounds: sum((r) => r.interleaved),
    forbiddenSeen: sum((r) => r.verdict === 'forbidden'),
    surprisingSeen: sum((r) => r.verdict === 'allowed, surprising'),
  };
}
