import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type GenerateOptions, type GenerateReport, generateMeasurements } from '../../tools';

/** A private temp folder per test file: `write` small hand-made files, `generate` seeded ones. */
export function tempFiles(label: string) {
  const dir = mkdtempSync(join(tmpdir(), `data-processing-${label}-`));
  let n = 0;
  return {
    dir,
    /** Write `content` (text or bytes) to a fresh file and return its path. */
    write(content: string | Uint8Array, name = `file-${++n}.txt`): string {
      const file = join(dir, name);
      writeFileSync(file, content);
      return file;
    },
    /** Generate a measurements file (deterministic for a seed) and return the generator's report. */
    generate(options: Omit<GenerateOptions, 'out'>, name = `generated-${++n}.txt`): GenerateReport {
      return generateMeasurements({ ...options, out: join(dir, name) });
    },
    cleanup(): void {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
