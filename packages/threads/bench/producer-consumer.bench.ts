import { defineBench } from '@course/runtime';
import { runMessageQueue } from '../src/producer-consumer/message-queue';
import { runRingQueue } from '../src/producer-consumer/ring-queue';

const sizes = (quick: boolean) => ({
  producers: 2,
  consumers: 2,
  capacity: 256,
  perProducer: quick ? 5_000 : 50_000,
});

/** Fail loudly if a run lost or duplicated an item: a fast wrong queue is not a result. */
function checked<T extends { audit: { lost: number; duplicated: number } }>(r: T, what: string): T {
  if (r.audit.lost || r.audit.duplicated)
    throw new Error(`${what}: ${r.audit.lost} items lost, ${r.audit.duplicated} duplicated`);
  return r;
}

export default defineBench({
  name: 'producer-consumer',
  title: 'Producer-consumer throughput: message passing (broker + ack) vs a SharedArrayBuffer ring buffer',
  baseline: 'message passing',
  repetitions: 5,
  sizes: ({ quick }) => sizes(quick),
  async setup({ quick }) {
    const run = sizes(quick);
    return {
      cases: [
        { name: 'message passing', run: async () => checked(await runMessageQueue(run), 'message passing') },
        {
          name: 'SharedArrayBuffer ring buffer',
          run: async () => checked(await runRingQueue(run), 'ring buffer'),
        },
      ],
    };
  },
  ratios: (m) => ({
    'ring buffer / message passing, items per second': {
      value: (m['message passing'] ?? Number.NaN) / (m['SharedArrayBuffer ring buffer'] ?? Number.NaN),
      description: 'same items, same workers; times include worker start-up',
    },
  }),
});
