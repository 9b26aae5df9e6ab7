export interface Progress {
  /** Advance to `done` (absolute) out of the total. */
  update(done: number): void;
  /** Clear the line. Call once at the end, also on failure. */
  finish(): void;
}

/**
 * A one-line progress bar for long work, redrawn at most every 100 ms. On anything but a TTY (a
 * pipe, a file, CI) it prints nothing at all, so logs stay clean.
 *
 * @example
 * const p = createProgress({ total: rows, label: 'writing rows' });
 * for (...) p.update(i);
 * p.finish();
 */
export function createProgress({
  total,
  label,
  stream = process.stderr,
}: {
  total: number;
  label: string;
  stream?: NodeJS.WriteStream | { isTTY?: boolean; write(s: string): boolean };
}): Progress {
  if (!stream.isTTY || total <= 0) return { update() {}, finish() {} };
  let last = 0;
  return {
    update(done) {
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      const frac = Math.min(1, done / total);
      const width = 30;
      const filled = Math.round(frac * width);
      stream.write(
        `\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(frac * 100).toFixed(0)}%`,
      );
    },
    finish() {
      stream.write('\r\u001b[2K');
    },
  };
}
