import { courseCommand, formatMs, formatTable, paint } from '@course/runtime';
import { gradeExercise } from './grade';
import type { Layout } from './layout';
import { startCpuHog } from './run/cpu-hog';
import type { ExerciseVerdict } from './verdicts';

/** One exercise's verification: every task fails as shipped, the solution passes K runs in a row. */
export interface VerifyRow {
  name: string;
  tasks: number;
  /** Tasks that (wrongly) pass with the shipped stubs. */
  passingAsShipped: string[];
  stubRun: ExerciseVerdict;
  solutionRuns: Array<{ verdict: ExerciseVerdict; withHog: boolean }>;
  ok: boolean;
}

/**
 * `--verify`: what CI runs. For each exercise: grade the stubs (every task must fail), then the
 * solution `runs` times in a row (every task must pass every time), the last run with a CPU hog
 * beside it to shake out timing-dependent tests.
 */
export async function verifyExercise(
  layout: Layout,
  name: string,
  runs: number,
  log: (line: string) => void,
): Promise<VerifyRow> {
  const stubRun = await gradeExercise(layout, name, { target: 'exercise' });
  const passingAsShipped = stubRun.tasks.filter((t) => t.testsPassed).map((t) => `Task ${t.id}`);
  log(
    `  ${name}: as shipped ${passingAsShipped.length === 0 ? paint.ok('every task fails') : paint.fail(`${passingAsShipped.join(', ')} pass(es)`)} ${paint.dim(formatMs(stubRun.wallMs))}`,
  );
  const solutionRuns: VerifyRow['solutionRuns'] = [];
  for (let i = 0; i < runs; i++) {
    const withHog = i === runs - 1;
    const hog = withHog ? startCpuHog() : undefined;
    let verdict: ExerciseVerdict;
    try {
      verdict = await gradeExercise(layout, name, { target: 'solution' });
    } finally {
      hog?.stop();
    }
    solutionRuns.push({ verdict, withHog });
    log(
      `  ${name}: solution run ${i + 1}/${runs}${withHog ? ' (with a CPU hog)' : ''} ${verdict.status === 'pass' ? paint.ok('pass') : paint.fail(verdict.status)} ${paint.dim(formatMs(verdict.wallMs))}`,
    );
    if (verdict.status !== 'pass') break; // one miss fails the exercise; do not spend CI time on more
  }
  const ok =
    passingAsShipped.length === 0 &&
    stubRun.status !== 'error' &&
    solutionRuns.length === runs &&
    solutionRuns.every((r) => r.verdict.status === 'pass');
  return { name, tasks: stubRun.tasks.length, passingAsShipped, stubRun, solutionRuns, ok };
}

/** The table `--verify` prints. */
export function formatVerifyTable(rows: readonly VerifyRow[], runs: number): string {
  return formatTable(rows, [
    { header: 'exercise', value: (r) => r.name },
    { header: 'tasks', value: (r) => r.tasks },
    {
      header: 'fails as shipped',
      value: (r) =>
        r.stubRun.status === 'error'
          ? paint.fail('run error')
          : r.passingAsShipped.length === 0
            ? paint.ok('yes')
            : paint.fail(`no: ${r.passingAsShipped.join(', ')}`),
    },
    {
      header: `solution passes (${runs}×)`,
      value: (r) => {
        const passed = r.solutionRuns.filter((s) => s.verdict.status === 'pass').length;
        return passed === runs ? paint.ok(`${passed}/${runs}`) : paint.fail(`${passed}/${runs}`);
      },
    },
    {
      header: 'with CPU hog',
      value: (r) => {
        const hog = r.solutionRuns.find((s) => s.withHog);
        return hog
          ? hog.verdict.status === 'pass'
            ? paint.ok('pass')
            : paint.fail(hog.verdict.status)
          : paint.dim('not reached');
      },
    },
    {
      header: 'slowest solution run',
      value: (r) => formatMs(Math.max(0, ...r.solutionRuns.map((s) => s.verdict.wallMs))),
      align: 'right',
    },
    { header: 'verdict', value: (r) => (r.ok ? paint.ok('OK') : paint.fail('FAIL')) },
  ]);
}

/** Why a row failed, for the lines under the table. */
export function verifyFailures(row: VerifyRow): string[] {
  const out: string[] = [];
  if (row.passingAsShipped.length > 0)
    out.push(
      `${row.name}: ${row.passingAsShipped.join(', ')} pass(es) with the shipped stubs: the tests do not test the task.`,
    );
  if (row.stubRun.status === 'error') out.push(`${row.name} (stubs): ${row.stubRun.problems.join('\n')}`);
  for (const [i, r] of row.solutionRuns.entries()) {
    if (r.verdict.status === 'pass') continue;
    const failing = r.verdict.tasks
      .flatMap((t) => t.tests)
      .find((t) => t.status !== 'pass' && !r.verdict.problems.includes(t.message));
    const why = [...(failing ? [`${failing.name}: ${failing.message}`] : []), ...r.verdict.problems];
    out.push(
      `${row.name} solution run ${i + 1}${r.withHog ? ' (beside a CPU hog)' : ''}:\n  ${why.join('\n  ')}`,
    );
  }
  const tampered = [row.stubRun, ...row.solutionRuns.map((r) => r.verdict)].some((v) =>
    v.problems.some((p) =>
      /^The test file |^A file was added to the tests|^Support code the tests rely on|^No recorded hashes/.test(
        p,
      ),
    ),
  );
  if (tampered) {
    out.push(
      `${row.name}: if the test changes are intended (maintainers), record them: ${courseCommand('grade', ['--update-hashes'])}, then commit packages/grader/test-hashes.json.`,
    );
  }
  return out;
}
