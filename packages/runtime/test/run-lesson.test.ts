import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  defineLesson,
  type Lesson,
  liveHandles,
  parseLessonArgs,
  runLesson,
  startWorker,
  stripAnsi,
} from '../src';

function sink() {
  let text = '';
  return { stream: { write: (s: string) => (text += s) }, text: () => stripAnsi(text) };
}

const base = { title: 'A lesson', summary: 'One line.', concepts: ['testing'] };

describe('runLesson', () => {
  it('narrate a lesson, pass it the quick flag, and exit 0', async () => {
    let sawQuick: boolean | undefined;
    const lesson = defineLesson({
      ...base,
      id: 'demo/narrates',
      run: async ({ out, quick }) => {
        sawQuick = quick;
        out.figure('answer', '42');
      },
    });
    const s = sink();
    expect(await runLesson(lesson, { quick: true, stream: s.stream })).toBe(0);
    expect(sawQuick).toBe(true);
    expect(s.text()).toMatch(/answer: 42/);
    expect(s.text()).toMatch(/demo\/narrates finished in .*\(no claims\)/);
  });

  it('stop and report a worker the lesson left running', async () => {
    const lesson = defineLesson({
      ...base,
      id: 'demo/leaky',
      run: async () => {
        startWorker(join(__dirname, 'fixtures', 'silent-worker.ts'));
      },
    });
    const s = sink();
    expect(await runLesson(lesson, { stream: s.stream })).toBe(0);
    expect(s.text()).toMatch(/! stopping 1 worker the lesson left running: .*silent-worker\.ts/);
    expect(liveHandles()).toHaveLength(0);
  });

  it('turn a thrown error into exit code 1 with the message shown', async () => {
    const lesson: Lesson = defineLesson({
      ...base,
      id: 'demo/fails',
      run: async () => {
        throw new Error('the experiment broke');
      },
    });
    const s = sink();
    expect(await runLesson(lesson, { stream: s.stream })).toBe(1);
    expect(s.text()).toMatch(/demo\/fails failed: Error: the experiment broke/);
  });

  it('after Ctrl-C, say it is stopping the workers still running (not that the lesson leaked them)', async () => {
    const controller = new AbortController();
    const lesson = defineLesson({
      ...base,
      id: 'demo/interrupted-busy',
      run: ({ signal }) =>
        new Promise((_, reject) => {
          startWorker(join(__dirname, 'fixtures', 'silent-worker.ts'));
          startWorker(join(__dirname, 'fixtures', 'silent-worker.ts'));
          signal.addEventListener('abort', () => reject(signal.reason));
          controller.abort(new Error('Ctrl-C'));
        }),
    });
    const s = sink();
    expect(await runLesson(lesson, { stream: s.stream, signal: controller.signal })).toBe(130);
    expect(s.text()).toMatch(
      /was interrupted\n {2}Stopping 2 workers…\n {2}Stopped: nothing of the lesson is left running\./,
    );
    expect(s.text()).not.toMatch(/left running:/);
    expect(liveHandles()).toHaveLength(0);
  });

  it('turn an interruption (Ctrl-C) into exit code 130', async () => {
    const controller = new AbortController();
    const lesson = defineLesson({
      ...base,
      id: 'demo/interrupted',
      run: ({ signal }) =>
        new Promise((_, reject) => {
          signal.addEventListener('abort', () => reject(signal.reason));
          controller.abort(new Error('Ctrl-C'));
        }),
    });
    const s = sink();
    expect(await runLesson(lesson, { stream: s.stream, signal: controller.signal })).toBe(130);
    expect(s.text()).toMatch(/was interrupted/);
  });
});

describe('defineLesson and parseLessonArgs', () => {
  it('reject an id that is not <package>/<lesson> in kebab-case', () => {
    expect(() => defineLesson({ ...base, id: 'Threads Basic', run: async () => {} })).toThrow(
      /must look like/,
    );
  });

  it('accept --quick and refuse unknown flags', () => {
    expect(parseLessonArgs(['--quick'])).toEqual({ quick: true });
    expect(parseLessonArgs([])).toEqual({ quick: false });
    expect(() => parseLessonArgs(['--fast'])).toThrow(/Unknown option "--fast"/);
  });
});
