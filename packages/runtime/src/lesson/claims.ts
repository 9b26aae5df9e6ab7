import { formatRatio } from '../terminal/table';

/**
 * What THIS run's figures say about a claim a lesson (or a benchmark) makes.
 *
 * - `holds`: the figures show it.
 * - `does-not-hold`: the figures were good enough to judge, and they say no.
 * - `not-judged`: the run could not judge it (too small a size, fewer free cores than the claim
 *   needs). Never printed as holding.
 */
export type ClaimVerdict = 'holds' | 'does-not-hold' | 'not-judged';

export interface ClaimEvidence {
  verdict: ClaimVerdict;
  /** The figures in words: "2 threads 1.84× vs CPU check 1.95× (needs ≥ 0.75 of it: 1.46×)". */
  because: string;
  /** Shown when the verdict is not `holds`, e.g. "run without --quick, on an idle machine". */
  tryNext?: string;
}

/** A claim as a narrator recorded it: what was claimed and the evidence it was judged on. */
export interface ClaimRecord {
  text: string;
  evidence: ClaimEvidence;
}

/** Evidence from a check the caller already made: `ok` decides, `because` says what was seen. */
export function evidenceIf(ok: boolean, because: string, tryNext?: string): ClaimEvidence {
  return ok ? { verdict: 'holds', because } : { verdict: 'does-not-hold', because, tryNext };
}

/** A claim this run could not judge; `because` says why (never printed as holding). */
export function notJudged(because: string, tryNext?: string): ClaimEvidence {
  return { verdict: 'not-judged', because, tryNext };
}

interface BoundOptions {
  /** How to print the value and the bound; default `formatRatio` ("1.84×"). */
  format?: (n: number) => string;
  tryNext?: string;
}

/**
 * `value >= needed`, e.g. `evidenceAtLeast(ratio, 20, 'fork-per-task / pool')`
 * → "fork-per-task / pool 396× (needs ≥ 20×)".
 */
export function evidenceAtLeast(
  value: number,
  needed: number,
  what: string,
  { format = formatRatio, tryNext }: BoundOptions = {},
): ClaimEvidence {
  return evidenceIf(value >= needed, `${what} ${format(value)} (needs ≥ ${format(needed)})`, tryNext);
}

/** `value <= limit`, e.g. `evidenceAtMost(speedUp, 1.2, '"async" vs sequential')`. */
export function evidenceAtMost(
  value: number,
  limit: number,
  what: string,
  { format = formatRatio, tryNext }: BoundOptions = {},
): ClaimEvidence {
  return evidenceIf(value <= limit, `${what} ${format(value)} (needs ≤ ${format(limit)})`, tryNext);
}

/**
 * A count that must be above zero: "the race was caught" only when a lost update was seen.
 * `what` names the thing counted: `evidenceCount(lost, 'updates lost', { tryNext: … })`.
 */
export function evidenceCount(
  count: number,
  what: string,
  { tryNext, context }: { tryNext?: string; context?: string } = {},
): ClaimEvidence {
  const tail = context ? ` ${context}` : '';
  return evidenceIf(count > 0, `${count.toLocaleString('en-US')} ${what}${tail}`, tryNext);
}

/** What the CPU check of the same run measured: `capacity` loops' worth of CPU from `threads` loops at once. */
export interface CapacityCheck {
  threads: number;
  capacity: number;
}

export interface SpeedUpOptions {
  /** The measured speed-up over the one-thread baseline, e.g. sequential / threads. */
  speedUp: number;
  /** The CPU check measured in the same run. */
  check: CapacityCheck;
  /** What the speed-up is of, e.g. "2 threads". */
  what: string;
  /** The share of the check's capacity the speed-up must reach. Default 0.75. */
  share?: number;
  /**
   * Below this capacity the machine did not give a second core: no parallel speed-up can show, so
   * the claim is not judged (and never holds). Default 1.25.
   */
  minCapacity?: number;
  /** A speed-up must also be at least this, whatever the check says. Default 1.15. */
  minSpeedUp?: number;
  tryNext?: string;
}

/**
 * A parallel speed-up read against the CPU check of the same run (the same loop on 1 and on N
 * threads). On one free core the check shows ~1×: the claim is then not judged, never "holds".
 *
 * @example
 * evidenceSpeedUp({ speedUp: 1.84, check: { threads: 2, capacity: 1.95 }, what: '2 threads' })
 * // holds: "2 threads 1.84× vs CPU check 1.95× of 2 (needs ≥ 0.75 of it: 1.46×)"
 */
export function evidenceSpeedUp({
  speedUp,
  check,
  what,
  share = 0.75,
  minCapacity = 1.25,
  minSpeedUp = 1.15,
  tryNext = 'run it again on an idle machine with at least 2 free cores',
}: SpeedUpOptions): ClaimEvidence {
  const checkText = `CPU check ${formatRatio(check.capacity)} of ${check.threads}`;
  if (check.capacity < minCapacity) {
    return notJudged(
      `${what} ${formatRatio(speedUp)}, but the ${checkText}: this run got about one core, so no parallel speed-up could show`,
      tryNext,
    );
  }
  const needed = Math.max(minSpeedUp, share * check.capacity);
  return evidenceIf(
    speedUp >= needed,
    `${what} ${formatRatio(speedUp)} vs ${checkText} (needs ≥ ${share} of it: ${formatRatio(needed)})`,
    tryNext,
  );
}

/**
 * Several pieces of evidence for one claim: it holds only if every piece holds; any piece that
 * does not hold makes it not hold; otherwise it is not judged.
 */
export function allOf(...pieces: readonly ClaimEvidence[]): ClaimEvidence {
  if (pieces.length === 0) throw new Error('allOf() needs at least one piece of evidence');
  const because = pieces.map((p) => p.because).join('; ');
  const firstTry = (v: ClaimVerdict) => pieces.find((p) => p.verdict === v && p.tryNext)?.tryNext;
  if (pieces.some((p) => p.verdict === 'does-not-hold'))
    return { verdict: 'does-not-hold', because, tryNext: firstTry('does-not-hold') };
  if (pieces.some((p) => p.verdict === 'not-judged'))
    return { verdict: 'not-judged', because, tryNext: firstTry('not-judged') };
  return { verdict: 'holds', because };
}

/**
 * At `--quick` size some effects are too small to judge: the evidence is shown, the verdict is
 * "not judged at quick size" (unless the evidence already says it does not hold... which, at a small
 * size, is not a verdict either).
 */
export function judgedAtFullSize(quick: boolean, evidence: ClaimEvidence): ClaimEvidence {
  if (!quick) return evidence;
  return notJudged(`not judged at quick size (${evidence.because})`, 'run it without --quick');
}
