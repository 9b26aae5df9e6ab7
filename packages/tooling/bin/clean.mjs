#!/usr/bin/env node
// `pnpm clean`: remove build output, caches, test results and bench results in every package.
// node_modules stay (pnpm needs itself to run this); scripts/clean.sh removes those too.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = process.cwd();
const targets = ['dist', '.turbo', '.vitest-results.json', 'node_modules/.cache', 'bench-results'];
let removed = 0;
const dirs = [root];
for (const group of ['packages', 'exercises', 'solutions']) {
  const d = join(root, group);
  if (existsSync(d)) for (const p of readdirSync(d)) dirs.push(join(d, p));
}
for (const dir of dirs) {
  for (const t of targets) {
    const p = join(dir, t);
    if (existsSync(p)) {
      rmSync(p, { recursive: true, force: true });
      removed++;
    }
  }
}
for (const f of ['grade-results.json']) if (existsSync(join(root, f))) rmSync(join(root, f));
console.log(`clean: removed ${removed} build/cache/result folders.`);
