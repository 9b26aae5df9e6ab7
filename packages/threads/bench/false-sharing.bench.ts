import { defineBench } from '@course/runtime';
import { PADDED_GAP_BYTES, runPlacement } from '../src/memory-model/false-sharing';

const iterations = (quick: boolean) => (quick ? 2_000_000 : 10_000_000);

export default defineBench({
  name: 'false-sharing',
  title: `False sharing: two workers, each Atomics.add on its own counter, 4 vs ${PADDED_GAP_BYTES} bytes apart`,
  baseline: 'padded',
  repetitions: 5,
  // The ratio is between the two cases: run them alternately so a change in load hits both alike.
  interleave: true,
  sizes: ({ quick }) => ({ iterations: iterations(quick), gapBytes: PADDED_GAP_BYTES }),
  async setup({ quick }) {
    const n = iterations(quick);
    return {
      cases: [
        { name: 'padded', run: () => runPlacement('padded', n) },
        { name: 'same line', run: () => runPlacement('same line', n) },
      ],
    };
  },
  ratios: (m) => ({
    'same line / padded, time': {
      value: (m['same line'] ?? Number.NaN) / (m.padded ?? Number.NaN),
      // No claim here: the slowdown needs both workers on cores at the same moment, which a bench
      // ratio cannot check; the lesson threads/memory-model judges it with its both-running samples.
      description:
        'wall time of a run, starting both workers included; the slowdown shows only when two cores run both workers at once',
    },
  }),
});
