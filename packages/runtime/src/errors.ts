/**
 * The errors the runtime throws. Each message names the file and the budget or cause, so a learner
 * knows which worker or child failed and why without reading a stack.
 */
export class TimeoutError extends Error {
  override name = 'TimeoutError';
  constructor(
    message: string,
    readonly budgetMs: number,
  ) {
    super(message);
  }
}

export class WorkerExitError extends Error {
  override name = 'WorkerExitError';
  constructor(
    message: string,
    readonly exitCode: number | null,
    readonly signal: NodeJS.Signals | null = null,
  ) {
    super(message);
  }
}

/** An AbortError like the ones Node's own APIs throw (`err.name === 'AbortError'`), carrying the reason. */
export function abortError(what: string, reason?: unknown): Error {
  const detail = reason instanceof Error ? reason.message : reason === undefined ? '' : String(reason);
  const err = new Error(`${what} was aborted${detail ? `: ${detail}` : ''}`, { cause: reason });
  err.name = 'AbortError';
  return err;
}

export function isAbortError(err: unknown): boolean {
  return err instanceof Error && err.name === 'AbortError';
}
