import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineLesson, evidenceIf, formatMs, formatRatio, isMain, runLessonMain } from '@course/runtime';
import { produce } from './async-io/backpressure';
import { copyWithPipeline, copyWithReadFile, generateLargeFile } from './async-io/large-file';
import { createFileSet, readConcurrently, readSequentially } from './async-io/many-files';
import { poolExperiment } from './async-io/threadpool';

const MiB = 1024 * 1024;

export const lesson = defineLesson({
  id: 'async/async-io',
  title: 'Async I/O: many files, the libuv thread pool, streams with backpressure',
  summary:
    'File and crypto work runs on libuv’s small thread pool; streams keep memory flat however big the file.',
  concepts: [
    'fs/promises',
    'Promise.all',
    'libuv thread pool',
    'UV_THREADPOOL_SIZE',
    'backpressure',
    'stream.pipeline',
  ],
  docs: 'docs/concepts/node-model.md',
  async run({ quick, out, signal }) {
    out.heading('Many files: one at a time vs all at once');
    const count = quick ? 60 : 400;
    const set = await createFileSet(count, 16_384);
    try {
      const seq = await readSequentially(set.paths);
      const con = await readConcurrently(set.paths);
      out.table(
        [
          { how: 'sequential (await in a loop)', ms: seq.ms, inFlight: seq.maxInFlight },
          { how: 'concurrent (Promise.all)', ms: con.ms, inFlight: con.maxInFlight },
        ],
        [
          { header: `read ${count} × 16 KiB`, value: (r) => r.how },
          { header: 'time', value: (r) => formatMs(r.ms), align: 'right' },
          { header: 'reads in flight (max)', value: (r) => String(r.inFlight), align: 'right' },
        ],
      );
      out.figure('sequential / concurrent (this run)', formatRatio(seq.ms / con.ms));
      out.say('Concurrent reads overlap their waiting; the results still come back in input order.');
      out.say(
        'Files are small and cached here, so the gain is modest; `pnpm bench async-files` measures it properly.',
      );
    } finally {
      await set.remove();
    }

    out.heading('The libuv thread pool (UV_THREADPOOL_SIZE)');
    out.say(
      'fs and crypto.pbkdf2 run on libuv’s thread pool: 4 threads unless UV_THREADPOOL_SIZE says otherwise,',
    );
    out.say(
      'read once, when the pool is first used. So each run below is a fresh child process with its own setting.',
    );
    const jobs = 8;
    const rows = [];
    for (const threads of [2, 4, 8]) {
      const r = await poolExperiment(threads, jobs, quick ? 40 : 120, signal);
      rows.push(r);
    }
    out.table(rows, [
      { header: 'threads', value: (r) => String(r.threads), align: 'right' },
      {
        header: `${jobs} pbkdf2 jobs finished at (ms)`,
        value: (r) => r.completions.map((t) => t.toFixed(0)).join(' '),
      },
      { header: 'waves', value: (r) => String(r.waves), align: 'right' },
      {
        header: 'jobs done before a queued read',
        value: (r) => `${r.jobsBeforeRead} (≥ ${jobs - r.threads + 1})`,
        align: 'right',
      },
    ]);
    out.say(
      'On an idle machine the completions cluster into about 8 / N waves; other load on the cores blurs them (measured, not promised).',
    );
    out.say(
      'A file read queued after the jobs waits for a free pool thread: at least 8 − N + 1 jobs must end first.',
    );
    out.claim(
      'A few slow fs or crypto calls can starve every other fs call: the pool is small and shared',
      evidenceIf(
        rows.every((r) => r.jobsBeforeRead >= jobs - r.threads + 1),
        `the queued read waited for ${rows.map((r) => `${r.jobsBeforeRead} jobs on ${r.threads} threads`).join(', ')}`,
      ),
    );

    out.heading('Streams: backpressure and pipeline');
    const honoured = await produce(true, quick ? 500 : 2_000, 16_384, 65_536);
    const ignored = await produce(false, quick ? 500 : 2_000, 16_384, 65_536);
    out.figure(
      'producer waits for drain: most bytes buffered in the slow sink',
      `${(honoured.maxBuffered / 1024).toFixed(0)} KiB`,
    );
    out.figure(
      'producer ignores write() === false: most bytes buffered',
      `${(ignored.maxBuffered / MiB).toFixed(1)} MiB (everything)`,
    );
    const size = (quick ? 16 : 128) * MiB;
    const dir = await mkdtemp(join(tmpdir(), 'course-async-io-'));
    try {
      await generateLargeFile(join(dir, 'in.txt'), size);
      const streamed = await copyWithPipeline(join(dir, 'in.txt'), join(dir, 'out-stream.txt'));
      const whole = await copyWithReadFile(join(dir, 'in.txt'), join(dir, 'out-whole.txt'));
      out.table(
        [streamed, whole],
        [
          { header: `upper-case a ${size / MiB} MiB file`, value: (r) => r.how },
          { header: 'time', value: (r) => formatMs(r.ms), align: 'right' },
          {
            header: 'peak Buffer memory growth',
            value: (r) => `${(r.peakBufferGrowth / MiB).toFixed(1)} MiB`,
            align: 'right',
          },
          {
            header: 'most bytes queued at once',
            value: (r) => `${(r.maxQueued / 1024).toFixed(0)} KiB`,
            align: 'right',
          },
        ],
      );
      out.claim(
        'pipeline() moves a few chunks at a time and stops reading while the writer is behind: what it holds does not grow with the file',
        evidenceIf(
          streamed.maxQueued * 16 <= size && whole.maxQueued >= size,
          `at most ${(streamed.maxQueued / 1024).toFixed(0)} KiB queued for a ${size / MiB} MiB file; readFile held all ${(whole.maxQueued / MiB).toFixed(0)} MiB`,
        ),
      );
      out.say(
        'Buffer memory growth counts garbage not yet collected, so it overstates what the stream keeps;',
      );
      out.say('the bytes queued in the streams are what backpressure bounds.');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
});

if (isMain(__filename)) runLessonMain(lesson);
