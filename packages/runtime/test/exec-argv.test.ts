import { describe, expect, it } from 'vitest';
import { inheritedExecArgv } from '../src';

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
