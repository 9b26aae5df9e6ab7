/**
 * A task that misbehaves on request, so the pool's failure paths can be shown and tested with real
 * processes: `crash` exits the child mid-task (like a segfault or an OOM kill), `hang` never answers
 * (like an infinite loop), `throw` is an ordinary error, `crash-once` crashes only on the first try
 * (a marker file remembers the first attempt across processes) so a retry succeeds.
 */
export type RiskyTask =
  | { kind: 'ok'; value: number }
  | { kind: 'throw'; message: string }
  | { kind: 'crash'; code: number }
  | { kind: 'hang' }
  | { kind: 'crash-once'; marker: string; value: number };

export interface MarkerFs {
  exists(path: string): boolean;
  create(path: string): void;
}

export function runRiskyTask(task: RiskyTask, fs: MarkerFs): number {
  switch (task.kind) {
    case 'ok':
      return task.value * 2;
    case 'throw':
      throw new Error(task.message);
    case 'crash':
      return process.exit(task.code);
    case 'hang':
      // A busy loop, not a timer: a hung child does not answer even its own IPC messages.
      for (;;) {}
    case 'crash-once':
      if (!fs.exists(task.marker)) {
        fs.create(task.marker);
        return process.exit(3);
      }
      return task.value * 2;
  }
}
