import { captureNarrator, liveHandles } from '@course/runtime';
import { afterEach, describe, expect, it } from 'vitest';
import {
  FALSE_SHARING_RATIO,
  falseSharingEvidence,
  forbiddenEvidence,
  lesson,
  MIN_INTERLEAVED,
  MIN_TOGETHER,
  reorderingEvidence,
  spinEvidence,
} from '../src/memory-model';
import { measureFalseSharing } from '../src/memory-model/false-sharing';
import { type LitmusResult, runLitmus } from '../src/memory-model/litmus';
import { spinVersusPark } from '../src/memory-model/spin-vs-park';

afterEach(() => {
  expect(liveHandles()).toHaveLength(0);
});

const result = (over: Partial<LitmusResult>): LitmusResult => ({
  test: 'store-buffering',
  mode: 'atomics',
  rounds: 1_000,
  ms: 100,
  rows: [],
  interleavedRounds: 0,
  forbiddenSeen: 0,
  surprisingSeen: 0,
  ...over,
});

describe('litmus runs', () => {
  for (const test of ['store-buffering', 'message-passing'] as const) {
    for (const mode of ['plain', 'atomics'] as const) {
      it(`${test} with ${mode} accesses tallies every round into one of its four outcomes`, async () => {
        const r = await runLitmus({ test, mode, budgetMs: 150 });
        expect(r.rounds).toBeGreaterThan(0);
        expect(r.rows.map((x) => x.outcome).sort()).toEqual(['0,0', '0,1', '1,0', '1,1']);
        expect(r.rows.reduce((n, x) => n + x.count, 0)).toBe(r.rounds);
        // Sequential consistency is a promise, not a likelihood: a forbidden outcome is a failure.
        expect(r.forbiddenSeen).toBe(0);
      });
    }
  }

  it('stops at maxRounds when that comes before the budget', async () => {
    const r = await runLitmus({ test: 'store-buffering', mode: 'plain', budgetMs: 60_000, maxRounds: 300 });
    expect(r.rounds).toBe(300);
  });
});

describe('judging a litmus run', () => {
  it('calls a reordering shown only when it was seen, and never "does not hold" (absence proves nothing)', () => {
    expect(reorderingEvidence(result({ mode: 'plain', surprisingSeen: 3 })).verdict).toBe('holds');
    expect(
      reorderingEvidence(result({ mode: 'plain', surprisingSeen: 0, interleavedRounds: 500 })).verdict,
    ).toBe('not-judged');
  });

  it('calls "never happens" shown only after enough overlapping rounds, and broken if it happened once', () => {
    expect(forbiddenEvidence(result({ interleavedRounds: MIN_INTERLEAVED })).verdict).toBe('holds');
    expect(forbiddenEvidence(result({ interleavedRounds: MIN_INTERLEAVED - 1 })).verdict).toBe('not-judged');
    expect(forbiddenEvidence(result({ interleavedRounds: 0 })).because).toMatch(/overlapped in 0/);
    expect(forbiddenEvidence(result({ interleavedRounds: 900, forbiddenSeen: 1 })).verdict).toBe(
      'does-not-hold',
    );
  });
});

describe('false sharing', () => {
  it('counts every increment of both private counters in both placements', async () => {
    // measureFalseSharing throws if either counter ends anywhere but `iterations`.
    const r = await measureFalseSharing({ iterations: 50_000, repetitions: 1 });
    expect(r.sameLine.ms).toHaveLength(1);
    expect(r.padded.ms).toHaveLength(1);
    expect(r.ratio).toBeGreaterThan(0);
    expect(r.together).toBeGreaterThanOrEqual(0);
    expect(r.together).toBeLessThanOrEqual(1);
  });

  it('judges the slowdown only when the two threads ran together in most samples', () => {
    expect(falseSharingEvidence({ ratio: 4, together: MIN_TOGETHER - 0.01 }).verdict).toBe('not-judged');
    expect(falseSharingEvidence({ ratio: FALSE_SHARING_RATIO, together: 0.9 }).verdict).toBe('holds');
    expect(falseSharingEvidence({ ratio: 1.1, together: 0.9 }).verdict).toBe('does-not-hold');
  });
});

describe('spin-then-park vs park-only', () => {
  it('completes every hand-over both ways and counts how each wait ended', async () => {
    const r = await spinVersusPark({ roundTrips: 500, spins: 1_000 });
    expect(r.parkOnly.spunShare).toBe(0); // spins = 0 never ends a wait while spinning
    expect(r.spinThenPark.spunShare).toBeGreaterThanOrEqual(0);
    expect(r.spinThenPark.spunShare).toBeLessThanOrEqual(1);
    expect(r.ratio).toBeGreaterThan(0);
  });

  it('judges the speed-up only when most waits ended while spinning', () => {
    expect(spinEvidence({ ratio: 3, spinThenPark: { spunShare: 0.1 } }).verdict).toBe('not-judged');
    expect(spinEvidence({ ratio: 3, spinThenPark: { spunShare: 0.9 } }).verdict).toBe('holds');
    expect(spinEvidence({ ratio: 0.9, spinThenPark: { spunShare: 0.9 } }).verdict).toBe('does-not-hold');
  });
});

describe('the lesson', () => {
  it('runs at --quick, never claims a forbidden outcome happened, and prints a ✔ only with the figures behind it', async () => {
    const out = captureNarrator();
    await lesson.run({ quick: true, signal: new AbortController().signal, out });
    const claims = out.claims();
    expect(claims).toHaveLength(5);
    const text = out.text();
    for (const c of claims) {
      expect(c.evidence.because.length).toBeGreaterThan(0);
      expect(text).toContain(c.evidence.because);
      if (c.evidence.verdict !== 'holds') expect(c.evidence.tryNext).toBeTruthy();
    }
    // Forbidden outcomes: the two "never happens" claims are never contradicted by the run.
    expect(claims[1]!.evidence.verdict).not.toBe('does-not-hold');
    expect(claims[2]!.evidence.verdict).not.toBe('does-not-hold');
    // The reordering claim is never "does not hold": not seeing it proves nothing.
    expect(claims[0]!.evidence.verdict).not.toBe('does-not-hold');
  });
});
