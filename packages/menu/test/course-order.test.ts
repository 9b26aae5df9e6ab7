import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listExerciseNames } from '@course/grader/meta';
import { courseOrderProblems, parseCourseOrder, readCourseOrder } from '@course/runtime';
import { describe, expect, it } from 'vitest';
import { COURSE_ROOT, courseEntries, existingExercises } from '../src/course';
import { allLessons } from '../src/registry';

describe('course.json, the course order', () => {
  it('lists every lesson and every exercise that exists, and nothing that does not', () => {
    const problems = courseOrderProblems(readCourseOrder(COURSE_ROOT), {
      lessons: allLessons().map((l) => l.id),
      exercises: existingExercises().map((e) => e.name),
    });
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('puts each exercise after at least one lesson, so the course never opens with an exercise', () => {
    const steps = readCourseOrder(COURSE_ROOT);
    expect(steps[0]?.kind).toBe('lesson');
  });

  it('is what the menu shows, in the same order', () => {
    const steps = readCourseOrder(COURSE_ROOT);
    expect(courseEntries().map((e) => `${e.kind} ${e.id}`)).toEqual(steps.map((s) => `${s.kind} ${s.id}`));
  });

  it('is the order the grader lists and grades the exercises in', () => {
    const steps = readCourseOrder(COURSE_ROOT);
    expect(listExerciseNames({ exercisesDir: join(COURSE_ROOT, 'exercises') })).toEqual(
      steps.flatMap((s) => (s.kind === 'exercise' ? [s.id] : [])),
    );
  });

  it('names a lesson that exists but is not listed, with the line to add', () => {
    const problems = courseOrderProblems([{ kind: 'lesson', id: 'threads/basic-threads' }], {
      lessons: ['threads/basic-threads', 'threads/new-one'],
      exercises: ['web-scraping'],
    });
    expect(problems).toEqual([
      'lesson threads/new-one exists but course.json does not list it: add { "lesson": "threads/new-one" } where it belongs',
      'exercise web-scraping exists but course.json does not list it: add { "exercise": "web-scraping" } where it belongs',
    ]);
  });

  it('names a step for something that does not exist', () => {
    expect(courseOrderProblems([{ kind: 'exercise', id: 'gone' }], { lessons: [], exercises: [] })).toEqual([
      'course.json lists exercise gone, which does not exist',
    ]);
  });

  it('rejects a malformed step with the file and the step number', () => {
    expect(() => parseCourseOrder('[{ "lesson": "threads/a" }, { "lessons": "x" }]', 'course.json')).toThrow(
      /course\.json: step 2: expected exactly one key, "lesson" or "exercise"/,
    );
    expect(() => parseCourseOrder('[{ "lesson": "Threads A" }]', 'c.json')).toThrow(
      /c\.json: step 1: lesson "Threads A" is not a lesson id/,
    );
    expect(() => parseCourseOrder('[{ "exercise": "a" }, { "exercise": "a" }]', 'c.json')).toThrow(
      /step 2: exercise a is listed twice \(also step 1\)/,
    );
    expect(() => parseCourseOrder('{ "steps": [] }', 'c.json')).toThrow(/c\.json: expected an array/);
    expect(() => parseCourseOrder('[{ "lesson": "a/b" },]', 'c.json')).toThrow(/c\.json: not valid JSON/);
  });

  it('a course root whose order names a missing lesson fails with that name', () => {
    const root = mkdtempSync(join(tmpdir(), 'course-order-'));
    writeFileSync(join(root, 'course.json'), '[{ "lesson": "threads/no-such-lesson" }]');
    expect(() => courseEntries(root)).toThrow(/lists lesson threads\/no-such-lesson, which does not exist/);
  });
});
