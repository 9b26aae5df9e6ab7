import {
  type CourseState,
  type CourseStep,
  courseCommand,
  courseState,
  type ExerciseRecord,
  firstOpenTask,
  paint,
  progressDir,
  readProgress,
  recordLesson,
  type StepProgress,
} from '@course/runtime';
import { COURSE_ROOT, type CourseEntry, courseEntries } from './course';

/** The course in its order with where the learner stands on each step. */
export interface CourseView {
  entries: CourseEntry[];
  state: CourseState;
}

/** Read course.json, the lessons and exercises, and the learner's progress (`.course/`). */
export function courseView(root = COURSE_ROOT, dir = progressDir(root)): CourseView {
  const entries = courseEntries(root);
  const steps: CourseStep[] = entries.map((e) => ({ kind: e.kind, id: e.id }));
  return { entries, state: courseState(steps, readProgress(dir)) };
}

/** Keep a lesson run in the progress: the menu's exit codes are 0 finished, 130 interrupted, else failed. */
export function recordLessonRun(id: string, code: number, quick: boolean, root = COURSE_ROOT): void {
  recordLesson(
    progressDir(root),
    id,
    code === 0 ? 'finished' : code === 130 ? 'interrupted' : 'failed',
    quick,
  );
}

const MARK = { done: '✔', started: '▸', 'not started': '·' } as const;

function maxPoints(entry: CourseEntry): number {
  return entry.kind === 'exercise' ? entry.exercise.tasks.reduce((a, t) => a + t.points, 0) : 0;
}

function stepTitle(entry: CourseEntry): string {
  return entry.kind === 'lesson' ? entry.lesson.title : entry.exercise.title;
}

/** What one step's line says about the learner's progress on it. */
function stepDetail(entry: CourseEntry, s: StepProgress): string {
  if (entry.kind === 'lesson') {
    const l = s.lesson;
    if (!l) return 'lesson, not run yet';
    if (l.finishedOnce) return `lesson, seen${l.quick ? ' (last run --quick)' : ''}`;
    return `lesson, ${l.outcome} (not finished yet)`;
  }
  const tasks = entry.exercise.tasks.length;
  const r = s.exercise;
  if (!r) return `exercise, ${tasks} tasks, 0/${maxPoints(entry)} points`;
  const passed = r.tasks.filter((t) => t.passed).length;
  return `exercise, ${passed}/${tasks} tasks, ${r.points}/${r.maxPoints} points`;
}

/**
 * The overview over everything, like `rustlings list`: every step in the course order, done / in
 * progress / not started, points, then the one next thing. Pure.
 */
export function formatProgress(view: CourseView): string {
  const { entries, state } = view;
  const width = Math.max(...entries.map((e) => e.id.length));
  const lines = entries.map((entry, i) => {
    const s = state.steps[i] as StepProgress;
    const mark =
      s.state === 'done'
        ? paint.ok(MARK.done)
        : s.state === 'started'
          ? paint.warn(MARK.started)
          : paint.dim(MARK[s.state]);
    const here = state.next === s ? paint.warn('  ← next') : '';
    return `  ${mark} ${entry.id.padEnd(width)}  ${stepTitle(entry)} ${paint.dim(`— ${stepDetail(entry, s)}`)}${here}`;
  });
  return [paint.heading(`Course progress: ${summaryLine(view)}`), '', ...lines, '', formatNext(view)].join(
    '\n',
  );
}

/** "5/17 steps done, 4/14 lessons seen, 3/19 tasks, 35/300 points". */
export function summaryLine(view: CourseView): string {
  const { entries, state } = view;
  const lessons = state.steps.filter((s) => s.step.kind === 'lesson');
  const records = state.steps.flatMap((s) => (s.exercise ? [s.exercise] : []));
  const allTasks = entries.reduce((a, e) => a + (e.kind === 'exercise' ? e.exercise.tasks.length : 0), 0);
  const passedTasks = records.reduce((a, r) => a + r.tasks.filter((t) => t.passed).length, 0);
  const points = records.reduce((a, r) => a + r.points, 0);
  const max = entries.reduce((a, e) => a + maxPoints(e), 0);
  return `${state.done}/${entries.length} steps done, ${lessons.filter((s) => s.state === 'done').length}/${lessons.length} lessons seen, ${passedTasks}/${allTasks} tasks, ${points}/${max} points`;
}

function hintLine(record: ExerciseRecord | undefined, task: number): string {
  const h = record?.hints;
  if (!h || h.task !== task) return '';
  return h.shown === 0 ? ` (${h.total} hints, none seen yet)` : ` (hint ${h.shown} of ${h.total} seen)`;
}

/** The one thing to do now, with the command that does it, as this learner types it. Pure. */
export function formatNext(view: CourseView): string {
  const next = view.state.next;
  if (!next) {
    return `${paint.ok('Every lesson seen and every exercise passed.')} Compare your code with solutions/<name>/src, or run ${paint.code(courseCommand('bench'))}.`;
  }
  const entry = view.entries[view.state.steps.indexOf(next)] as CourseEntry;
  if (entry.kind === 'lesson') {
    const again = next.state === 'started' ? ' (it did not finish last time)' : '';
    return [
      `${paint.warn('Next:')} the lesson ${paint.heading(entry.id)} — ${entry.lesson.title}${again}`,
      `  ${paint.code(courseCommand('start', [entry.id]))}   ${paint.dim(`(add --quick for a short run)`)}`,
    ].join('\n');
  }
  const record = next.exercise;
  const open = firstOpenTask(record) ?? (record ? undefined : entry.exercise.tasks[0]);
  const task = open
    ? `Task ${open.id}: ${open.title}${'tests' in open ? paint.dim(` (${open.passedTests}/${open.tests} tests)`) : ''}`
    : 'every task';
  const lines = [
    `${paint.warn('Next:')} exercise ${paint.heading(entry.id)}, ${task}${open ? hintLine(record, open.id) : ''}`,
  ];
  if (!record)
    lines.push(
      `  Read exercises/${entry.id}/README.md, write your code in exercises/${entry.id}/src/, then:`,
    );
  else if (record.firstFailure)
    lines.push(`  Last verdict: ${record.firstFailure.name}`, `    ${record.firstFailure.message}`);
  lines.push(
    `  ${paint.code(courseCommand('grade', ['--watch', entry.id]))}   ${paint.dim('re-grades on every save')}`,
    `  ${paint.code(courseCommand('grade', ['--hint', entry.id]))}   ${paint.dim('stuck? the next hint')}`,
  );
  return lines.join('\n');
}

/**
 * The one-screen status a learner keeps open beside the editor: the summary, lessons seen, each
 * exercise's tasks, the next step (with its hint count) and the last verdict. Pure.
 */
export function formatStatus(view: CourseView, now = new Date()): string {
  const { entries, state } = view;
  const lessons = state.steps.filter((s) => s.step.kind === 'lesson');
  const seen = lessons.filter((s) => s.state === 'done').length;
  const lines = [paint.heading('Course status'), `  ${summaryLine(view)}`, ''];
  const bar = (n: number, of: number) => paint.ok('█'.repeat(n)) + paint.dim('░'.repeat(Math.max(0, of - n)));
  lines.push(`  lessons    ${bar(seen, lessons.length)} ${seen}/${lessons.length} seen`);
  entries.forEach((entry, i) => {
    if (entry.kind !== 'exercise') return;
    const r = state.steps[i]?.exercise;
    const tasks = entry.exercise.tasks.length;
    const passed = r ? r.tasks.filter((t) => t.passed).length : 0;
    lines.push(
      `  ${entry.id.padEnd(24)} ${bar(passed, tasks)} ${passed}/${tasks} tasks${r ? `, ${r.points}/${r.maxPoints} pt` : ''}`,
    );
  });
  lines.push('', formatNext(view));
  const last = [...state.steps]
    .flatMap((s) => (s.exercise ? [s.exercise] : []))
    .sort((a, b) => b.at.localeCompare(a.at))[0];
  if (last) {
    const mark =
      last.status === 'pass'
        ? paint.ok('✔ pass')
        : last.status === 'error'
          ? paint.fail('✖ error')
          : paint.warn('● fail');
    lines.push(
      '',
      `  Last grading: ${last.name} ${mark} ${last.points}/${last.maxPoints} points, ${ago(last.at, now)}`,
    );
    if (last.firstFailure && state.next?.exercise !== last)
      lines.push(`    ${last.firstFailure.name}`, `    ${last.firstFailure.message}`);
  }
  return lines.join('\n');
}

function ago(iso: string, now: Date): string {
  const s = Math.max(0, Math.round((now.getTime() - Date.parse(iso)) / 1000));
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  if (s < 86_400) return `${Math.round(s / 3600)} h ago`;
  return `${Math.round(s / 86_400)} days ago`;
}
