import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Layout } from './layout';

/**
 * hints.md: one "## Task N" section per task, each a numbered list of hints (a hint may run over
 * several lines). Returns task id -> hints in order.
 *
 * @example
 * parseHints('## Task 1\n1. Start all workers first.\n2. Use Promise.all.\n').get(1) // ['Start all workers first.', 'Use Promise.all.']
 */
export function parseHints(markdown: string): Map<number, string[]> {
  const hints = new Map<number, string[]>();
  let task: number | null = null;
  for (const line of markdown.split(/\r?\n/)) {
    const heading = /^##\s+Task\s+(\d+)/.exec(line);
    if (heading) {
      task = Number(heading[1]);
      hints.set(task, []);
      continue;
    }
    if (/^#{1,2}\s/.test(line)) {
      task = null;
      continue;
    }
    if (task === null) continue;
    const list = hints.get(task) as string[];
    const item = /^\s*\d+[.)]\s+(.*)$/.exec(line);
    if (item) list.push(item[1] ?? '');
    else if (line.trim() !== '' && list.length > 0)
      list[list.length - 1] += `\n${line.replace(/^\s{1,3}/, '')}`;
  }
  return hints;
}

/** How many hints of each task were shown already: kept with the learner's progress (`.course/hints/`). */
function stateFile(layout: Layout, exercise: string): string {
  return join(layout.progressDir, 'hints', `${exercise}.json`);
}

/** How many hints of each task (by id) the learner has been shown. */
export function hintsShown(layout: Layout, exercise: string): Record<string, number> {
  try {
    return JSON.parse(readFileSync(stateFile(layout, exercise), 'utf8')) as Record<string, number>;
  } catch {
    return {}; // no hint shown yet for this exercise
  }
}

/**
 * The next hint for `taskId` (the first unfinished task), remembering how many were shown: each call
 * shows one more, and the last one again once all were shown.
 */
export function nextHint(
  layout: Layout,
  exercise: string,
  taskId: number,
): { hint: string; index: number; total: number } {
  const file = join(layout.exercisesDir, exercise, 'hints.md');
  if (!existsSync(file))
    throw new Error(`${file} is missing: every exercise ships hints.md with a "## Task N" section per task.`);
  const hints = parseHints(readFileSync(file, 'utf8')).get(taskId) ?? [];
  if (hints.length === 0) throw new Error(`${file} has no numbered hints under "## Task ${taskId}".`);
  const state = stateFile(layout, exercise);
  const shown = hintsShown(layout, exercise);
  const index = Math.min(shown[taskId] ?? 0, hints.length - 1);
  shown[taskId] = index + 1;
  mkdirSync(dirname(state), { recursive: true });
  writeFileSync(state, JSON.stringify(shown));
  return { hint: hints[index] as string, index: index + 1, total: hints.length };
}
