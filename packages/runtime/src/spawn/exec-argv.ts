import { delimiter } from 'node:path';

/** Flags that take their value as the next argument. */
const WITH_VALUE = new Set([
  '-r',
  '--require',
  '--loader',
  '--experimental-loader',
  '--import',
  '--conditions',
  '-C',
  '-e',
  '--eval',
  '-p',
  '--print',
]);
/** Loader and test-runner flags: they mean nothing to a bundled entry and cost start-up time. */
const DROPPED =
  /^(-r|--require|--loader|--experimental-loader|--import|--conditions|-C|--experimental-import-meta-resolve|--inspect.*|--enable-source-maps|-e|--eval|-p|--print|--input-type)(=|$)/;

/**
 * The Node flags a started worker or child should get: the parent's, minus TypeScript loaders and
 * test-runner flags, plus `--enable-source-maps` so a stack names the `.ts` file and line.
 *
 * Why: a Worker inherits `process.execArgv` by default, so a menu started with `-r ts-node/register`
 * would load ts-node again in every worker (~150 ms each) although the entry is already plain
 * JavaScript (see compile-entry.ts). Flags such as `--expose-gc` are kept.
 */
export function inheritedExecArgv(execArgv: readonly string[] = process.execArgv): string[] {
  const out: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i] ?? '';
    if (DROPPED.test(arg)) {
      if (WITH_VALUE.has(arg)) i++; // skip the value that follows
      continue;
    }
    // Not a flag: the `ts-node` bin puts its own bin.js path into process.execArgv; handed on, the
    // child would run ts-node's CLI instead of its entry (and reject --enable-source-maps).
    if (!arg.startsWith('-')) continue;
    out.push(arg);
  }
  out.push('--enable-source-maps');
  out.push(...preloadArgv());
  return out;
}

/**
 * `--require` flags for the plain-JS files listed in COURSE_PRELOAD (separated like PATH). The grader
 * sets it so that its network guard runs in every worker and child a student's code starts, not only
 * in the test process: a worker thread has its own copy of `net`, and a preload is the one way in.
 */
export function preloadArgv(env: NodeJS.ProcessEnv = process.env): string[] {
  const list = env.COURSE_PRELOAD;
  if (!list) return [];
  return list
    .split(delimiter)
    .filter(Boolean)
    .flatMap((file) => ['--require', file]);
}
