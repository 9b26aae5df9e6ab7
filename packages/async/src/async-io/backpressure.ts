import { once } from 'node:events';
import { Writable } from 'node:stream';

/** A writable that accepts one chunk per turn of the event loop: a slow disk or a slow client. */
export function slowSink(highWaterMark: number): Writable {
  return new Writable({
    highWaterMark,
    write(_chunk, _enc, callback) {
      setImmediate(callback);
    },
  });
}

export interface ProducerRun {
  honoured: boolean;
  totalBytes: number;
  /** The most bytes the sink held in its buffer at once (`writableLength`). */
  maxBuffered: number;
  /** How many times the producer paused for 'drain'. */
  drainWaits: number;
}

/**
 * Write `chunks` chunks of `chunkBytes` to a slow sink. `write()` returns false once the sink's buffer
 * passes its highWaterMark: that is backpressure. Honouring it (await 'drain') keeps the buffer at
 * about highWaterMark; ignoring it queues everything in memory, the classic streaming memory leak.
 *
 * @example
 * (await produce(true, 1000, 16_384, 65_536)).maxBuffered; // ≈ 65 536 + one chunk, not 16 MB
 */
export async function produce(
  honour: boolean,
  chunks: number,
  chunkBytes: number,
  highWaterMark: number,
): Promise<ProducerRun> {
  const sink = slowSink(highWaterMark);
  const chunk = Buffer.alloc(chunkBytes, 'x');
  let maxBuffered = 0;
  let drainWaits = 0;
  for (let i = 0; i < chunks; i++) {
    const ok = sink.write(chunk);
    maxBuffered = Math.max(maxBuffered, sink.writableLength);
    if (!ok && honour) {
      drainWaits++;
      await once(sink, 'drain');
    }
  }
  sink.end();
  await once(sink, 'finish');
  return { honoured: honour, totalBytes: chunks * chunkBytes, maxBuffered, drainWaits };
}
