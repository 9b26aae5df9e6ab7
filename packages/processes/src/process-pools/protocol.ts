/**
 * The messages a ProcessPool and its children exchange over IPC. Kept in one small module so the
 * parent (process-pool.ts) and the child (serve-tasks.ts) cannot drift apart.
 */
export interface ReadyMessage {
  type: 'ready';
  pid: number;
}

export interface TaskMessage<In = unknown> {
  type: 'task';
  id: number;
  input: In;
}

export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
}

export type ResultMessage<Out = unknown> =
  | { type: 'result'; id: number; ok: true; value: Out }
  | { type: 'result'; id: number; ok: false; error: SerializedError };

export function isReady(m: unknown): m is ReadyMessage {
  return typeof m === 'object' && m !== null && (m as { type?: unknown }).type === 'ready';
}

export function isTask(m: unknown): m is TaskMessage {
  return typeof m === 'object' && m !== null && (m as { type?: unknown }).type === 'task';
}

export function isResult(m: unknown): m is ResultMessage {
  return typeof m === 'object' && m !== null && (m as { type?: unknown }).type === 'result';
}
