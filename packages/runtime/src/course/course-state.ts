import type { CourseStep } from './course-order';
import type { CourseProgress, ExerciseRecord, LessonRecord } from './progress-store';

/** Where the learner stands on one step. */
export type StepState = 'done' | 'started' | 'not started';

export interface StepProgress {
  step: CourseStep;
  state: StepState;
  lesson?: LessonRecord;
  exercise?: ExerciseRecord;
}

export interface CourseState {
  steps: StepProgress[];
  /** The one thing to do now: the first step of the order that is not done. */
  next?: StepProgress;
  done: number;
}

/**
 * The learner's place in the course. A lesson is done once a run of it finished (a run that failed
 * or was interrupted leaves it started); an exercise is done when its last grading passed every task,
 * started when it was graded at all. Pure.
 *
 * @example
 * courseState(readCourseOrder(root), readProgress(progressDir(root))).next // the first unfinished step
 */
export function courseState(order: readonly CourseStep[], progress: CourseProgress): CourseState {
  const steps = order.map((step): StepProgress => {
    if (step.kind === 'lesson') {
      const lesson = progress.lessons.get(step.id);
      const state: StepState = lesson?.finishedOnce ? 'done' : lesson ? 'started' : 'not started';
      return { step, state, ...(lesson ? { lesson } : {}) };
    }
    const exercise = progress.exercises.get(step.id);
    const state: StepState = exercise?.status === 'pass' ? 'done' : exercise ? 'started' : 'not started';
    return { step, state, ...(exercise ? { exercise } : {}) };
  });
  const next = steps.find((s) => s.state !== 'done');
  return { steps, done: steps.filter((s) => s.state === 'done').length, ...(next ? { next } : {}) };
}

/** The first task of an exercise record that did not pass. */
export function firstOpenTask(
  record: ExerciseRecord | undefined,
): ExerciseRecord['tasks'][number] | undefined {
  return record?.tasks.find((t) => !t.passed);
}
