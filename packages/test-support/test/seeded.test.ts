import { describe, expect, it } from 'vitest';
import { repeatWithSeeds, replayCommand, seedsToRun } from '../src/repeat-with-seeds';
import { seededRandom, seededYields } from '../src/seeded';

describe('seededRandom', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const c = seededRandom(8);
    const seqA = Array.from({ length: 5 }, () => a.int(1000));
    expect(Array.from({ length: 5 }, () => b.int(1000))).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.int(1000))).not.toEqual(seqA);
  });

  it('shuffles into a permutation of the input', () => {
    const out = seededRandom(3).shuffle([1, 2, 3, 4, 5, 6]);
    expect([...out].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('rejects a seed that is not an integer', () => {
    expect(() => seededRandom(1.5)).toThrow(/expected an integer seed, got 1.5/);
  });
});

describe('seededYields', () => {
  it('reorders two async tasks the same way for the same seed', async () => {
    const order = async (seed: number) => {
      const rnd = seededRandom(seed);
      const y = seededYields(rnd, 4);
      const seen: string[] = [];
      const task = async (name: string) => {
        for (let i = 0; i < 3; i++) {
          await y();
          seen.push(`${name}${i}`);
        }
      };
      await Promise.all([task('a'), task('b')]);
      return seen.join(' ');
    };
    const orders = new Set<string>();
    for (let seed = 1; seed <= 10; seed++) {
      const first = await order(seed);
      expect(await order(seed)).toBe(first);
      orders.add(first);
    }
    expect(orders.size).toBeGreaterThan(1);
  });
});

describe('seedsToRun', () => {
  it('runs 1..N, or exactly the seed to replay', () => {
    expect(seedsToRun(3, {})).toEqual([1, 2, 3]);
    expect(seedsToRun(3, { COURSE_SEEDS: '5' })).toEqual([1, 2, 3, 4, 5]);
    expect(seedsToRun(3, { COURSE_SEED: '42' })).toEqual([42]);
    expect(() => seedsToRun(3, { COURSE_SEED: 'x' })).toThrow(/COURSE_SEED must be an integer, got "x"/);
  });
});

describe('replayCommand', () => {
  it('names the package folder, the test file and the test title', () => {
    expect(
      replayCommand(7, '/c/exercises/x/test/a.test.ts', 'Task 1: counter > never loses (an) update', '/c'),
    ).toBe("cd exercises/x && COURSE_SEED=7 npx vitest run test/a.test.ts -t 'never loses \\(an\\) update'");
  });
});

describe('repeatWithSeeds', () => {
  it('reports the first failing seed and how to replay it', async () => {
    const tried: number[] = [];
    const error = await repeatWithSeeds(
      ({ seed }) => {
        tried.push(seed);
        if (seed === 4) throw new Error('lost an update');
      },
      { seeds: 10 },
    ).catch((e: Error) => e);
    expect(tried).toEqual([1, 2, 3, 4]);
    expect(String(error)).toMatch(/Seed 4 failed \(seeds 1\.\.10\): lost an update/);
    expect(String(error)).toMatch(
      /Replay this seed alone: cd packages\/test-support && COURSE_SEED=4 npx vitest run test\/seeded\.test\.ts -t 'reports the first failing seed and how to replay it'/,
    );
  });

  it('passes when every seed passes', async () => {
    let runs = 0;
    await repeatWithSeeds(
      async ({ yieldPoint }) => {
        await yieldPoint();
        runs++;
      },
      { seeds: 5 },
    );
    expect(runs).toBe(5);
  });
});
