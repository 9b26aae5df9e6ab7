import { readSync, writeSync } from 'node:fs';

/**
 * A counter that lives in a file, read and written in place with positional I/O (`pread`/`pwrite`:
 * fs.readSync/writeSync with a `position`), so several processes can address the same bytes.
 *
 * Hazard: `increment` is read-modify-write in three steps. Two processes that both read 41 both
 * write 42: a lost update. Only a lock around the three steps (or one owner per slot) prevents it.
 *
 * @example
 * incrementAt(fd, 0); // the 32-bit counter at byte 0 goes up by one (unless someone races us)
 */
export function incrementAt(fd: number, position: number): void {
  const buf = Buffer.alloc(4);
  readSync(fd, buf, 0, 4, position);
  buf.writeInt32LE(buf.readInt32LE(0) + 1, 0);
  writeSync(fd, buf, 0, 4, position);
}

/** Read the 32-bit little-endian counter at `position`. */
export function readAt(fd: number, position: number): number {
  const buf = Buffer.alloc(4);
  readSync(fd, buf, 0, 4, position);
  return buf.readInt32LE(0);
}
