import type { Lesson } from '@course/runtime';
import { lesson as asyncIo } from './async-io';
import { lesson as basicAsync } from './basic-async';

/** The lessons of this package, in menu order. */
export const lessons: Lesson[] = [basicAsync, asyncIo];
