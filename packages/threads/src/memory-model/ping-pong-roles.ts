import { waitWhileEqual } from './spin-then-park';

export interface PingPongConfig {
  sab: SharedArrayBuffer;
  role: 0 | 1;
  roundTrips: number;
  /** Spins before parking; 0 = park-only. */
  spins: number;
}

export interface PingPongSide {
  ms: number;
  /** Waits that ended while spinning (the partner answered on another core) and waits that parked. */
  spun: number;
  parked: number;
}

/**
 * One side of a ping-pong through one shared word: thread 0 writes 1 and waits for 0, thread 1 waits
 * for 1 and writes 0 back. Every hand-over is one wait; how each wait ended is counted.
 */
export function playPingPong(c: PingPongConfig): PingPongSide {
  const cell = new Int32Array(c.sab);
  const mine = c.role === 0 ? 1 : 0;
  let spun = 0;
  let parked = 0;
  const t0 = performance.now();
  for (let i = 0; i < c.roundTrips; i++) {
    if (c.role === 1 && waitWhileEqual(cell, 0, 0, c.spins, 30_000) === 'spun') spun++;
    else if (c.role === 1) parked++;
    Atomics.store(cell, 0, mine);
    Atomics.notify(cell, 0);
    if (c.role === 0) {
      if (waitWhileEqual(cell, 0, 1, c.spins, 30_000) === 'spun') spun++;
      else parked++;
    }
  }
  return { ms: performance.now() - t0, spun, parked };
}
