import { defineLesson, evidenceIf, isMain, runLessonMain } from '@course/runtime';
import { concurrentRequests, countMisattributed, type LogLine } from './context/concurrent-requests';
import { followAcrossAsyncWork } from './context/follow-async-work';
import { intoAWorker } from './context/into-a-worker';
import { whereContextIsLost } from './context/where-context-is-lost';

const firstWrongOrFirst = (lines: readonly LogLine[]) =>
  lines.find((l) => l.wroteIt !== l.loggedAs) ?? lines[0];
const show = (v: string | undefined) => (v === undefined ? 'undefined' : `"${v}"`);

export const lesson = defineLesson({
  id: 'async/context',
  title: 'Context that follows async work: AsyncLocalStorage',
  summary:
    'A request id that survives await, timers and streams without being passed by hand; where it is lost; why it stops at a worker.',
  concepts: [
    'AsyncLocalStorage',
    'AsyncLocalStorage.bind',
    'AsyncLocalStorage.snapshot',
    'thread-local storage',
    'Python contextvars',
    'workerData',
  ],
  docs: 'docs/concepts/async-context.md',
  async run({ quick, out }) {
    out.heading('One request, many async hops');
    out.say(
      'als.run("req-42", handler): every hop below only calls als.getStore(); nothing is passed by hand.',
    );
    const f = await followAcrossAsyncWork('req-42');
    out.table(f.hops, [
      { header: 'the handler crossed', value: (h) => h.via },
      { header: 'getStore() there', value: (h) => show(h.seen), align: 'right' },
    ]);
    const lost = f.hops.filter((h) => h.seen !== f.id);
    out.claim(
      'AsyncLocalStorage follows a request through await, timers, immediates, nextTick, microtasks and a stream pipeline.',
      evidenceIf(
        lost.length === 0,
        `${f.hops.length - lost.length} of ${f.hops.length} hops saw "${f.id}"${lost.length ? `; lost at: ${lost.map((h) => h.via).join(', ')}` : ''}`,
      ),
    );

    out.heading('Requests at once on one thread: storage vs a "current request" variable');
    const n = quick ? 4 : 8;
    const c = await concurrentRequests(n);
    out.say(
      `${n} requests start, each sets its id and waits at a gate; the gates open in reverse order, so every request resumes after all have started.`,
    );
    const wrongStorage = countMisattributed(c.fromStorage);
    const wrongGlobal = countMisattributed(c.fromGlobal);
    out.table(
      [
        { how: 'AsyncLocalStorage', wrong: wrongStorage, sample: firstWrongOrFirst(c.fromStorage) },
        {
          how: 'module-level `current` (a thread-local, on one thread)',
          wrong: wrongGlobal,
          sample: firstWrongOrFirst(c.fromGlobal),
        },
      ],
      [
        { header: 'the logger took the id from', value: (r) => r.how },
        { header: `lines with someone else's id (of ${n})`, value: (r) => String(r.wrong), align: 'right' },
        {
          header: 'e.g.',
          value: (r) => `${r.sample?.wroteIt} logged as ${show(r.sample?.loggedAs)}`,
        },
      ],
    );
    out.claim(
      'Each concurrent request sees its own id in AsyncLocalStorage, while a shared variable hands most of them the last starter’s id.',
      evidenceIf(
        wrongStorage === 0 && wrongGlobal > 0,
        `storage: ${wrongStorage} of ${n} lines misattributed; shared variable: ${wrongGlobal} of ${n}`,
      ),
    );
    out.say(
      'In Java or Python threads a thread-local works because each request owns a thread; in Node every request shares one, so the context must ride on the async path instead.',
    );

    out.heading('Where the context does not follow your code');
    const w = whereContextIsLost();
    out.table(
      [
        { what: 'listener added inside request A, emit() called inside B', seen: w.listenerAddedInA },
        { what: 'callback queued by A, drained inside "flusher"', seen: w.queuedCallback },
        { what: 'the same callback wrapped with AsyncLocalStorage.bind() in A', seen: w.boundCallback },
        { what: 'AsyncLocalStorage.snapshot() taken in A, called inside "flusher"', seen: w.snapshot },
      ],
      [
        { header: 'situation', value: (r) => r.what },
        { header: 'getStore()', value: (r) => show(r.seen), align: 'right' },
      ],
    );
    out.claim(
      'A context follows the call path, not where a function was registered: listeners see the emitter’s, queued callbacks the drainer’s, until bind() or snapshot() pins them.',
      evidenceIf(
        w.listenerAddedInA === 'B' &&
          w.queuedCallback === 'flusher' &&
          w.boundCallback === 'A' &&
          w.snapshot === 'A',
        `listener saw ${show(w.listenerAddedInA)}, queued callback ${show(w.queuedCallback)}, bound ${show(w.boundCallback)}, snapshot ${show(w.snapshot)}`,
      ),
    );

    out.heading('Into a worker');
    const ids = quick ? ['req-1', 'req-2'] : ['req-1', 'req-2', 'req-3'];
    const r = await intoAWorker(ids);
    out.figure('the parent started the worker inside', show(r.parentHad));
    out.figure("the same module's storage inside the worker, at start-up", show(r.workerStartSaw));
    out.table(r.answers, [
      { header: 'id sent in the message', value: (a) => a.askedFor },
      { header: "worker's own storage saw", value: (a) => show(a.seenInWorker), align: 'right' },
    ]);
    const carried = r.answers.every((a) => a.seenInWorker === a.askedFor);
    out.claim(
      'The context stops at a thread boundary: a worker has its own isolate and its own storage; put the id in the message and re-enter it there.',
      evidenceIf(
        r.workerStartSaw === undefined && carried && r.answers.length === ids.length,
        `worker start-up saw ${show(r.workerStartSaw)}; ${r.answers.filter((a) => a.seenInWorker === a.askedFor).length} of ${ids.length} ids re-entered from messages`,
      ),
    );
  },
});

if (isMain(__filename)) runLessonMain(lesson);
