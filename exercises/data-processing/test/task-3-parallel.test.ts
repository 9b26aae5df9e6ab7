import { threadId } from 'node:worker_threads';
import { assertRunsInParallel } from '@course/test-support';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { aggregateFile } from '../src/aggregate-file';
import { aggregateParallel } from '../src/aggregate-parallel';
import { formatAggregation } from '../src/results';
import { expectNothingLeftRunning } from './helpers/no-leftovers';
import { tempFiles } from './helpers/temp-files';

const files = tempFiles('task-3');
let small = '';
let big = '';

beforeAll(() => {
  small = files.generate({ rows: 100_000, seed: 31 }).file;
  // Big enough that each worker is busy for a while (~0.15 s even for a fast parser), so two of them
  // overlap if they are started together.
  big = files.generate({ rows: 4_000_000, seed: 32 }).file;
});
afterAll(() => files.cleanup());
afterEach(expectNothingLeftRunning);

describe('Task 3: Process the ranges in a pool of worker threads', () => {
  it('gives the same answer as one thread, with 1, 2 and 3 workers', async () => {
    const expected = formatAggregation(aggregateFile(small));
    for (const workers of [1, 2, 3]) {
      const result = await aggregateParallel(small, { workers });
      expect(formatAggregation(result), `${workers} worker(s)`).toBe(expected);
      expect(result.rows).toBe(100_000);
      expect(result.lines).toBe(100_000);
    }
  });

  it('runs the ranges on two worker threads at the same time (their busy intervals overlap)', async () => {
    // Up to three runs: on a loaded machine one worker can start late enough to miss a fast partner.
    await assertRunsInParallel(
      async () => {
        const result = await aggregateParallel(big, { workers: 2 });
        expect(result.chunks).toHaveLength(2);
        return result.chunks.map((c) => c.busy);
      },
      2,
      'the two range workers',
    );
  });

  it('reports one chunk per range, in file order, each on its own worker thread', async () => {
    const result = await aggregateParallel(small, { workers: 3 });
    expect(result.chunks).toHaveLength(3);
    const ids = result.chunks.map((c) => c.threadId);
    expect(new Set(ids).size, 'distinct worker threads').toBe(3);
    expect(ids, 'not the main thread').not.toContain(threadId);
    expect(result.chunks[0]?.range.start).toBe(0);
    for (let i = 1; i < 3; i++) expect(result.chunks[i]?.range.start).toBe(result.chunks[i - 1]?.range.end);
    expect(result.chunks.reduce((n, c) => n + c.rows, 0)).toBe(100_000);
    for (const c of result.chunks) expect(c.busy.end).toBeGreaterThanOrEqual(c.busy.start);
  });

  it('rejects with an error naming a missing file, leaving no worker behind', async () => {
    await expect(aggregateParallel(`${files.dir}/no-such-file.txt`, { workers: 2 })).rejects.toMatchObject({
      code: 'ENOENT',
      message: expect.stringContaining('no-such-file.txt'),
    });
  });
});
