import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface FileSet {
  dir: string;
  paths: string[];
  bytesEach: number;
  /** Remove the directory and everything in it. */
  remove(): Promise<void>;
}

/** The content of file `i`: deterministic, so reads can be checked byte for byte. */
export function fileContent(i: number, bytes: number): Buffer {
  const line = Buffer.from(`file ${i} `);
  return Buffer.alloc(bytes, line);
}

/**
 * Write `count` files of `bytesEach` into a fresh temp directory, all at once (`Promise.all`).
 *
 * @example
 * const set = await createFileSet(100, 16_384);
 * try { ... } finally { await set.remove(); }
 */
export async function createFileSet(count: number, bytesEach: number): Promise<FileSet> {
  const dir = await mkdtemp(join(tmpdir(), 'course-async-io-'));
  const paths = Array.from({ length: count }, (_, i) => join(dir, `file-${String(i).padStart(4, '0')}.txt`));
  await Promise.all(paths.map((p, i) => writeFile(p, fileContent(i, bytesEach))));
  return { dir, paths, bytesEach, remove: () => rm(dir, { recursive: true, force: true }) };
}

export interface ReadRun {
  ms: number;
  bytes: number;
  /** The most reads that were started and not yet finished at any moment. */
  maxInFlight: number;
  contents: Buffer[];
}

/** Read the files one after another: each `await` finishes before the next read starts. */
export async function readSequentially(paths: readonly string[]): Promise<ReadRun> {
  const t0 = performance.now();
  const contents: Buffer[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  for (const p of paths) {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    contents.push(await readFile(p));
    inFlight--;
  }
  return {
    ms: performance.now() - t0,
    bytes: contents.reduce((a, b) => a + b.length, 0),
    maxInFlight,
    contents,
  };
}

/**
 * Start every read at once and wait for all: the reads overlap in libuv's thread pool (4 threads by
 * default), so the waiting overlaps too. Results come back in input order whatever order the reads
 * finish in.
 */
export async function readConcurrently(paths: readonly string[]): Promise<ReadRun> {
  const t0 = performance.now();
  let inFlight = 0;
  let maxInFlight = 0;
  const contents = await Promise.all(
    paths.map(async (p) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        return await readFile(p);
      } finally {
        inFlight--;
      }
    }),
  );
  return {
    ms: performance.now() - t0,
    bytes: contents.reduce((a, b) => a + b.length, 0),
    maxInFlight,
    contents,
  };
}
