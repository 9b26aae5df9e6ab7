import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ExerciseMeta } from './exercise-meta';
import { GRADER_DIR, type Layout } from './layout';

/**
 * The tamper guard. Passing an exercise by editing its tests (or the helpers the tests trust) is not
 * passing it, so the grader keeps hashes of the shipped test files and support code, committed with
 * the course, and names every changed or deleted file. Maintainers refresh them with
 * `course-grade --update-hashes`.
 */
export interface Manifest {
  version: 1;
  /** Support code the tests trust (test-support, the grader's vitest setup): path -> sha256. */
  support: Record<string, string>;
  exercises: Record<string, { files: Record<string, string>; reference?: ReferenceTimes }>;
}

/** How long the reference solution took: what budgets are derived from. */
export interface ReferenceTimes {
  totalMs: number;
  slowestTestMs: number;
}

/** The support code whose hashes are kept, relative to the grader package's parent folders. */
const SUPPORT_DIRS = [
  join(GRADER_DIR, '..', 'test-support', 'src'),
  join(GRADER_DIR, 'src', 'vitest'),
  join(GRADER_DIR, 'src', 'guard'),
];

/** sha256 of a file with line endings normalised, so a CRLF checkout is not "tampered". */
export function hashFile(file: string): string {
  return createHash('sha256').update(readFileSync(file, 'utf8').replace(/\r\n/g, '\n')).digest('hex');
}

function walk(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir).sort()) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    const p = join(dir, entry);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

/** The exercise files that decide the grade: its tests, its vitest config and exercise.json. */
export function protectedFiles(meta: ExerciseMeta): string[] {
  return [
    join(meta.dir, 'exercise.json'),
    join(meta.dir, 'vitest.config.ts'),
    ...walk(join(meta.dir, 'test')),
  ].filter(existsSync);
}

/** Hashes of an exercise's protected files, keyed by path relative to the exercise folder. */
export function exerciseHashes(meta: ExerciseMeta): Record<string, string> {
  return Object.fromEntries(
    protectedFiles(meta).map((f) => [relative(meta.dir, f).split('\\').join('/'), hashFile(f)]),
  );
}

/** Hashes of the support code, keyed by path relative to the packages folder. */
export function supportHashes(): Record<string, string> {
  const base = join(GRADER_DIR, '..');
  return Object.fromEntries(
    SUPPORT_DIRS.flatMap((d) => walk(d)).map((f) => [relative(base, f).split('\\').join('/'), hashFile(f)]),
  );
}

/** What differs between the recorded hashes and the files now: changed, deleted and added paths. */
export function compareHashes(
  recorded: Record<string, string>,
  now: Record<string, string>,
): { changed: string[]; deleted: string[]; added: string[] } {
  const changed: string[] = [];
  const deleted: string[] = [];
  for (const [path, hash] of Object.entries(recorded)) {
    if (!(path in now)) deleted.push(path);
    else if (now[path] !== hash) changed.push(path);
  }
  const added = Object.keys(now).filter((p) => !(p in recorded));
  return { changed, deleted, added };
}

export function readManifest(layout: Layout): Manifest | undefined {
  if (!existsSync(layout.manifestPath)) return undefined;
  try {
    return JSON.parse(readFileSync(layout.manifestPath, 'utf8')) as Manifest;
  } catch (err) {
    throw new Error(
      `${layout.manifestPath}: not valid JSON (${(err as Error).message}); regenerate it with course-grade --update-hashes`,
    );
  }
}

export function writeManifest(layout: Layout, manifest: Manifest): void {
  writeFileSync(layout.manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
}

/**
 * The tamper findings for one exercise, one learner-readable line each; empty when untouched.
 * A missing manifest entry is reported too (the grade cannot be trusted without it).
 */
export function tamperFindings(meta: ExerciseMeta, manifest: Manifest | undefined): string[] {
  const entry = manifest?.exercises[meta.name];
  if (!manifest || !entry) {
    return [
      `No recorded hashes for the tests of "${meta.name}", so they cannot be checked: a maintainer runs course-grade --update-hashes.`,
    ];
  }
  const findings: string[] = [];
  const ex = compareHashes(entry.files, exerciseHashes(meta));
  for (const p of ex.changed)
    findings.push(
      `The test file ${meta.name}/${p} was changed: tests must stay as shipped (restore it with git checkout -- exercises/${meta.name}/${p}).`,
    );
  for (const p of ex.deleted)
    findings.push(
      `The test file ${meta.name}/${p} was deleted: restore it with git checkout -- exercises/${meta.name}/${p}.`,
    );
  for (const p of ex.added)
    findings.push(`A file was added to the tests of ${meta.name}: ${p}. Tests must stay as shipped.`);
  const sup = compareHashes(manifest.support, supportHashes());
  for (const p of [...sup.changed, ...sup.deleted, ...sup.added])
    findings.push(`Support code the tests rely on was changed: packages/${p}.`);
  return findings;
}
