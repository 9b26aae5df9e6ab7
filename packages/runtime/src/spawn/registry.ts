/**
 * Every worker and child the runtime started in this thread and that is still alive.
 *
 * The registry is what makes "no orphans" checkable: a lesson's runner and the tests' leak check ask
 * it what is still running, and `stopAll()` ends it. On process exit, live children are killed
 * synchronously (worker threads die with the process anyway).
 */
export interface LiveHandle {
  readonly kind: 'worker' | 'child';
  readonly file: string;
  readonly startedAt: number;
  /** Ends it now (terminate for a worker, SIGKILL for a child) and resolves when it is gone. */
  stop(): Promise<void>;
  /** Synchronous last resort, used on process exit. */
  killNow(): void;
}

const live = new Set<LiveHandle>();
let exitHookInstalled = false;

export function track(handle: LiveHandle): () => void {
  live.add(handle);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', () => {
      for (const h of live) h.killNow();
    });
  }
  return () => {
    live.delete(handle);
  };
}

/** What the runtime started and is still alive: for leak checks and for a lesson's final report. */
export function liveHandles(): readonly LiveHandle[] {
  return [...live];
}

/** Stop everything still running. Safe to call more than once. */
export async function stopAll(): Promise<number> {
  const handles = [...live];
  await Promise.all(handles.map((h) => h.stop()));
  return handles.length;
}
