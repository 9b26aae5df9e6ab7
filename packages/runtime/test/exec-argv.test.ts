import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inheritedExecArgv, runChild, runWorker } from '../src';
import { preloadArgv } from '../src/spawn/exec-argv';

describe('inheritedExecArgv', () => {
  it('drops loaders and the script path the ts-node bin puts into execArgv, and keeps other flags', () => {
    const tsNodeBin = '/repo/node_modules/ts-node/dist/bin.js';
    expect(inheritedExecArgv([tsNodeBin, '-r', 'ts-node/register', '--expose-gc'])).toEqual([
      '--expose-gc',
      '--enable-source-maps',
    ]);
  });

  it('drops an inline script given with -e or --print, which a worker must not run again', () => {
    expect(inheritedExecArgv(['-e', 'console.log(1)', '--expose-gc'])).toEqual([
      '--expose-gc',
      '--enable-source-maps',
    ]);
    expect(inheritedExecArgv(['--print=1+1'])).toEqual(['--enable-source-maps']);
  });
});

describe('COURSE_PRELOAD', () => {
  const marker = join(__dirname, 'fixtures', 'preload-marker.cjs');

  it('turns each listed file into a --require flag', () => {
    expect(preloadArgv({ COURSE_PRELOAD: `/a.cjs${delimiter}/b.cjs` })).toEqual([
      '--require',
      '/a.cjs',
      '--require',
      '/b.cjs',
    ]);
    expect(preloadArgv({})).toEqual([]);
  });

  it('runs the preload in every worker thread and child process the runtime starts', async () => {
    const before = process.env.COURSE_PRELOAD;
    process.env.COURSE_PRELOAD = marker;
    try {
      await expect(
        runWorker(join(__dirname, 'fixtures', 'report-preload-worker.ts'), { timeoutMs: 10_000 }),
      ).resolves.toBe(true);
      await expect(
        runChild(join(__dirname, 'fixtures', 'report-preload-child.ts'), { timeoutMs: 10_000 }),
      ).resolves.toBe(true);
    } finally {
      if (before === undefined) delete process.env.COURSE_PRELOAD;
      else process.env.COURSE_PRELOAD = before;
    }
  });
});
