import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, resolve, sep } from 'node:path';

/**
 * Turn a worker or child entry file into something plain Node can start, as fast as a `.js` file.
 *
 * Why: `new Worker('x.ts')` fails on Node 20 (ERR_UNKNOWN_FILE_EXTENSION), and a TypeScript loader in
 * every worker costs 4-8x a plain `.js` start (ts-node ~150 ms, esbuild-register ~77 ms vs ~20 ms).
 * So a `.ts` entry is bundled once by esbuild (the workspace's own `@course/*` sources inlined,
 * third-party packages left as `require`s) into a cached `.cjs` file, rebuilt only when one of its
 * inputs changes (checked by size and mtime of every input). A `.js`/`.cjs`/`.mjs` entry is used as is.
 *
 * Hazard closed: the bundle lives in `<package>/node_modules/.cache/course-workers/`, so a plain bundle
 * would see that folder as `__dirname`. Each TypeScript module keeps its own source folder as
 * `__dirname`/`__filename` (see bundle-entry.cjs), so `join(__dirname, 'other-worker.ts')` means the
 * same thing in ts-node, in vitest and inside a worker.
 */
export function runnableEntry(file: string): string {
  const entry = redirected(resolve(file));
  if (!existsSync(entry)) {
    throw new Error(`Cannot start ${entry}: the file does not exist (expected a .ts or .js entry file).`);
  }
  const ext = extname(entry);
  if (ext === '.js' || ext === '.cjs' || ext === '.mjs') return entry;
  if (ext !== '.ts' && ext !== '.mts' && ext !== '.cts') {
    throw new Error(`Cannot start ${entry}: expected a .ts or .js file, got "${ext || 'no extension'}".`);
  }

  const cacheDir = join(packageDirOf(entry), 'node_modules', '.cache', 'course-workers');
  // The grader runs an exercise's tests against the reference solution by redirecting
  // `exercises/<name>/src` to `solutions/<name>/src`; bundles must follow the same redirect.
  const redirect = process.env.COURSE_SRC_REDIRECT ?? '';
  const key = createHash('sha1')
    .update(`${entry}\0${redirect}\0${esbuildVersion()}\0${BUNDLE_FORMAT_VERSION}`)
    .digest('hex');
  const outFile = join(cacheDir, `${key.slice(0, 16)}.cjs`);
  const metaFile = `${outFile}.inputs.json`;
  if (isFresh(outFile, metaFile)) return outFile;

  mkdirSync(cacheDir, { recursive: true });
  try {
    execFileSync(process.execPath, [join(__dirname, 'bundle-entry.cjs'), entry, outFile, metaFile], {
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: 60_000,
      // The bundler must not inherit a TypeScript loader or the test runner's flags.
      env: { ...process.env, NODE_OPTIONS: '', COURSE_SRC_REDIRECT: redirect },
    });
  } catch (err) {
    const stderr = (err as { stderr?: Buffer }).stderr?.toString().trim();
    throw new Error(`Cannot start ${entry}: it does not compile.\n${stderr || (err as Error).message}`);
  }
  return outFile;
}

/** Apply COURSE_SRC_REDIRECT (`<fromDir>=<toDir>`) to an entry path; see bundle-entry.cjs. */
function redirected(path: string): string {
  const [from, to] = (process.env.COURSE_SRC_REDIRECT ?? '').split('=');
  if (!from || !to || !path.startsWith(from + sep)) return path;
  return to + path.slice(from.length);
}

let cachedEsbuildVersion: string | undefined;

/**
 * Read lazily from esbuild's package.json: a worker bundle that merely imports the runtime's index
 * must not load esbuild itself at start-up.
 */
function esbuildVersion(): string {
  cachedEsbuildVersion ??= (
    JSON.parse(readFileSync(require.resolve('esbuild/package.json', { paths: [__dirname] }), 'utf8')) as {
      version: string;
    }
  ).version;
  return cachedEsbuildVersion;
}

/** Bump when the bundle options change, so old cache entries are not reused. */
const BUNDLE_FORMAT_VERSION = 6;

function isFresh(outFile: string, metaFile: string): boolean {
  if (!existsSync(outFile) || !existsSync(metaFile)) return false;
  try {
    const inputs = JSON.parse(readFileSync(metaFile, 'utf8')) as Array<[string, string]>;
    return inputs.every(([path, recorded]) => stamp(path) === recorded);
  } catch {
    return false;
  }
}

function stamp(path: string): string {
  try {
    const s = statSync(path);
    return `${s.mtimeMs}:${s.size}`;
  } catch {
    return 'missing';
  }
}

const packageDirs = new Map<string, string>();

/** The nearest folder holding a package.json: its node_modules resolves the entry's dependencies. */
export function packageDirOf(file: string): string {
  const start = dirname(file);
  const cached = packageDirs.get(start);
  if (cached) return cached;
  let dir = start;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) {
      dir = start;
      break;
    }
    dir = parent;
  }
  packageDirs.set(start, dir);
  return dir;
}
