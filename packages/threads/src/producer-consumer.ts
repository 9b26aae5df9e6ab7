import {
  allOf,
  defineLesson,
  evidenceIf,
  formatMs,
  formatNumber,
  isMain,
  runLessonMain,
} from '@course/runtime';
import { runMessageQueue } from './producer-consumer/message-queue';
import { demonstrateBackpressure, runRingQueue } from './producer-consumer/ring-queue';

export const lesson = defineLesson({
  id: 'threads/producer-consumer',
  title: 'Producer-consumer: a bounded queue between workers',
  summary:
    'Backpressure, several producers and consumers, clean shutdown, every item exactly once; messages vs a shared ring buffer.',
  concepts: [
    'bounded queue',
    'backpressure',
    'poison pill',
    'close',
    'ring buffer',
    'condition variable',
    'throughput',
  ],
  docs: 'docs/concepts/best-practices.md',
  async run({ quick, out }) {
    out.heading('Backpressure: a full queue holds the producer back');
    const b = await demonstrateBackpressure();
    out.say('A producer puts 5 items into a ring buffer of 2 slots, with no consumer yet.');
    out.figure(
      'items in the buffer while the producer sleeps',
      `${b.whileHeld.count} of ${b.whileHeld.capacity}`,
    );
    out.figure('then a consumer starts and receives', b.consumed.join(', '));
    out.claim(
      'A bounded queue turns "too fast" into "wait", instead of into unbounded memory',
      evidenceIf(
        b.whileHeld.count <= b.whileHeld.capacity && b.consumed.length === 5,
        `${b.whileHeld.count} of ${b.whileHeld.capacity} slots held while the producer waited; all ${b.consumed.length} of 5 items arrived`,
      ),
    );

    const run = { producers: 2, consumers: 2, capacity: 64, perProducer: quick ? 5_000 : 20_000 };
    out.heading(
      `${run.producers} producers, ${run.consumers} consumers, ${formatNumber(run.producers * run.perProducer)} items, capacity ${run.capacity}`,
    );
    const ring = await runRingQueue(run);
    const msg = await runMessageQueue(run);
    out.table(
      [
        { way: 'SharedArrayBuffer ring buffer (mutex + 2 conditions)', r: ring },
        { way: 'message passing (main thread brokers, ack per item)', r: msg },
      ],
      [
        { header: 'queue', value: (x) => x.way },
        { header: 'items/s', value: (x) => formatNumber(x.r.itemsPerSecond), align: 'right' },
        { header: 'time', value: (x) => formatMs(x.r.ms), align: 'right' },
        { header: 'max depth', value: (x) => x.r.maxDepth, align: 'right' },
        { header: 'producer waits', value: (x) => x.r.fullWaits, align: 'right' },
        { header: 'lost', value: (x) => x.r.audit.lost, align: 'right' },
        { header: 'duplicated', value: (x) => x.r.audit.duplicated, align: 'right' },
      ],
    );
    out.say('Shutdown: the ring buffer is closed by the last producer, consumers drain it and stop;');
    out.say(
      'the message broker sends each consumer a poison pill once producers are done and the queue is empty.',
    );
    out.claim(
      `Every item consumed exactly once, never more than ${run.capacity} waiting`,
      allOf(
        ...(
          [
            ['ring buffer', ring],
            ['messages', msg],
          ] as const
        ).map(([name, x]) =>
          evidenceIf(
            x.audit.lost === 0 && x.audit.duplicated === 0 && x.maxDepth <= run.capacity,
            `${name}: ${x.audit.lost} lost, ${x.audit.duplicated} duplicated, most waiting ${x.maxDepth}`,
          ),
        ),
      ),
    );
    out.say('Times include worker start-up; `pnpm bench producer-consumer` compares throughput.');
  },
});

if (isMain(__filename)) runLessonMain(lesson);
