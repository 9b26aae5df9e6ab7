import { join } from 'node:path';
import { startChild, withTimeout } from '@course/runtime';

export const SNIPPETS_DIR = join(__dirname, '..', 'snippets');

/**
 * Run one snippet of `test/snippets/` the way a learner would (`node <file>`: a fresh process, the
 * script as CommonJS main module) and return the lines it logged. A fresh process matters: inside a
 * test runner the snippet would start from within a promise callback, and nextTick then loses its
 * head start over promise callbacks (snippet 2 shows why).
 */
export async function runSnippet(name: string): Promise<string[]> {
  const file = join(SNIPPETS_DIR, `${name}.js`);
  const child = startChild(file, {
    stdio: 'pipe',
    execArgv: ['--require', join(SNIPPETS_DIR, 'let-exit.cjs')],
  });
  try {
    const status = await withTimeout(child.exited, 10_000, `the snippet ${name}.js to exit`);
    if (status.code !== 0) {
      throw new Error(
        `The snippet ${name}.js exited with ${status.signal ?? `code ${status.code}`}: ${child.stderrTail()}`,
      );
    }
    return child
      .stdoutTail()
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
  } finally {
    await child.stop();
  }
}
