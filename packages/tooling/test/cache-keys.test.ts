import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, findRedisServer, systemToolsKey } from '../lib/system-tools.cjs';

// turbo replays a cached test result when the task's hash is unchanged, so "editing X re-runs the
// tests that depend on X" means "editing X changes those tasks' hashes". Checked on a copy of the
// repository (tracked and new files as they are in the working tree): turbo's dry run hashes
// without running anything, and the real tree is never touched.
const root = join(__dirname, '..', '..', '..');
const turboBin = join(root, 'node_modules', '.bin', 'turbo');
let copy = '';

type Hashes = Map<string, string>;

function hashes(env: Record<string, string> = {}): Hashes {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('TURBO_')));
  const out = execFileSync(turboBin, ['run', 'test', 'typecheck', '--dry=json'], {
    cwd: copy,
    env: { ...clean, TURBO_TELEMETRY_DISABLED: '1', COURSE_SYSTEM_TOOLS: 'fixed', ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 60_000,
  });
  const tasks = (JSON.parse(out) as { tasks: { taskId: string; hash: string; command: string }[] }).tasks;
  return new Map(tasks.filter((t) => t.command !== '<NONEXISTENT>').map((t) => [t.taskId, t.hash]));
}

/** The tasks whose hash differs after `edit` (the file is restored afterwards). */
function changedBy(file: string, edit: (text: string) => string): string[] {
  const before = hashes();
  const path = join(copy, file);
  const original = readFileSync(path, 'utf8');
  writeFileSync(path, edit(original));
  try {
    const after = hashes();
    return [...after].filter(([id, h]) => before.get(id) !== h).map(([id]) => id);
  } finally {
    writeFileSync(path, original);
  }
}

const appendComment = (text: string) => `${text}\n// edited\n`;
const firstFile = (dir: string, ext: string) => {
  const name = readdirSync(join(copy, dir)).find((f) => f.endsWith(ext));
  if (!name) throw new Error(`no *${ext} file in ${dir}`);
  return join(dir, name);
};
const exercises = readdirSync(join(root, 'exercises')).filter((e) => existsSync(join(root, 'solutions', e)));

beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'course-cache-keys-'));
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
  })
    .split('\0')
    .filter((f) => f && existsSync(join(root, f)));
  for (const f of files) {
    mkdirSync(dirname(join(copy, f)), { recursive: true });
    copyFileSync(join(root, f), join(copy, f));
  }
  const git = (...a: string[]) => execFileSync('git', a, { cwd: copy, stdio: 'ignore' });
  git('init', '-q');
  git('add', '-A');
  git('-c', 'user.name=cache-keys', '-c', 'user.email=cache-keys@localhost', 'commit', '-qm', 'copy');
}, 60_000);
afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe('what `pnpm test` re-runs (turbo task hashes on a copy of the repository)', () => {
  it.each(exercises)(
    "editing the %s exercise's tests re-runs its solution's tests, not the runtime's",
    (name) => {
      const changed = changedBy(firstFile(`exercises/${name}/test`, '.test.ts'), appendComment);
      expect(changed).toContain(`@course/solution-${name}#test`);
      expect(changed).not.toContain('@course/runtime#test');
    },
  );

  it.each(exercises)("editing the %s exercise's given sources re-runs its solution's tests", (name) => {
    const changed = changedBy(firstFile(`exercises/${name}/src`, '.ts'), appendComment);
    expect(changed).toContain(`@course/solution-${name}#test`);
  });

  it('editing the runtime re-runs the tests of the packages that use it', () => {
    const changed = changedBy(firstFile('packages/runtime/src', '.ts'), appendComment);
    expect(changed).toEqual(expect.arrayContaining(['@course/runtime#test', '@course/threads#test']));
  });

  it.each(['vitest.shared.ts', 'tsconfig.base.json'])(
    'editing the shared %s re-runs every test and typecheck',
    (f) => {
      const changed = changedBy(f, (t) => (f.endsWith('.json') ? `${t}\n` : appendComment(t)));
      expect(changed.sort()).toEqual([...hashes().keys()].sort());
    },
  );

  it('editing the docs re-runs the docs checks, not the runtime tests', () => {
    const changed = changedBy('docs/architecture.md', (t) => `${t}\nedited\n`);
    expect(changed).toContain('@course/docs#test');
    expect(changed).not.toContain('@course/runtime#test');
  });

  it('a different set of system tools re-runs every test', () => {
    const before = hashes({ COURSE_SYSTEM_TOOLS: 'chromium=- redis-server=-' });
    const after = hashes({ COURSE_SYSTEM_TOOLS: 'chromium=/usr/bin/chromium@1:1 redis-server=-' });
    const tests = [...after.keys()].filter((id) => id.endsWith('#test'));
    expect(tests.length).toBeGreaterThan(0);
    for (const id of tests) expect(after.get(id), id).not.toBe(before.get(id));
  });
});

describe('systemToolsKey (the tools part of the key)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'course-tools-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('changes when a redis-server appears on PATH, and names it', () => {
    const env = { PATH: dir, CHROMIUM_PATH: undefined };
    const without = systemToolsKey(env);
    const fake = join(dir, 'redis-server');
    writeFileSync(fake, '#!/bin/sh\n');
    chmodSync(fake, 0o755);
    expect(findRedisServer(dir)).toBe(fake);
    expect(systemToolsKey(env)).not.toBe(without);
    expect(systemToolsKey(env)).toContain(`redis-server=${fake}@`);
  });

  it('follows CHROMIUM_PATH first, as the browser tests do', () => {
    const fake = join(dir, 'my-chromium');
    writeFileSync(fake, '#!/bin/sh\n');
    expect(chromiumPath({ CHROMIUM_PATH: fake })).toBe(fake);
    expect(systemToolsKey({ CHROMIUM_PATH: fake, PATH: '' })).toContain(`chromium=${fake}@`);
  });

  it('names the Node that runs the tests, so another Node never replays these results', () => {
    expect(systemToolsKey({ PATH: '' })).toMatch(new RegExp(`^node=${process.version} `));
  });
});
