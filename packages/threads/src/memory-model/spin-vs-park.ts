import { join } from 'node:path';
import { runWorker } from '@course/runtime';
import type { PingPongSide } from './ping-pong-roles';

export interface WaitStrategyRun {
  spins: number;
  /** Microseconds per round trip (thread 0's time / round trips). */
  usPerRoundTrip: number;
  /** Share of all waits that ended while spinning. */
  spunShare: number;
}

async function play(spins: number, roundTrips: number, signal?: AbortSignal): Promise<WaitStrategyRun> {
  const sab = new SharedArrayBuffer(64);
  const file = join(__dirname, 'ping-pong-worker.ts');
  const sides = await Promise.all(
    ([0, 1] as const).map((role) =>
      runWorker<PingPongSide>(file, {
        workerData: { sab, role, roundTrips, spins },
        signal,
        timeoutMs: 120_000,
      }),
    ),
  );
  const waits = sides.reduce((n, s) => n + s.spun + s.parked, 0);
  return {
    spins,
    usPerRoundTrip: (1_000 * sides[0]!.ms) / roundTrips,
    spunShare: waits === 0 ? 0 : sides.reduce((n, s) => n + s.spun, 0) / waits,
  };
}

/**
 * Spin-then-park against park-only: two workers hand a word back and forth `roundTrips` times, once
 * parking in `Atomics.wait` at every hand-over, once spinning up to `spins` reads first.
 *
 * @example
 * const r = await spinVersusPark({ roundTrips: 20_000, spins: 2_000 });
 * r.parkOnly.usPerRoundTrip / r.spinThenPark.usPerRoundTrip; // several × with two free cores
 */
export async function spinVersusPark({
  roundTrips,
  spins,
  signal,
}: {
  roundTrips: number;
  spins: number;
  signal?: AbortSignal;
}) {
  const parkOnly = await play(0, roundTrips, signal);
  const spinThenPark = await play(spins, roundTrips, signal);
  return { roundTrips, parkOnly, spinThenPark, ratio: parkOnly.usPerRoundTrip / spinThenPark.usPerRoundTrip };
}
