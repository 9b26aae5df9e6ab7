import { listExerciseNames, loadExercise } from './exercise-meta';
import { gradeExercise } from './grade';
import type { Layout } from './layout';
import { exerciseHashes, type Manifest, readManifest, supportHashes, writeManifest } from './tamper';

/** Write the manifest's hashes as the files are now, keeping recorded reference times. */
export function recordHashes(layout: Layout): Manifest {
  const previous = readManifest(layout);
  const manifest: Manifest = { version: 1, support: supportHashes(), exercises: {} };
  for (const name of listExerciseNames(layout)) {
    const files = exerciseHashes(loadExercise(layout, name));
    const reference = previous?.exercises[name]?.reference;
    manifest.exercises[name] = reference ? { files, reference } : { files };
  }
  writeManifest(layout, manifest);
  return manifest;
}

/**
 * `--update-hashes` (maintainers): record the hashes of every exercise's shipped tests and of the
 * support code, then time each reference solution once (what budgets are derived from).
 */
export async function updateHashes(layout: Layout, log: (line: string) => void): Promise<number> {
  const manifest = recordHashes(layout);
  const names = Object.keys(manifest.exercises);
  log(
    `Recorded hashes of ${Object.keys(manifest.support).length} support file(s) and the tests of ${names.length} exercise(s) in ${layout.manifestPath}`,
  );
  let failures = 0;
  for (const name of names) {
    const verdict = await gradeExercise(layout, name, { target: 'solution' });
    const entry = manifest.exercises[name];
    if (!entry) continue;
    if (verdict.status !== 'pass') {
      failures++;
      log(`  ${name}: the solution does not pass (${verdict.status}); its reference time was not recorded`);
      continue;
    }
    const slowestTestMs = Math.max(0, ...verdict.tasks.flatMap((t) => t.tests.map((x) => x.durationMs)));
    entry.reference = { totalMs: verdict.wallMs, slowestTestMs };
    log(`  ${name}: reference run ${verdict.wallMs} ms, slowest test ${slowestTestMs} ms`);
  }
  writeManifest(layout, manifest);
  return failures === 0 ? 0 : 1;
}
