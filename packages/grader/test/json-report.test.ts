import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withTimeout } from '@course/runtime';
import ts from 'typescript';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { capOutput, OUTPUT_LIMIT, TRUNCATION_NOTICE } from '../src/report/json-report';
import { testSources } from '../src/report/test-code';
import { copyCourse } from './helpers/fixture-course';

vi.setConfig({ testTimeout: 120_000 });

const BIN = join(__dirname, '..', 'bin', 'course-grade.cjs');
const cleanups: Array<() => void> = [];
afterAll(() => {
  for (const c of cleanups) c();
});

/**
 * The rules of the exercism test-runner interface, version 3
 * (https://exercism.org/docs/building/tooling/test-runners/interface), as checks on a results.json.
 * Returns every rule the file breaks.
 */
function v3Problems(json: unknown): string[] {
  const p: string[] = [];
  const r = json as Record<string, unknown>;
  const statuses = ['pass', 'fail', 'error'];
  if (r.version !== 3) p.push(`version must be 3, got ${JSON.stringify(r.version)}`);
  if (!statuses.includes(r.status as string)) p.push(`status must be pass/fail/error, got ${r.status}`);
  if (r.status === 'error') {
    if (typeof r.message !== 'string' || r.message.trim() === '')
      p.push('message is required when status is error');
  } else if (r.message !== undefined && r.message !== null) {
    p.push(`message must be null or absent when status is ${r.status}, got ${JSON.stringify(r.message)}`);
  }
  if (!Array.isArray(r.tests)) return [...p, 'tests must be an array'];
  const tests = r.tests as Array<Record<string, unknown>>;
  for (const [i, t] of tests.entries()) {
    const at = `tests[${i}] (${String(t.name)})`;
    if (typeof t.name !== 'string' || t.name === '') p.push(`${at}: name must be a non-empty string`);
    if (!statuses.includes(t.status as string)) p.push(`${at}: status must be pass/fail/error`);
    for (const key of ['message', 'output'] as const)
      if (t[key] !== undefined && t[key] !== null && typeof t[key] !== 'string')
        p.push(`${at}: ${key} must be a string, null or absent`);
    if (typeof t.output === 'string' && t.output.length > OUTPUT_LIMIT)
      p.push(`${at}: output is ${t.output.length} characters, over the interface's 500`);
    if (t.test_code !== undefined && typeof t.test_code !== 'string')
      p.push(`${at}: test_code must be a string`);
    if (t.task_id !== undefined && !Number.isInteger(t.task_id))
      p.push(`${at}: task_id must be a number or absent, got ${JSON.stringify(t.task_id)}`);
  }
  const counts = statuses.map((s) => tests.filter((t) => t.status === s).length);
  const [passed = 0, , errored = 0] = counts;
  if (r.status === 'pass' && passed !== tests.length) p.push('status pass with a test that did not pass');
  if (r.status === 'fail' && passed === tests.length) p.push('status fail but every test passed');
  if (r.status === 'fail' && tests.length > 0 && errored === tests.length)
    p.push('status fail but no test ran (every test errored): that is status error');
  if (r.status === 'error' && errored !== tests.length)
    p.push('status error although some tests ran: error is only for tests that could not run');
  return p;
}

function grade(args: string[]): Promise<number | null> {
  const child = spawn(process.execPath, [BIN, ...args], {
    stdio: 'ignore',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return withTimeout(
    once(child, 'close').then(([code]) => code as number | null),
    110_000,
    `course-grade ${args.join(' ')}`,
  );
}

describe('the rules check itself', () => {
  it('rejects what the interface forbids', () => {
    const ok = { name: 'a', status: 'pass', message: null, output: null, task_id: 1 };
    expect(v3Problems({ version: 3, status: 'pass', message: null, tests: [ok] })).toEqual([]);
    expect(
      v3Problems({ version: 3, status: 'fail', message: 'Not passed', tests: [{ ...ok, status: 'fail' }] }),
    ).toEqual(['message must be null or absent when status is fail, got "Not passed"']);
    expect(
      v3Problems({ version: 3, status: 'error', message: 'x', tests: [ok, { ...ok, status: 'error' }] }),
    ).toEqual(['status error although some tests ran: error is only for tests that could not run']);
    expect(
      v3Problems({ version: 3, status: 'pass', tests: [{ ...ok, task_id: null, output: 'x'.repeat(501) }] }),
    ).toEqual([
      "tests[0] (a): output is 501 characters, over the interface's 500",
      'tests[0] (a): task_id must be a number or absent, got null',
    ]);
  });
});

describe('test_code and output', () => {
  it('reads each test’s body from its file, also for names built from a template or it.each', () => {
    const src = [
      "describe('Task 1: Sums', () => {",
      "  it('adds', async () => {",
      '    const x = 1;',
      '    expect(x + 1).toBe(2);',
      '  });',
      '  for (const n of [1, 2]) {',
      '    it(`doubles ${n}`, () => {',
      '      expect(n * 2).toBe(n + n);',
      '    });',
      '  }',
      "  it.each([[1, 2]])('adds %i and %i', (a, b) => expect(a + b).toBeGreaterThan(a));",
      '});',
    ].join('\n');
    const found = testSources(ts, src, 'x.test.ts');
    const lookup = (name: string) => found.find((s) => s.pattern.test(name))?.code;
    expect(lookup('Task 1: Sums > adds')).toBe('const x = 1;\nexpect(x + 1).toBe(2);');
    expect(lookup('Task 1: Sums > doubles 2')).toBe('expect(n * 2).toBe(n + n);');
    expect(lookup('Task 1: Sums > adds 1 and 2')).toBe('expect(a + b).toBeGreaterThan(a)');
    expect(lookup('Task 2: Other > adds')).toBeUndefined();
  });

  it('cuts output at 500 characters with the interface’s notice', () => {
    const cut = capOutput('y'.repeat(900)) as string;
    expect(cut).toHaveLength(OUTPUT_LIMIT);
    expect(cut.endsWith(`\n${TRUNCATION_NOTICE}`)).toBe(true);
    expect(capOutput('short\n')).toBe('short\n');
    expect(capOutput('')).toBeNull();
  });
});

describe('grade --json writes a results.json that follows the interface (v3)', () => {
  const course = copyCourse();
  cleanups.push(course.cleanup);
  const out = (name: string) => join(course.root, `${name}.json`);
  const read = (name: string) => JSON.parse(readFileSync(out(name), 'utf8'));

  it('the stubs as shipped: status fail, message null, every test listed with its code and task', async () => {
    expect(await grade(['--root', course.root, '--json', out('stub'), 'tiny'])).toBe(1);
    const r = read('stub');
    expect(v3Problems(r)).toEqual([]);
    expect(r).toMatchObject({ status: 'fail', message: null });
    expect(r.tests.map((t: { task_id: number }) => t.task_id)).toEqual([1, 1, 2, 2]);
    for (const t of r.tests) expect(t.test_code, t.name).toMatch(/\S/);
    expect(r.tests[0].test_code).toMatch(/sumOnWorkers\(/);
  });

  it('the reference solution: status pass', async () => {
    expect(await grade(['--root', course.root, '--solutions', '--json', out('solution'), 'tiny'])).toBe(0);
    const r = read('solution');
    expect(v3Problems(r)).toEqual([]);
    expect(r).toMatchObject({ status: 'pass', message: null });
    expect(r.tests).toHaveLength(4);
  });

  it('code that does not even load: status error, and the message says what is wrong and where', async () => {
    for (const f of ['sum-on-workers.ts', 'pause.ts'])
      writeFileSync(join(course.root, 'exercises', 'tiny', 'src', f), 'export const broken = (;\n');
    expect(await grade(['--root', course.root, '--json', out('broken'), 'tiny'])).toBe(1);
    const r = read('broken');
    expect(v3Problems(r)).toEqual([]);
    expect(r.status).toBe('error');
    expect(r.message).toMatch(/src\/(pause|sum-on-workers)\.ts/);
    expect(r.message).not.toContain(course.root); // paths relative to the course, not this machine's
  });
});
