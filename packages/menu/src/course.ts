import { join } from 'node:path';
import { type ExerciseMeta, listExerciseNames, loadExercise } from '@course/grader/meta';
import { type CourseStep, type Lesson, readCourseOrder, workspaceRoot } from '@course/runtime';
import { allLessons } from './registry';

/** A step of the course with what the menu shows about it. */
export type CourseEntry =
  | { kind: 'lesson'; id: string; lesson: Lesson }
  | { kind: 'exercise'; id: string; exercise: ExerciseMeta };

export const COURSE_ROOT = workspaceRoot(__dirname);

/** The exercises that exist: every `exercises/<name>/exercise.json`. */
export function existingExercises(root = COURSE_ROOT): ExerciseMeta[] {
  const layout = { exercisesDir: join(root, 'exercises') };
  return listExerciseNames(layout).map((name) => loadExercise(layout, name));
}

/**
 * The course in its order (course.json), each step with its lesson or exercise. A step naming
 * something that does not exist is an error naming it; a lesson or exercise the order does not list
 * still appears, at the end (and the course-order test fails until it is listed).
 */
export function courseEntries(root = COURSE_ROOT, lessons: readonly Lesson[] = allLessons()): CourseEntry[] {
  const order = readCourseOrder(root);
  const exercises = existingExercises(root);
  const entries = order.map((step: CourseStep): CourseEntry => {
    if (step.kind === 'lesson') {
      const lesson = lessons.find((l) => l.id === step.id);
      if (!lesson)
        throw new Error(`${join(root, 'course.json')} lists lesson ${step.id}, which does not exist`);
      return { kind: 'lesson', id: step.id, lesson };
    }
    const exercise = exercises.find((e) => e.name === step.id);
    if (!exercise)
      throw new Error(`${join(root, 'course.json')} lists exercise ${step.id}, which does not exist`);
    return { kind: 'exercise', id: step.id, exercise };
  });
  const listed = new Set(entries.map((e) => `${e.kind} ${e.id}`));
  for (const lesson of lessons)
    if (!listed.has(`lesson ${lesson.id}`)) entries.push({ kind: 'lesson', id: lesson.id, lesson });
  for (const exercise of exercises)
    if (!listed.has(`exercise ${exercise.name}`))
      entries.push({ kind: 'exercise', id: exercise.name, exercise });
  return entries;
}

/** The lessons in the course order. */
export function courseLessons(root = COURSE_ROOT): Lesson[] {
  return courseEntries(root).flatMap((e) => (e.kind === 'lesson' ? [e.lesson] : []));
}
