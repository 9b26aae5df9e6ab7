import { type Bar, formatBars } from '../terminal/bar-chart';
import { paint } from '../terminal/colour';
import { type Column, formatTable } from '../terminal/table';
import type { ClaimEvidence, ClaimRecord, ClaimVerdict } from './claims';

/**
 * How a lesson talks: headings, prose, measured figures, tables and bars, all to one stream so
 * tests can capture exactly what a learner would read.
 *
 * There is one way to print a ✔: `claim(text, evidence)` with evidence from this run's own figures
 * whose verdict is `holds`. Statements that need no evidence are `say()`.
 */
export interface Narrator {
  heading(text: string): void;
  say(text: string): void;
  /** A measured figure, e.g. figure('worker start-up', '21.4 ms'). */
  figure(label: string, value: string): void;
  table<Row>(rows: readonly Row[], columns: readonly Column<Row>[]): void;
  bars(bars: readonly Bar[], options?: { unit?: string; width?: number }): void;
  /**
   * A claim and the evidence this run measured for it: ✔ when it holds, ✘ "did not hold in this
   * run" or ○ "not judged in this run" otherwise, with the figures and what to try.
   */
  claim(text: string, evidence: ClaimEvidence): void;
  warn(text: string): void;
  /** Every claim made so far, in order, with its evidence. */
  claims(): readonly ClaimRecord[];
}

export interface WritableText {
  write(chunk: string): unknown;
}

const VERDICTS = ['holds', 'does-not-hold', 'not-judged'] as const satisfies readonly ClaimVerdict[];

export function createNarrator(stream: WritableText = process.stdout): Narrator {
  const line = (s = '') => stream.write(`${s}\n`);
  const made: ClaimRecord[] = [];
  return {
    heading: (text) => {
      line();
      line(paint.heading(`▸ ${text}`));
    },
    say: (text) => line(`  ${text}`),
    figure: (label, value) => line(`  ${label}: ${paint.figure(value)}`),
    table: (rows, columns) => {
      line();
      for (const l of formatTable(rows, columns).split('\n')) line(`  ${l}`);
      line();
    },
    bars: (bars, options) => {
      for (const l of formatBars(bars, options).split('\n')) line(`  ${l}`);
    },
    claim: (text, evidence) => {
      // A typo'd or missing verdict must not fall through to a ✔.
      if (!VERDICTS.includes(evidence?.verdict)) {
        throw new Error(
          `claim("${text}"): evidence.verdict must be one of ${VERDICTS.join(', ')}, got ${JSON.stringify(evidence?.verdict)}`,
        );
      }
      made.push({ text, evidence: { ...evidence } });
      if (evidence.verdict === 'holds') {
        line(paint.ok(`  ✔ ${text}`));
        line(paint.dim(`      ${evidence.because}`));
        return;
      }
      const held = evidence.verdict === 'does-not-hold';
      line(
        (held ? paint.fail : paint.warn)(
          `  ${held ? '✘ did not hold' : '○ not judged'} in this run: ${text}`,
        ),
      );
      line(`      ${evidence.because}`);
      if (evidence.tryNext) line(paint.dim(`      try: ${evidence.tryNext}`));
    },
    warn: (text) => line(paint.warn(`  ! ${text}`)),
    claims: () => made,
  };
}

/** How many claims of each verdict a narrator has recorded. */
export function tallyClaims(claims: readonly ClaimRecord[]): Record<ClaimVerdict, number> {
  const tally: Record<ClaimVerdict, number> = { holds: 0, 'does-not-hold': 0, 'not-judged': 0 };
  for (const c of claims) tally[c.evidence.verdict]++;
  return tally;
}

/** A narrator that keeps everything in memory, for tests: `text()` returns what was written. */
export function captureNarrator(): Narrator & { text(): string } {
  const chunks: string[] = [];
  const narrator = createNarrator({ write: (c: string) => chunks.push(c) });
  return Object.assign(narrator, { text: () => chunks.join('') });
}
