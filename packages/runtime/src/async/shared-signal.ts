import { getMaxListeners, setMaxListeners } from 'node:events';

/**
 * Allow many abort listeners on a signal that many workers, children or queued tasks share.
 *
 * Why: one lesson's signal is routinely passed to dozens of workers at once, and Node warns
 * ("Possible EventTarget memory leak detected", MaxListeners 10) past ten listeners even though each
 * is removed when its owner ends. The runtime always removes its listeners, so nothing really leaks.
 */
export function shareSignal(signal: AbortSignal | undefined): void {
  if (signal && getMaxListeners(signal) < 1_000) setMaxListeners(1_000, signal);
}
