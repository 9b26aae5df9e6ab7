import { describe, expect, it } from 'vitest';
import {
  allOf,
  type ClaimEvidence,
  captureNarrator,
  defineLesson,
  evidenceAtLeast,
  evidenceAtMost,
  evidenceCount,
  evidenceIf,
  evidenceSpeedUp,
  judgedAtFullSize,
  notJudged,
  runLesson,
  stripAnsi,
} from '../src';

const said = (evidence: ClaimEvidence) => {
  const out = captureNarrator();
  out.claim('threads beat sequential', evidence);
  return stripAnsi(out.text());
};

describe('Narrator.claim', () => {
  it('prints ✔ only for evidence whose verdict is "holds", with the figures under it', () => {
    const text = said(evidenceAtLeast(2.1, 1.3, '2 threads'));
    expect(text).toContain('✔ threads beat sequential');
    expect(text).toContain('2 threads 2.10× (needs ≥ 1.30×)');
  });

  it('says a claim whose evidence says no did not hold in this run, with the figures and what to try, and never ✔', () => {
    const text = said(evidenceIf(false, '2 threads 0.62× of sequential', 'run it on an idle machine'));
    expect(text).not.toContain('✔');
    expect(text).toContain('✘ did not hold in this run: threads beat sequential');
    expect(text).toContain('2 threads 0.62× of sequential');
    expect(text).toContain('try: run it on an idle machine');
  });

  it('says a claim the run could not judge was not judged, and never ✔', () => {
    const text = said(notJudged('the CPU check gave 1.02 of 2 cores', 'run it on 2 free cores'));
    expect(text).not.toContain('✔');
    expect(text).toContain('○ not judged in this run: threads beat sequential');
    expect(text).toContain('try: run it on 2 free cores');
  });

  it('refuses evidence without a known verdict instead of printing it as holding', () => {
    const out = captureNarrator();
    expect(() => out.claim('x', { verdict: 'yes' } as unknown as ClaimEvidence)).toThrow(
      /evidence.verdict must be one of holds, does-not-hold, not-judged, got "yes"/,
    );
    expect(() => out.claim('x', undefined as unknown as ClaimEvidence)).toThrow(/evidence.verdict/);
    expect(out.text()).not.toContain('✔');
  });

  it('records every claim with its evidence, and a copy that later mutation cannot turn into "holds"', () => {
    const out = captureNarrator();
    const evidence: ClaimEvidence = evidenceCount(0, 'updates lost');
    out.claim('the race loses updates', evidence);
    evidence.verdict = 'holds';
    expect(out.claims()).toEqual([
      { text: 'the race loses updates', evidence: { verdict: 'does-not-hold', because: '0 updates lost' } },
    ]);
  });

  it('has no way left to print an unconditional takeaway', () => {
    expect('takeaway' in captureNarrator()).toBe(false);
  });
});

describe('a lesson run', () => {
  it('cannot print ✔ for a claim whose evidence says no: the closing line counts it as not held', async () => {
    let text = '';
    const lesson = defineLesson({
      id: 'demo/claims',
      title: 'Claims',
      summary: 'One line.',
      concepts: [],
      run: async ({ out }) => {
        out.claim('a pool is cheaper', evidenceAtLeast(396, 20, 'fork-per-task / pool'));
        out.claim('two threads are faster', evidenceAtLeast(0.93, 1.3, '2 threads / sequential'));
        out.claim('at quick size', judgedAtFullSize(true, evidenceAtLeast(5, 1, 'x')));
      },
    });
    expect(await runLesson(lesson, { stream: { write: (s: string) => (text += s) } })).toBe(0);
    text = stripAnsi(text);
    expect(text.match(/✔/g)).toHaveLength(1);
    expect(text).toContain('✔ a pool is cheaper');
    expect(text).toContain('✘ did not hold in this run: two threads are faster');
    expect(text).toContain('○ not judged in this run: at quick size');
    expect(text).toMatch(/demo\/claims finished in .*claims: 1 held, 1 did not hold, 1 not judged/);
  });
});

describe('evidence helpers', () => {
  it('evidenceAtLeast / evidenceAtMost compare with the bound included', () => {
    expect(evidenceAtLeast(1.3, 1.3, 'r').verdict).toBe('holds');
    expect(evidenceAtLeast(1.29, 1.3, 'r').verdict).toBe('does-not-hold');
    expect(evidenceAtMost(1.2, 1.2, 'r').verdict).toBe('holds');
    expect(evidenceAtMost(1.21, 1.2, 'r').verdict).toBe('does-not-hold');
    expect(evidenceAtLeast(3, 1, 'reads', { format: (n) => `${n} KiB` }).because).toBe(
      'reads 3 KiB (needs ≥ 1 KiB)',
    );
  });

  it('evidenceCount holds only for a count above zero', () => {
    expect(evidenceCount(1, 'lost').verdict).toBe('holds');
    expect(evidenceCount(0, 'lost', { context: 'in 10 runs', tryNext: 'again' })).toEqual({
      verdict: 'does-not-hold',
      because: '0 lost in 10 runs',
      tryNext: 'again',
    });
  });

  it('evidenceSpeedUp reads the speed-up against the CPU check of the same run', () => {
    const check = { threads: 2, capacity: 1.9 };
    expect(evidenceSpeedUp({ speedUp: 1.5, check, what: '2 threads' })).toMatchObject({
      verdict: 'holds',
      because: '2 threads 1.50× vs CPU check 1.90× of 2 (needs ≥ 0.75 of it: 1.42×)',
    });
    expect(evidenceSpeedUp({ speedUp: 1.2, check, what: '2 threads' }).verdict).toBe('does-not-hold');
    // A busy host that gave 1.4 cores: 1.1× is most of what was there, but not a speed-up worth the name.
    expect(evidenceSpeedUp({ speedUp: 1.1, check: { threads: 2, capacity: 1.4 }, what: 't' }).verdict).toBe(
      'does-not-hold',
    );
  });

  it('evidenceSpeedUp never holds on one core: the CPU check shows ~1x, so the claim is not judged', () => {
    for (const speedUp of [0.9, 1.0, 1.05, 1.3]) {
      const e = evidenceSpeedUp({ speedUp, check: { threads: 2, capacity: 1.01 }, what: '2 threads' });
      expect(e.verdict).toBe('not-judged');
      expect(e.because).toMatch(/about one core/);
      expect(e.tryNext).toMatch(/free cores/);
    }
  });

  it('allOf holds only when every piece holds; a miss wins over not judged', () => {
    const yes = evidenceIf(true, 'a');
    const no = evidenceIf(false, 'b', 'try b');
    const skip = notJudged('c', 'try c');
    expect(allOf(yes, yes).verdict).toBe('holds');
    expect(allOf(yes, skip)).toEqual({ verdict: 'not-judged', because: 'a; c', tryNext: 'try c' });
    expect(allOf(skip, no, yes)).toEqual({ verdict: 'does-not-hold', because: 'c; b; a', tryNext: 'try b' });
    expect(() => allOf()).toThrow(/at least one/);
  });

  it('judgedAtFullSize leaves full-size evidence alone and turns quick-size evidence into "not judged"', () => {
    const e = evidenceAtLeast(0.6, 1.3, '2 threads');
    expect(judgedAtFullSize(false, e)).toBe(e);
    expect(judgedAtFullSize(true, e)).toEqual({
      verdict: 'not-judged',
      because: 'not judged at quick size (2 threads 0.60× (needs ≥ 1.30×))',
      tryNext: 'run it without --quick',
    });
  });
});
