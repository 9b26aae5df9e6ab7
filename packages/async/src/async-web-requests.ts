import { defineLesson, evidenceIf, formatMs, formatRatio, isMain, runLessonMain } from '@course/runtime';
import { startSite } from '@course/web-fixture';
import { cancelDemo, compareConcurrency, retryDemo, timeoutDemo } from './async-web-requests/demos';
import { sequentialRequests } from './async-web-requests/keep-alive';

export const lesson = defineLesson({
  id: 'async/async-web-requests',
  title: 'HTTP with fetch: concurrency limits, timeouts, retries, keep-alive, cancellation',
  summary:
    'Many requests at once on one thread: bound them, give each a budget, retry politely, cancel cleanly.',
  concepts: [
    'fetch',
    'concurrency limit',
    'AbortSignal.timeout',
    'exponential backoff',
    'jitter',
    'Retry-After',
    'keep-alive',
    'cancellation',
  ],
  docs: 'docs/concepts/when-to-use-what.md',
  async run({ quick, out, signal }) {
    const latencyMs = quick ? 20 : 40;
    const site = await startSite({
      seed: 1,
      pages: 120,
      latencyMs,
      faults: [
        { path: '/page/101', status: 503, failFirst: 2 },
        { path: '/page/102', status: 429, retryAfter: 1, failFirst: 1 },
        { path: '/page/103', hang: true },
        { path: '/page/110', hold: true },
        { path: '/page/111', hold: true },
        { path: '/page/112', hold: true },
        { path: '/page/113', hold: true },
      ],
    });
    try {
      out.say(
        `A local test site at ${site.url} (every response waits ${latencyMs} ms, like a distant server).`,
      );

      out.heading('Sequential vs unbounded vs bounded');
      const n = quick ? 40 : 100;
      const urls = Array.from({ length: n }, (_, i) => site.urlFor(`/page/${(i % 90) + 1}`));
      const runs = await compareConcurrency(site, urls, 8, signal);
      out.table(runs, [
        { header: `${n} requests`, value: (r) => r.label },
        { header: 'time', value: (r) => formatMs(r.ms), align: 'right' },
        { header: 'max in flight (server)', value: (r) => String(r.maxInFlight), align: 'right' },
        { header: 'ok', value: (r) => String(r.ok), align: 'right' },
      ]);
      const [seq, bounded] = runs;
      out.figure('sequential / bounded', formatRatio(seq!.ms / bounded!.ms));
      out.say(
        'While a request waits, the thread is free to send others: the waits overlap, not the JavaScript.',
      );
      out.say(
        'Unbounded is polite to nobody: every request opens its own connection at once. A limiter keeps it at N.',
      );

      out.heading('A timeout per request');
      const t = await timeoutDemo(site, '/page/103', quick ? 200 : 500);
      out.figure('a server that never answers, AbortSignal.timeout', `${t.name} after ${formatMs(t.ms)}`);

      out.heading('Retries with exponential backoff and jitter');
      const r = await retryDemo(site, '/page/101', 50);
      out.say(
        `/page/101 fails twice with 503: ${r.attempts} attempts, final status ${r.status}; the server counted ${r.serverSaw}.`,
      );
      out.say(
        `Waits (full jitter, cap doubling from 50 ms): ${r.waits.map((w) => formatMs(w.ms)).join(', ')}.`,
      );
      const q = await retryDemo(site, '/page/102', 50);
      out.say(
        `/page/102 answers 429 with Retry-After: 1 → waited ${formatMs(q.gapsMs[0] ?? 0)} between attempts (server clock).`,
      );
      out.claim(
        'Retry only transient failures (5xx, 429, network errors, timeouts), back off with jitter, honour Retry-After',
        evidenceIf(
          r.status === 200 && r.attempts === 3 && (q.gapsMs[0] ?? 0) >= 950,
          `/page/101: ${r.attempts} attempts, status ${r.status}; /page/102 waited ${formatMs(q.gapsMs[0] ?? 0)} for Retry-After: 1`,
        ),
      );

      out.heading('Keep-alive: reuse connections');
      const count = quick ? 20 : 50;
      const reuse = await sequentialRequests(site, count, true);
      const fresh = await sequentialRequests(site, count, false);
      out.table(
        [reuse, fresh],
        [
          { header: `${count} sequential requests`, value: (c) => c.mode },
          { header: 'TCP connections (server)', value: (c) => String(c.connections), align: 'right' },
          { header: 'time', value: (c) => formatMs(c.ms), align: 'right' },
        ],
      );
      out.say(
        'Node’s fetch (undici) keeps sockets in a pool; a new connection per request costs a TCP handshake each time.',
      );

      out.heading('Cancelling a whole batch');
      const holdUrls = [110, 111, 112, 113, ...Array.from({ length: 16 }, (_, i) => i + 1)].map((p) =>
        site.urlFor(`/page/${p}`),
      );
      const slots = 4;
      const c = await cancelDemo(site, holdUrls, slots, slots);
      out.say(
        `Cancelled a batch of ${c.urls} after 4 requests were sent: ${c.cancelled} outcomes cancelled; the server received ${c.serverReceived}.`,
      );
      out.claim(
        'One AbortSignal for the batch: running requests abort, queued ones never start',
        evidenceIf(
          c.cancelled === c.urls && c.serverReceived <= slots,
          `${c.cancelled} of ${c.urls} outcomes cancelled; the server received ${c.serverReceived} (at most the ${slots} running)`,
        ),
      );
    } finally {
      await site.close();
    }
  },
});

if (isMain(__filename)) runLessonMain(lesson);
