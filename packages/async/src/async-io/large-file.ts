import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Write a text file of about `bytes` in 64 KiB chunks, honouring backpressure (so this stays flat too). */
export async function generateLargeFile(path: string, bytes: number): Promise<number> {
  const out = createWriteStream(path);
  const line = 'the quick brown fox jumps over the lazy dog 0123456789\n';
  const block = Buffer.from(line.repeat(Math.ceil(65_536 / line.length)));
  for (let written = 0; written < bytes; written += block.length) {
    if (!out.write(block.subarray(0, Math.min(block.length, bytes - written)))) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return (await stat(path)).size;
}

/** Upper-cases text chunk by chunk and counts newlines on the way. */
export function upperCaseCounter(): Transform & { lines: () => number } {
  let lines = 0;
  const t = new Transform({
    transform(chunk: Buffer, _enc, callback) {
      for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines++;
      callback(null, Buffer.from(chunk.toString('latin1').toUpperCase(), 'latin1'));
    },
  });
  return Object.assign(t, { lines: () => lines });
}

export interface CopyRun {
  how: 'pipeline' | 'readFile';
  bytes: number;
  lines: number;
  ms: number;
  /** Peak growth of Buffer memory (`process.memoryUsage().arrayBuffers`) over the start, sampled per chunk. */
  peakBufferGrowth: number;
  /** pipeline only: the most bytes waiting in the stream buffers at once. */
  maxQueued: number;
}

function sampler() {
  const base = process.memoryUsage().arrayBuffers;
  let peak = 0;
  return {
    sample: () => {
      peak = Math.max(peak, process.memoryUsage().arrayBuffers - base);
    },
    peak: () => peak,
  };
}

/**
 * Upper-case a file into another with `stream.pipeline`: read → transform → write, one chunk at a
 * time. Backpressure flows back from the writer, so only a few chunks are ever in memory, and
 * pipeline destroys every stream if one fails (no leaked file descriptors).
 */
export async function copyWithPipeline(from: string, to: string): Promise<CopyRun> {
  const t0 = performance.now();
  const mem = sampler();
  const source = createReadStream(from);
  const transform = upperCaseCounter();
  const sink = createWriteStream(to);
  let maxQueued = 0;
  transform.on('data', () => {
    mem.sample();
    maxQueued = Math.max(
      maxQueued,
      source.readableLength + transform.readableLength + transform.writableLength + sink.writableLength,
    );
  });
  await pipeline(source, transform, sink);
  return {
    how: 'pipeline',
    bytes: source.bytesRead,
    lines: transform.lines(),
    ms: performance.now() - t0,
    peakBufferGrowth: mem.peak(),
    maxQueued,
  };
}

/** The same job with the whole file in memory: simple, and its memory grows with the file. */
export async function copyWithReadFile(from: string, to: string): Promise<CopyRun> {
  const t0 = performance.now();
  const mem = sampler();
  const data = await readFile(from);
  mem.sample();
  let lines = 0;
  for (let i = 0; i < data.length; i++) if (data[i] === 10) lines++;
  const upper = Buffer.from(data.toString('latin1').toUpperCase(), 'latin1');
  mem.sample();
  await writeFile(to, upper);
  return {
    how: 'readFile',
    bytes: data.length,
    lines,
    ms: performance.now() - t0,
    peakBufferGrowth: mem.peak(),
    maxQueued: data.length,
  };
}
