import { defineLesson, formatMs, isMain, runLessonMain } from '@course/runtime';
import { ipcCost } from './shared-memory/ipc-cost';
import { messageCounter } from './shared-memory/message-counter';
import { NATIVE_SHARED_MEMORY_VERDICT } from './shared-memory/native-shared-memory';
import { sabAcrossIpc } from './shared-memory/sab-across-ipc';
import { sabThreads } from './shared-memory/sab-threads';
import { sharedFileCounter } from './shared-memory/shared-file';

interface CounterRow {
  strategy: string;
  updates: number;
  lost: number;
  perUpdate: number;
}

export const lesson = defineLesson({
  id: 'processes/shared-memory',
  title: 'Sharing data between processes (and what cannot be shared)',
  summary:
    'Processes share no JS memory: measure IPC copies, share a file safely with a lock, and contrast threads with a real SharedArrayBuffer.',
  concepts: [
    'no shared memory between processes',
    'serialization cost',
    'positional file I/O',
    'O_EXCL lock file',
    'lost update',
    'SharedArrayBuffer + Atomics',
  ],
  docs: 'docs/diagrams/communication-patterns.md',
  run: async ({ quick, out }) => {
    out.heading('Can a SharedArrayBuffer cross a process boundary?');
    const s = await sabAcrossIpc();
    out.say(`send({ sab }) with serialization 'advanced' throws: ${s.advancedSabError}`);
    out.say(
      `send({ view }) (an Int32Array over the SAB) arrives as ${s.viewArrival.tag} over ${s.viewArrival.bufferTag}: a copy.`,
    );
    out.say(
      `The child wrote ${s.viewArrival.firstAfterWrite} into its copy; the parent still sees ${s.parentStillSees}.`,
    );
    out.say(
      `With the default 'json' serialization the child receives ${s.jsonArrival}: the buffer silently vanishes.`,
    );
    out.takeaway(
      'Each process has its own memory. Everything sent over IPC is serialized and copied; nothing is shared.',
    );

    out.heading('What a copy costs: IPC round trip by payload size');
    const counts = quick ? [100, 10_000, 50_000] : [100, 10_000, 100_000, 300_000];
    const rows = await ipcCost(counts, quick ? 3 : 5);
    out.table(rows, [
      { header: 'payload', value: (r) => r.kind },
      { header: 'numbers', value: (r) => r.count.toLocaleString('en-US'), align: 'right' },
      { header: 'KiB', value: (r) => (r.bytes / 1024).toFixed(1), align: 'right' },
      { header: 'round trip (median)', value: (r) => formatMs(r.medianMs), align: 'right' },
      { header: '(fastest)', value: (r) => formatMs(r.minMs), align: 'right' },
    ]);
    out.takeaway('The cost grows with the size: move big data rarely, or move the work to the data.');
    out.takeaway(
      'A Float64Array travels as raw bytes under advanced serialization: far cheaper than the same numbers as an array.',
    );

    out.heading('A shared file, positional reads/writes, and a lock');
    const writers = quick ? 3 : 4;
    const increments = quick ? 300 : 1_000;
    const unlocked = await sharedFileCounter('unlocked', writers, increments);
    const locked = await sharedFileCounter('locked', writers, increments);
    const ownSlot = await sharedFileCounter('own-slot', writers, increments);
    const messages = await messageCounter(writers, increments);
    const threads = await sabThreads(true, 2, quick ? 200_000 : 2_000_000);
    const table: CounterRow[] = [
      {
        strategy: `${writers} processes, read-modify-write, no lock`,
        updates: unlocked.expected,
        lost: unlocked.lost,
        perUpdate: unlocked.ms / unlocked.expected,
      },
      {
        strategy: `${writers} processes, O_EXCL lock file`,
        updates: locked.expected,
        lost: locked.lost,
        perUpdate: locked.ms / locked.expected,
      },
      {
        strategy: `${writers} processes, one slot each`,
        updates: ownSlot.expected,
        lost: ownSlot.lost,
        perUpdate: ownSlot.ms / ownSlot.expected,
      },
      {
        strategy: `${writers} processes, messages to one owner`,
        updates: messages.expected,
        lost: messages.expected - messages.final,
        perUpdate: messages.ms / messages.expected,
      },
      {
        strategy: '2 threads, SharedArrayBuffer + Atomics.add',
        updates: threads.expected,
        lost: threads.lost,
        perUpdate: threads.ms / threads.expected,
      },
    ];
    out.table(table, [
      { header: 'strategy', value: (r) => r.strategy },
      { header: 'updates', value: (r) => String(r.updates), align: 'right' },
      { header: 'lost', value: (r) => String(r.lost), align: 'right' },
      { header: 'per update', value: (r) => `${(r.perUpdate * 1000).toFixed(3)} µs`, align: 'right' },
    ]);
    out.say(
      `Without a lock ${unlocked.lost} of ${unlocked.expected} increments were lost: two writers read the same value and both wrote value + 1.`,
    );
    out.say(
      `The lock file was found taken ${locked.contended} times; every waiter retried until it could create the file.`,
    );
    out.takeaway(
      'Between processes: lock around every read-modify-write, give each writer its own slot, or let one owner apply messages.',
    );
    out.takeaway(
      'Only threads share memory: the SharedArrayBuffer is the same bytes in every worker, and Atomics make updates indivisible.',
    );

    out.heading('And a native shared-memory package?');
    for (const line of NATIVE_SHARED_MEMORY_VERDICT.why) out.say(`- ${line}`);
    out.say(`Checked: ${NATIVE_SHARED_MEMORY_VERDICT.candidates.join('; ')}.`);
    out.takeaway(NATIVE_SHARED_MEMORY_VERDICT.instead);
  },
});

if (isMain(__filename)) runLessonMain(lesson);
