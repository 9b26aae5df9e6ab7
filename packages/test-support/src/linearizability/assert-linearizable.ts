import { type CheckOptions, checkLinearizable, type LinearizabilityResult } from './check';
import type { Operation } from './history';
import type { Model } from './models';
import { describeOp, writeTimelineHtml } from './timeline-html';

/**
 * Fail with a readable message unless `history` is linearizable against `model`; on failure a
 * timeline page is written and its path is in the message (and printed).
 *
 * @example
 * assertLinearizable(ops, fifoQueueModel(), { title: `queue history, seed ${seed}` });
 */
export function assertLinearizable<S, I, O>(
  history: readonly Operation<I, O>[],
  model: Model<S, I, O>,
  options: CheckOptions & { title: string; dir?: string },
): LinearizabilityResult {
  const result = checkLinearizable(history, model, options);
  if (result.ok) return result;
  const ops = history as readonly Operation[];
  const file = writeTimelineHtml(ops, result, options.title, options.dir);
  console.error(`Linearizability timeline: ${file}`);
  const stuck = result.stuck
    .slice(0, 6)
    .map((i) => `  #${i} thread ${(ops[i] as Operation).process}: ${describeOp(ops[i] as Operation)}`)
    .join('\n');
  throw new Error(
    `${options.title}: ${result.reason === 'too-complex' ? `no verdict within ${result.steps} search steps (record a shorter history)` : `not linearizable against the ${model.name} specification`}.\n` +
      `The longest valid order explains ${result.longestPrefix.length} of ${history.length} operations (${model.name} then: ${result.stateAfterPrefix}); ` +
      `none of these could come next:\n${stuck}\nTimeline: ${file}`,
  );
}
