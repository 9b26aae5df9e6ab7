import {
  allOf,
  defineLesson,
  evidenceAtLeast,
  evidenceIf,
  formatMs,
  formatRatio,
  isMain,
  runLessonMain,
} from '@course/runtime';
import { broadcastTo, workerToWorker } from './communication/channels';
import { signalThroughSharedMemory } from './communication/sab-signal';
import { compareTransferAndClone } from './communication/transfer-vs-clone';
import { whatCannotBeSent } from './communication/uncloneable';

export const lesson = defineLesson({
  id: 'threads/communication',
  title: 'Communication: messages, channels, transfer, shared memory',
  summary:
    'postMessage copies (structured clone), transfer lists move, SharedArrayBuffer shares; ports, broadcast, limits.',
  concepts: [
    'postMessage',
    'structured clone',
    'transfer list',
    'MessageChannel',
    'BroadcastChannel',
    'SharedArrayBuffer',
    'DataCloneError',
  ],
  docs: 'docs/diagrams/communication-patterns.md',
  async run({ quick, out }) {
    out.heading('Worker to worker over a MessageChannel');
    const p = await workerToWorker();
    out.say(
      `The main thread made a channel and moved one port to each worker (ports are transferred, never copied).`,
    );
    out.figure(`thread ${p.receivedBy} received from thread ${p.from}`, `"${p.text}"`);

    out.heading('BroadcastChannel: one post, every listener');
    const b = await broadcastTo(3);
    out.figure('threads that heard it', b.heard.map((h) => h.threadId).join(', '));

    out.heading('Copy, move or share: a big buffer to a worker and back');
    const mib = quick ? 16 : 32;
    const t = await compareTransferAndClone({ mib, repetitions: quick ? 3 : 5 });
    out.table(
      [
        { way: 'structured clone (copied each way)', ms: t.cloneMs },
        { way: 'transfer list (moved)', ms: t.transferMs },
        { way: 'SharedArrayBuffer (shared)', ms: t.sharedMs },
      ],
      [
        { header: `${mib} MiB round trip`, value: (r) => r.way },
        { header: 'median', value: (r) => formatMs(r.ms), align: 'right' },
        { header: 'clone / this', value: (r) => formatRatio(t.cloneMs / r.ms), align: 'right' },
      ],
    );
    out.figure(
      "after a transfer, the sender's buffer byteLength",
      t.detachedAfterTransfer ? '0 (detached: it moved)' : 'not 0 (?)',
    );
    out.claim(
      'A clone copies every byte, twice per round trip; a transfer moves the buffer, a SharedArrayBuffer shares it',
      allOf(
        evidenceAtLeast(t.cloneMs / t.transferMs, 10, 'clone / transfer'),
        evidenceAtLeast(t.cloneMs / t.sharedMs, 10, 'clone / shared'),
        evidenceIf(t.detachedAfterTransfer, "the sender's buffer was detached by every transfer"),
      ),
    );

    out.heading('Signalling through shared memory');
    const s = await signalThroughSharedMemory(21);
    out.say(
      'Store the input, Atomics.notify the worker, await Atomics.waitAsync for its reply flag: no messages.',
    );
    out.figure(`sent ${s.input}, the worker wrote back`, `${s.output} (${s.outcome}, ${formatMs(s.ms)})`);

    out.heading('What cannot be sent');
    const u = await whatCannotBeSent();
    out.figure('a function', `${u.functionError?.name}: ${u.functionError?.message}`);
    out.figure(
      'a Point instance arrives as',
      `${JSON.stringify(u.point.fields)}, instanceof Point: ${u.point.isPoint}, .length(): ${u.point.hasMethod ? 'present' : 'gone'}`,
    );
    out.figure(
      'Map, Date, Error',
      u.mapIntact && u.dateIntact && u.errorIntact ? 'arrive intact' : 'changed (?)',
    );
    out.claim(
      'Send data, not behaviour: plain objects, typed arrays, Maps; rebuild class instances on arrival',
      evidenceIf(
        u.functionError !== undefined &&
          !u.point.isPoint &&
          !u.point.hasMethod &&
          u.mapIntact &&
          u.dateIntact,
        'the function was refused, the Point lost its class and method, the Map and Date arrived intact',
      ),
    );
  },
});

if (isMain(__filename)) runLessonMain(lesson);
