import type { MessagePort } from 'node:worker_threads';
import { Mutex } from '../../src/mutex';
import { RingQueue } from '../../src/ring-queue';

/** What every bench worker gets once, at start. */
export interface RoleSetup {
  queue: SharedArrayBuffer;
  mutex: SharedArrayBuffer;
  /** The producer's and the consumer's ends of one MessageChannel (postMessage cases). */
  port?: MessagePort;
}

/** One measured job, sent by the bench for every repetition. */
export type Job = { cmd: 'push' | 'pop' | 'lock' | 'send'; n: number } | { cmd: 'receive'; n: number };

/**
 * Run `job` in this worker and call `done` when it has finished. Blocking jobs (the ring queue, the
 * mutex) run straight through; `receive` counts messages on the port, so it finishes later.
 */
export function runJob(setup: RoleSetup, job: Job, done: () => void): void {
  const { n } = job;
  switch (job.cmd) {
    case 'push': {
      const queue = RingQueue.from(setup.queue);
      const record = new Int32Array(2);
      for (let i = 0; i < n; i++) {
        record[0] = i;
        record[1] = i;
        if (queue.push(record, 10_000) !== 'ok')
          throw new Error(`bench: push #${i} did not go through in 10 s`);
      }
      done();
      return;
    }
    case 'pop': {
      const queue = RingQueue.from(setup.queue);
      const into = new Int32Array(2);
      for (let i = 0; i < n; i++) {
        if (queue.pop(into, 10_000) !== 'ok') throw new Error(`bench: pop #${i} got nothing in 10 s`);
      }
      done();
      return;
    }
    case 'lock': {
      const mutex = Mutex.from(setup.mutex);
      for (let i = 0; i < n; i++) {
        mutex.lock();
        mutex.unlock();
      }
      done();
      return;
    }
    case 'send': {
      const port = requirePort(setup);
      // One structured clone (and one message event on the other side) per item: the baseline.
      for (let i = 0; i < n; i++) port.postMessage([i, i]);
      done();
      return;
    }
    case 'receive': {
      const port = requirePort(setup);
      let left = n;
      const onMessage = () => {
        if (--left === 0) {
          port.off('message', onMessage);
          done();
        }
      };
      port.on('message', onMessage);
      return;
    }
  }
}

function requirePort(setup: RoleSetup): MessagePort {
  if (!setup.port) throw new Error('bench: this worker was started without a MessagePort');
  return setup.port;
}
