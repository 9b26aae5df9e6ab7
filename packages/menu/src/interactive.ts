import { type Lesson, paint, runLesson } from '@course/runtime';
import { Separator, select } from '@inquirer/prompts';
import { recordLessonRun } from './progress';
import { groups } from './registry';
import { typedStream } from './typed-stream';

const QUIT = '__quit__';

/**
 * The menu loop: pick a lesson with the arrow keys, watch it run, come back to the menu.
 * Ctrl-C in the menu leaves; Ctrl-C during a lesson interrupts that lesson and returns here.
 */
export async function interactiveMenu(quick: boolean): Promise<number> {
  for (;;) {
    let choice: string;
    try {
      choice = await select<string>({
        message: 'Choose a lesson (↑/↓, Enter; Ctrl-C to leave)',
        pageSize: 20,
        choices: [
          ...groups.flatMap((g) =>
            g.lessons.length === 0
              ? []
              : [
                  new Separator(paint.heading(`── ${g.title}`)),
                  ...g.lessons.map((l: Lesson) => ({
                    name: `${l.title}  ${paint.dim(l.id)}`,
                    value: l.id,
                    description: `${l.summary}\n  concepts: ${l.concepts.join(', ')}`,
                  })),
                ],
          ),
          new Separator(' '),
          { name: 'Quit', value: QUIT },
        ],
      });
    } catch (err) {
      if (err instanceof Error && err.name === 'ExitPromptError') return 0; // Ctrl-C in the menu
      throw err;
    }
    if (choice === QUIT) return 0;
    const lesson = groups.flatMap((g) => g.lessons).find((l) => l.id === choice);
    if (!lesson) continue;
    const controller = new AbortController();
    const onSigint = () => controller.abort(new Error('interrupted (Ctrl-C)'));
    process.on('SIGINT', onSigint);
    try {
      const code = await runLesson(lesson, {
        quick,
        signal: controller.signal,
        stream: typedStream(process.stdout),
      });
      recordLessonRun(lesson.id, code, quick);
    } finally {
      process.removeListener('SIGINT', onSigint);
    }
  }
}
