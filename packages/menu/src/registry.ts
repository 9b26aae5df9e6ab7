import { lessons as asyncLessons } from '@course/async';
import { lessons as comparisonLessons } from '@course/comparisons';
import { lessons as distributedLessons } from '@course/distributed';
import { lessons as processLessons } from '@course/processes';
import type { Lesson } from '@course/runtime';
import { lessons as threadLessons } from '@course/threads';

/** Every lesson, grouped by package in teaching order. A package lists only lessons that exist. */
export const groups: ReadonlyArray<{ name: string; title: string; lessons: readonly Lesson[] }> = [
  { name: 'threads', title: 'Worker threads', lessons: threadLessons },
  { name: 'processes', title: 'Child processes', lessons: processLessons },
  { name: 'async', title: 'Async and the event loop', lessons: asyncLessons },
  { name: 'comparisons', title: 'Comparisons', lessons: comparisonLessons },
  { name: 'distributed', title: 'Beyond one machine', lessons: distributedLessons },
];

export function allLessons(): Lesson[] {
  return groups.flatMap((g) => g.lessons);
}
