import { join } from 'node:path';
import { runChild } from '@course/runtime';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { GenerateReport } from '../tools';
import { expectNothingLeftRunning } from './helpers/no-leftovers';
import { tempFiles } from './helpers/temp-files';

/** Peak resident memory may grow by this much while a file 4x that size is aggregated. */
const BUDGET_MIB = 12;
const files = tempFiles('task-5');
let small = '';
let big: GenerateReport;

beforeAll(() => {
  // Warm-up file: big enough (~4 MB) that every 1 MiB read buffer is full size before the baseline.
  small = files.generate({ rows: 300_000, seed: 51 }).file;
  big = files.generate({ rows: 3_700_000, seed: 52 }); // ~51 MB: 4x the budget
}, 60_000);
afterAll(() => files.cleanup());
afterEach(expectNothingLeftRunning);

interface Probe {
  beforeKiB: number;
  afterKiB: number;
  rows: number[];
  error?: string;
}

describe('Task 5: Keep memory bounded by streaming the file', () => {
  it(`aggregates a ${4 * BUDGET_MIB} MiB file on one thread and on 2 workers with < ${BUDGET_MIB} MiB more peak memory`, async () => {
    expect(big.bytes).toBeGreaterThan(4 * BUDGET_MIB * 2 ** 20);
    const probe = await runChild<Probe>(join(__dirname, 'fixtures', 'memory-probe.ts'), {
      args: [small, big.file],
      // A small young generation: garbage a streaming solution makes is collected at once instead
      // of inflating resident memory, so the figure shows what the code holds on to.
      // (NODE_OPTIONS, not execArgv: a worker refuses V8 flags in its execArgv but shares the process's.)
      env: {
        ...process.env,
        NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-semi-space-size=1`.trim(),
      },
      timeoutMs: 50_000,
    });
    if (probe.error) throw new Error(`The memory probe failed:\n${probe.error}`);
    expect(probe.rows).toEqual([big.rows, big.rows]);
    const grewMiB = (probe.afterKiB - probe.beforeKiB) / 1024;
    expect(
      grewMiB,
      `peak memory grew by ${grewMiB.toFixed(1)} MiB (from ${(probe.beforeKiB / 1024).toFixed(0)} MiB) for a ` +
        `${(big.bytes / 2 ** 20).toFixed(0)} MiB file: read it in fixed-size pieces into one reused buffer, not whole`,
    ).toBeLessThan(BUDGET_MIB);
  }, 60_000);
});
