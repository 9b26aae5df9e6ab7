import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { liveHandles, runLesson } from '@course/runtime';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { lesson } from '../src/async-io';
import { produce } from '../src/async-io/backpressure';
import { copyWithPipeline, copyWithReadFile, generateLargeFile } from '../src/async-io/large-file';
import { createFileSet, fileContent, readConcurrently, readSequentially } from '../src/async-io/many-files';

afterEach(() => {
  expect(liveHandles()).toHaveLength(0);
});

describe('many files', () => {
  it('reads one file at a time sequentially and all at once concurrently, with the same contents in order', async () => {
    const set = await createFileSet(40, 4_096);
    try {
      const seq = await readSequentially(set.paths);
      const con = await readConcurrently(set.paths);
      expect(seq.maxInFlight).toBe(1);
      expect(con.maxInFlight).toBe(40);
      // Buffer.equals, not toEqual: vitest's deep equality walks buffers byte by byte (slow).
      expect(con.contents.every((b, i) => b.equals(seq.contents[i]!))).toBe(true);
      expect(con.contents[7]!.equals(fileContent(7, 4_096))).toBe(true);
      expect(con.bytes).toBe(40 * 4_096);
    } finally {
      await set.remove();
    }
  });
});

describe('backpressure', () => {
  it('keeps the sink buffer near highWaterMark when the producer waits for drain', async () => {
    const r = await produce(true, 500, 16_384, 65_536);
    expect(r.maxBuffered).toBeLessThanOrEqual(65_536 + 16_384);
    expect(r.drainWaits).toBeGreaterThan(0);
  });

  it('buffers everything in memory when the producer ignores write() returning false', async () => {
    const r = await produce(false, 500, 16_384, 65_536);
    expect(r.maxBuffered).toBeGreaterThan(r.totalBytes * 0.9);
  });
});

describe('a large file through pipeline vs readFile', () => {
  let dir: string;
  const SIZE = 32 * 1024 * 1024;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'course-large-file-'));
    expect(await generateLargeFile(join(dir, 'in.txt'), SIZE)).toBe(SIZE);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('transforms the file with only a few chunks queued at a time, and the same result as readFile', async () => {
    const streamed = await copyWithPipeline(join(dir, 'in.txt'), join(dir, 'out-stream.txt'));
    expect(streamed.bytes).toBe(SIZE);
    // read buffer + transform in/out + write buffer: a handful of 64 KiB chunks, never the file.
    expect(streamed.maxQueued).toBeLessThanOrEqual(8 * 65_536);
    const whole = await copyWithReadFile(join(dir, 'in.txt'), join(dir, 'out-whole.txt'));
    expect(whole.lines).toBe(streamed.lines);
    // Buffer.equals, not toEqual: a deep-equality walk over 32 MiB takes minutes.
    const same = (await readFile(join(dir, 'out-stream.txt'))).equals(
      await readFile(join(dir, 'out-whole.txt')),
    );
    expect(same).toBe(true);
    // readFile holds the whole file (twice: original and upper-cased copy).
    expect(whole.peakBufferGrowth).toBeGreaterThanOrEqual(SIZE);
    expect(streamed.peakBufferGrowth).toBeLessThan(whole.peakBufferGrowth / 2);
  });
});

describe('the async-io lesson', () => {
  it('runs quick and narrates the pool and the streams', async () => {
    const lines: string[] = [];
    const code = await runLesson(lesson, { quick: true, stream: { write: (s: string) => lines.push(s) } });
    const text = lines.join('');
    expect(code, text).toBe(0);
    expect(text).toMatch(/reads in flight \(max\)/);
    expect(text).toMatch(/peak Buffer memory growth/);
  });
});
