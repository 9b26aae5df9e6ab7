import type { Lesson } from '@course/runtime';

/** The lessons of this package, in menu order. */
export const lessons: Lesson[] = [];
