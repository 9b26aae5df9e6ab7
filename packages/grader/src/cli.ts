import { createInterface } from 'node:readline/promises';
import { formatMs, paint } from '@course/runtime';
import { type GradeArgs, parseGradeArgs, usage } from './args';
import { listExerciseNames, loadExercise } from './exercise-meta';
import { gradeExercise, selectExercises } from './grade';
import { nextHint } from './hints';
import { type Layout, resolveLayout } from './layout';
import { recordGrading } from './record-progress';
import { writeJsonReport } from './report/json-report';
import { formatExercise, formatProgress } from './report/terminal-report';
import { changedStubs, resetStubs } from './reset';
import { liveRunProcessCount } from './run/process-group';
import { updateHashes } from './update-hashes';
import type { ExerciseVerdict } from './verdicts';
import { formatVerifyTable, type VerifyRow, verifyExercise, verifyFailures } from './verify';
import { watchExercises } from './watch';

export interface CliIO {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
  stdin: NodeJS.ReadStream | NodeJS.ReadableStream;
  isTTY: boolean;
}

/**
 * `pnpm grade`: the exit code is 0 only when everything graded passed (or the command succeeded).
 *
 * @example
 * process.exitCode = await gradeCli(process.argv.slice(2), { stdout, stderr, stdin, isTTY });
 */
export async function gradeCli(argv: readonly string[], io: CliIO): Promise<number> {
  const out = (s: string) => io.stdout.write(`${s}\n`);
  let args: GradeArgs;
  let layout: Layout;
  try {
    args = parseGradeArgs(argv);
    layout = resolveLayout({ root: args.root, solutionsDir: args.solutionsDir, manifest: args.manifest });
  } catch (err) {
    io.stderr.write(`${(err as Error).message}\n`);
    return 2;
  }
  if (args.mode !== 'watch') {
    // Ctrl-C: Node's default SIGINT exit skips 'exit' listeners; exiting explicitly runs them, and
    // they kill every process group still running (see run/process-group.ts). No orphan survives.
    process.once('SIGINT', () => {
      const n = liveRunProcessCount();
      if (n > 0) io.stderr.write(`\nStopping ${n} test process${n === 1 ? '' : 'es'}…\n`);
      process.exit(130);
    });
    process.once('SIGTERM', () => process.exit(143));
  }
  try {
    return await dispatch(args, layout, io, out);
  } catch (err) {
    io.stderr.write(`${paint.fail('Error:')} ${(err as Error).message}\n`);
    return 2;
  }
}

async function dispatch(
  args: GradeArgs,
  layout: Layout,
  io: CliIO,
  out: (s: string) => void,
): Promise<number> {
  const target = args.solutions ? 'solution' : 'exercise';
  switch (args.mode) {
    case 'help':
      out(usage());
      return 0;
    case 'list':
      for (const name of listExerciseNames(layout))
        out(`${name}  ${paint.dim(loadExercise(layout, name).title)}`);
      return 0;
    case 'update-hashes':
      return updateHashes(layout, out);
    case 'hint':
      return hint(layout, args.names[0] as string, out);
    case 'reset':
      return reset(layout, args.names[0] as string, args.yes, io, out);
    case 'watch': {
      const names = selectExercises(layout, args.names);
      if (names.length === 0) throw new Error(`No exercises found in ${layout.exercisesDir}`);
      return watchExercises(layout, names, target, {
        write: (s) => io.stdout.write(s),
        stdin: io.stdin,
        isTTY: io.isTTY,
      });
    }
    case 'verify':
      return verify(layout, args, out);
    case 'grade':
      return grade(layout, args, target, out);
  }
}

async function grade(
  layout: Layout,
  args: GradeArgs,
  target: 'exercise' | 'solution',
  out: (s: string) => void,
): Promise<number> {
  const names = selectExercises(layout, args.names);
  if (names.length === 0) throw new Error(`No exercises found in ${layout.exercisesDir}`);
  const started = Date.now();
  const verdicts: ExerciseVerdict[] = [];
  for (const name of names) {
    const v = await gradeExercise(layout, name, { target });
    verdicts.push(v);
    recordGrading(layout, v);
    out(`${formatExercise(v)}\n`);
  }
  out(`${formatProgress(verdicts)} ${paint.dim(`in ${formatMs(Date.now() - started)}`)}`);
  if (args.json) {
    writeJsonReport(args.json, verdicts, layout.root);
    out(paint.dim(`Results written to ${args.json}`));
  }
  return verdicts.every((v) => v.status === 'pass') ? 0 : 1;
}

async function verify(layout: Layout, args: GradeArgs, out: (s: string) => void): Promise<number> {
  const names = selectExercises(layout, args.names);
  if (names.length === 0) throw new Error(`No exercises found in ${layout.exercisesDir}: nothing to verify`);
  const started = Date.now();
  out(
    paint.heading(
      `Verifying ${names.length} exercise(s): stubs fail every task, solutions pass ${args.runs}× (the last beside a CPU hog)`,
    ),
  );
  const rows: VerifyRow[] = [];
  for (const name of names) rows.push(await verifyExercise(layout, name, args.runs, out));
  out(`\n${formatVerifyTable(rows, args.runs)}\n`);
  for (const row of rows) for (const f of verifyFailures(row)) out(`${paint.fail('✖')} ${f}`);
  const ok = rows.every((r) => r.ok);
  out(
    `${ok ? paint.ok('verify: OK') : paint.fail('verify: FAILED')} ${paint.dim(`in ${formatMs(Date.now() - started)}`)}`,
  );
  if (args.json)
    writeJsonReport(
      args.json,
      rows.flatMap((r) => [r.stubRun, ...r.solutionRuns.map((s) => s.verdict)]),
    );
  return ok ? 0 : 1;
}

async function hint(layout: Layout, name: string, out: (s: string) => void): Promise<number> {
  const meta = loadExercise(layout, name);
  out(paint.dim(`Checking which task of ${name} is unfinished…`));
  const verdict = await gradeExercise(layout, name, { target: 'exercise' });
  const task = verdict.tasks.find((t) => !t.passed);
  if (!task) {
    recordGrading(layout, verdict);
    out(paint.ok(`Every task of ${meta.name} passes: no hint needed.`));
    return 0;
  }
  const { hint: text, index, total } = nextHint(layout, name, task.id);
  recordGrading(layout, verdict);
  out(
    `${paint.heading(`Task ${task.id}: ${task.title}`)} ${paint.dim(`— hint ${index} of ${total}`)}\n${text}`,
  );
  if (index < total) out(paint.dim(`Run it again for the next hint.`));
  return 0;
}

async function reset(
  layout: Layout,
  name: string,
  yes: boolean,
  io: CliIO,
  out: (s: string) => void,
): Promise<number> {
  loadExercise(layout, name);
  const changed = changedStubs(layout, name);
  if (changed.length === 0) {
    out(`The stubs of ${name} are already as shipped.`);
    return 0;
  }
  if (!yes) {
    if (!io.isTTY)
      throw new Error(
        `--reset ${name} would discard your changes to ${changed.length} file(s); not a terminal, so add --yes to confirm.`,
      );
    const rl = createInterface({
      input: io.stdin as NodeJS.ReadableStream,
      output: io.stdout as NodeJS.WritableStream,
    });
    const answer = await rl.question(
      `Put the original stubs of ${name} back? Your changes to ${changed.join(', ')} will be lost. [y/N] `,
    );
    rl.close();
    if (!/^y(es)?$/i.test(answer.trim())) {
      out('Nothing changed.'); // declining is an answer, not an error: exit 0
      return 0;
    }
  }
  resetStubs(layout, name);
  out(`${paint.ok('Reset:')} ${changed.join(', ')} ${paint.dim('(tests untouched)')}`);
  return 0;
}
