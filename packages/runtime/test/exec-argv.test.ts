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
});
