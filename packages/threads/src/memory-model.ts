import { arch } from 'node:os';
import {
  type ClaimEvidence,
  defineLesson,
  evidenceIf,
  formatMs,
  formatNumber,
  formatRatio,
  isMain,
  type Narrator,
  notJudged,
  runLessonMain,
} from '@course/runtime';
import { type FalseSharingResult, measureFalseSharing, PADDED_GAP_BYTES } from './memory-model/false-sharing';
import { type LitmusResult, runLitmus } from './memory-model/litmus';
import { hasAtomicsPause } from './memory-model/spin-then-park';
import { spinVersusPark } from './memory-model/spin-vs-park';

/** Rounds in which the two threads overlapped, below which "never seen" is no evidence at all. */
export const MIN_INTERLEAVED = 20;
/** The same-line / padded slowdown that counts as false sharing shown. */
export const FALSE_SHARING_RATIO = 1.5;
/** Share of samples with both threads running, below which the false-sharing run judged nothing. */
export const MIN_TOGETHER = 0.5;

const ONE_CORE_HINT =
  'run it on an idle machine with two free cores (on one core the threads take turns and cannot overlap)';

/** A reordering the model allows for plain accesses: shown only if seen. */
export function reorderingEvidence(r: LitmusResult): ClaimEvidence {
  const seen = `${formatNumber(r.surprisingSeen)} of ${formatNumber(r.rounds)} rounds (${formatNumber(r.interleavedRounds)} overlapped)`;
  if (r.surprisingSeen > 0) return { verdict: 'holds', because: seen };
  return notJudged(`${seen}: allowed, but not seen in this run`, ONE_CORE_HINT);
}

/** An outcome the model forbids with Atomics: holds only if never seen AND the threads really overlapped. */
export function forbiddenEvidence(r: LitmusResult): ClaimEvidence {
  const seen = `forbidden outcome in ${formatNumber(r.forbiddenSeen)} of ${formatNumber(r.rounds)} rounds; the threads overlapped in ${formatNumber(r.interleavedRounds)} (needs ≥ ${MIN_INTERLEAVED})`;
  if (r.forbiddenSeen > 0) return { verdict: 'does-not-hold', because: seen };
  if (r.interleavedRounds < MIN_INTERLEAVED)
    return notJudged(`${seen}: too few overlaps for "never" to mean anything`, ONE_CORE_HINT);
  return { verdict: 'holds', because: seen };
}

/** The share of waits that must end while spinning before the comparison says anything about two cores. */
export const MIN_SPUN_SHARE = 0.5;

/** Spin-then-park beats park-only only when the partner was running (most waits ended while spinning). */
export function spinEvidence(r: { ratio: number; spinThenPark: { spunShare: number } }): ClaimEvidence {
  const because = `park-only / spin-then-park ${formatRatio(r.ratio)} (needs ≥ ${formatRatio(1.2)}); ${(100 * r.spinThenPark.spunShare).toFixed(0)}% of waits ended while spinning (needs ≥ ${100 * MIN_SPUN_SHARE}%)`;
  if (r.spinThenPark.spunShare < MIN_SPUN_SHARE)
    return notJudged(`${because}: the partner was rarely running while a thread spun`, ONE_CORE_HINT);
  return evidenceIf(r.ratio >= 1.2, because, 'run it again on an idle machine');
}

/** False sharing shown only when the two threads really ran at once (else the line never had to move). */
export function falseSharingEvidence(f: Pick<FalseSharingResult, 'ratio' | 'together'>): ClaimEvidence {
  const because = `same line / padded ${formatRatio(f.ratio)} (needs ≥ ${formatRatio(FALSE_SHARING_RATIO)}); both threads running in ${(100 * f.together).toFixed(0)}% of samples (needs ≥ ${100 * MIN_TOGETHER}%)`;
  if (f.together < MIN_TOGETHER)
    return notJudged(
      `${because}: the threads mostly took turns, so the line never had to move`,
      ONE_CORE_HINT,
    );
  return evidenceIf(f.ratio >= FALSE_SHARING_RATIO, because, 'run it again on an idle machine');
}

function outcomeTable(out: Narrator, r: LitmusResult, program: string) {
  out.say(`${program}   (${r.mode === 'plain' ? 'plain reads and writes' : 'Atomics.load / Atomics.store'})`);
  out.table(r.rows, [
    { header: 'r1,r2', value: (x) => x.outcome },
    { header: 'rounds', value: (x) => formatNumber(x.count), align: 'right' },
    { header: 'JS memory model', value: (x) => x.verdict },
    { header: 'meaning', value: (x) => x.meaning },
  ]);
}

export const lesson = defineLesson({
  id: 'threads/memory-model',
  title: 'The memory model: what Atomics really promise',
  summary:
    'Litmus tests on two workers (store buffering, message passing), plain vs Atomics; false sharing measured.',
  concepts: [
    'memory model',
    'litmus test',
    'store buffering',
    'message passing',
    'sequential consistency',
    'Atomics.load/store',
    'false sharing',
    'cache line',
    'spin-then-park',
  ],
  docs: 'docs/concepts/memory-model.md',
  async run({ quick, out, signal }) {
    const budgetMs = quick ? 400 : 2_000;
    out.say(
      `Each litmus test runs two workers for ${formatMs(budgetMs)}, round after round, meeting at a barrier before every round; each round's two reads (r1, r2) are tallied. CPU: ${arch()}.`,
    );

    out.heading('Store buffering: x = 1; r1 = y   ‖   y = 1; r2 = x');
    const sbPlain = await runLitmus({ test: 'store-buffering', mode: 'plain', budgetMs, signal });
    outcomeTable(out, sbPlain, 'thread 0: x = 1; r1 = y     thread 1: y = 1; r2 = x');
    out.claim(
      'Without Atomics both threads can read 0: each store sat in its core’s store buffer while the other thread’s load ran.',
      reorderingEvidence(sbPlain),
    );
    const sbAtomic = await runLitmus({ test: 'store-buffering', mode: 'atomics', budgetMs, signal });
    outcomeTable(out, sbAtomic, 'the same program');
    out.claim(
      'With Atomics.store/load the outcome 0,0 never happens: Atomics are sequentially consistent, one order every thread agrees on.',
      forbiddenEvidence(sbAtomic),
    );

    out.heading('Message passing: data = 1; flag = 1   ‖   r1 = flag; r2 = data');
    const mpPlain = await runLitmus({ test: 'message-passing', mode: 'plain', budgetMs, signal });
    outcomeTable(out, mpPlain, 'writer: data = 1; flag = 1     reader: r1 = flag; r2 = data');
    out.figure(
      '"saw the flag but not the data" with plain accesses',
      `${formatNumber(mpPlain.surprisingSeen)} of ${formatNumber(mpPlain.rounds)} rounds`,
    );
    out.say(
      arch() === 'x64' || arch() === 'ia32'
        ? 'x86 keeps stores in order and loads in order (TSO), so this CPU rarely or never shows 1,0; JavaScript still allows it for plain accesses, the JIT may reorder them, and ARM CPUs do show it. Never rely on the hardware here.'
        : 'This CPU does not promise to keep plain stores (or loads) in order; JavaScript allows 1,0 for plain accesses.',
    );
    const mpAtomic = await runLitmus({ test: 'message-passing', mode: 'atomics', budgetMs, signal });
    outcomeTable(out, mpAtomic, 'the same program');
    out.claim(
      'With Atomics, a reader that sees the flag also sees the data: publish with Atomics.store, read the flag with Atomics.load.',
      forbiddenEvidence(mpAtomic),
    );
    out.say(
      'JavaScript has no acquire/release or relaxed atomics: every Atomics operation is sequentially consistent. Plain accesses to an aligned Int32Array never tear (you see a whole old or new value), but with no order promised between them.',
    );

    out.heading('False sharing: two private counters, one cache line');
    const f = await measureFalseSharing({
      iterations: quick ? 2_000_000 : 10_000_000,
      repetitions: quick ? 1 : 3,
      signal,
    });
    out.table(
      [f.sameLine, f.padded],
      [
        {
          header: `${formatNumber(f.iterations)} Atomics.add each`,
          value: (r) =>
            r.placement === 'same line'
              ? 'counters 4 bytes apart (one line)'
              : `counters ${PADDED_GAP_BYTES} bytes apart`,
        },
        { header: 'slower thread, per run', value: (r) => r.ms.map(formatMs).join(', '), align: 'right' },
        {
          header: 'both running',
          value: (r) => `${(100 * r.together).toFixed(0)}% of samples`,
          align: 'right',
        },
      ],
    );
    out.figure('same line / padded', formatRatio(f.ratio));
    out.claim(
      'Two threads writing different counters in one 64-byte line slow each other down; padding them apart removes it.',
      falseSharingEvidence(f),
    );
    out.heading('Spin-then-park vs park-only');
    const sp = await spinVersusPark({ roundTrips: quick ? 2_000 : 5_000, spins: 2_000, signal });
    out.table(
      [sp.parkOnly, sp.spinThenPark],
      [
        {
          header: `${formatNumber(sp.roundTrips)} hand-overs of one word`,
          value: (r) =>
            r.spins === 0
              ? 'park-only (Atomics.wait at once)'
              : `spin up to ${formatNumber(r.spins)} reads, then park`,
        },
        { header: 'per round trip', value: (r) => `${r.usPerRoundTrip.toFixed(1)} µs`, align: 'right' },
        {
          header: 'waits ended spinning',
          value: (r) => `${(100 * r.spunShare).toFixed(0)}%`,
          align: 'right',
        },
      ],
    );
    out.say(
      `The waits spin ${hasAtomicsPause ? 'with Atomics.pause between reads (this Node has it)' : 'without Atomics.pause (this Node does not have it; Node 24 does)'}. The same spin-then-park is what the litmus barrier above uses.`,
    );
    out.claim(
      'When the partner runs on another core, a short spin before parking hands over faster than parking at once (no system call, no wake-up).',
      spinEvidence(sp),
    );
    if (sp.ratio < 1 && sp.spinThenPark.spunShare < MIN_SPUN_SHARE)
      out.say(
        `Here spinning cost ${formatRatio(1 / sp.ratio)} more per hand-over: the partner was not running, so each spin only burned the time slice it needed. That is why the spin must be bounded, and why park-only is the safer default on a busy machine.`,
      );
  },
});

if (isMain(__filename)) runLessonMain(lesson);
