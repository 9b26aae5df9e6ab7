import { describe, expect, it } from 'vitest';
import { predictions, type SnippetName } from '../src/predictions';
import { runSnippet } from './helpers/run-snippet';

/** The rule each snippet is about: shown with a wrong prediction, so the learner learns the rule, not the letters. */
const RULES: Record<SnippetName, string> = {
  '01-sync-then-queues':
    'the script runs to its end first; then every process.nextTick callback; then the microtasks (promise callbacks and queueMicrotask, one queue, in the order they were queued); timers only after all of that.',
  '02-ticks-inside-promises':
    'a nextTick queued from inside a promise callback waits until the whole microtask queue is empty, including the callbacks that chained promises add while it drains; the nextTick queue is only checked again after that.',
  '03-inside-an-io-callback':
    'after an I/O callback the loop is in its poll phase: nextTicks and microtasks run as soon as the callback returns, then the check phase (setImmediate) comes before the loop reaches the timers again, so setImmediate wins over setTimeout(0) here, every time.',
  '04-between-immediates':
    'since Node 11 the nextTick queue and the microtasks are drained after each setImmediate callback (and each timer), not once per phase: what one immediate queues runs before the next immediate.',
  '05-async-await':
    'an async function runs synchronously up to its first await; each await resumes in a later microtask (behind microtasks queued before it), and awaiting a timer resumes only after that timer fires; the promise load() returned resolves after its last line.',
};

const SNIPPETS = Object.keys(RULES) as SnippetName[];

function explain(name: SnippetName, predicted: readonly string[], actual: readonly string[]): string {
  if (predicted.length === 0) {
    return `No prediction yet for ${name}: write the letters in src/predictions.ts in the order you expect test/snippets/${name}.js to log them.`;
  }
  const sorted = (xs: readonly string[]) => [...xs].sort().join(' ');
  if (sorted(predicted) !== sorted(actual)) {
    return `${name}: your prediction has the letters [${predicted.join(' ')}], but the snippet logs each of [${sorted(actual)}] exactly once.`;
  }
  const at = predicted.findIndex((letter, i) => letter !== actual[i]);
  return [
    `${name}: you predicted ${predicted.join(' ')}, Node logged ${actual.join(' ')}.`,
    `First difference at position ${at + 1}: Node logged ${actual[at]} where you wrote ${predicted[at]}.`,
    `The rule: ${RULES[name]}`,
  ].join('\n');
}

describe('Task 1: Predict the order', () => {
  for (const name of SNIPPETS) {
    it(`predicts the order in which ${name}.js logs`, async () => {
      const predicted = predictions[name] ?? [];
      const actual = await runSnippet(name);
      expect(actual.length, `the snippet ${name}.js logged nothing`).toBeGreaterThan(0);
      const same = predicted.length === actual.length && predicted.every((l, i) => l === actual[i]);
      if (!same) expect.fail(explain(name, predicted, actual));
    });
  }
});
