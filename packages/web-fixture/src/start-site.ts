import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { type RequestRecord, SiteCounters } from './counters';
import { decide, type FaultRule, validateFaults } from './faults';
import { type GroundTruth, type GroundTruthOptions, groundTruth } from './ground-truth';
import type { SiteFeatures } from './resources';
import { answer } from './respond';
import { createSiteModel, type SiteModel } from './site-model';

export interface SiteOptions {
  /** Same seed, same site, same faults. Default 1. */
  seed?: number;
  /** Ordinary pages including home. Default 50. */
  pages?: number;
  /** Latency before every response starts, in ms. Default 0. */
  latencyMs?: number;
  /** Extra latency drawn from [0, jitterMs] per request (seeded). Default 0. */
  jitterMs?: number;
  /** Per-path faults and latency; the first matching rule applies. */
  faults?: FaultRule[];
  /** Turn parts of the site off (all on by default). */
  features?: Partial<SiteFeatures>;
  /** Size of `/big`. Default 2 MiB. */
  oversizeBytes?: number;
  /** Port on 127.0.0.1; default 0 = a free port chosen by the OS. */
  port?: number;
}

export interface Site {
  /** `http://127.0.0.1:<port>/`: the start page. */
  readonly url: string;
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  readonly port: number;
  readonly counters: SiteCounters;
  readonly model: SiteModel;
  /** Absolute URL of a path on this site. */
  urlFor(pathAndQuery: string): string;
  /** What a correct crawler reaches from the start page under the given rules. */
  groundTruth(options?: GroundTruthOptions): GroundTruth;
  /**
   * Resolves once the site has received at least `n` requests since start or `reset()`: lets a test
   * wait for "all three requests are in flight" without sleeping. Rejects after `timeoutMs` (default 5000).
   */
  waitForRequests(n: number, timeoutMs?: number): Promise<void>;
  /**
   * Open the gate for `hold` rules: answer every parked request now, and stop parking new ones
   * (until `reset()`). Returns how many parked requests it released.
   */
  release(): number;
  /** Zero the counters and restart every fault schedule (`failFirst` counts again from 0). */
  reset(): void;
  /** Stop listening, end hung and slow responses, destroy every socket (keep-alive ones too). Idempotent. */
  close(): Promise<void>;
}

/**
 * Start the test site on 127.0.0.1 (a free port unless `port` is given).
 *
 * Warning: every socket and timer is the site's until `close()`: call it in `afterEach`/`finally`,
 * or a keep-alive socket keeps the test process alive.
 *
 * @example
 * const site = await startSite({ seed: 1, pages: 20, faults: [{ path: '/page/3', status: 503, failFirst: 2 }] });
 * try {
 *   await fetch(site.urlFor('/page/3')); // 503, then 503, then 200
 *   site.counters.requestsTo('/page/3'); // 1
 * } finally {
 *   await site.close();
 * }
 */
export async function startSite(options: SiteOptions = {}): Promise<Site> {
  const seed = options.seed ?? 1;
  const latencyMs = options.latencyMs ?? 0;
  const jitterMs = options.jitterMs ?? 0;
  const faults = options.faults ?? [];
  validateFaults(faults);
  for (const [k, v] of Object.entries({ latencyMs, jitterMs })) {
    if (!Number.isFinite(v) || v < 0) throw new Error(`web-fixture: ${k} must be a number >= 0, got ${v}`);
  }
  const counters = new SiteCounters();
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let nextConnection = 1;
  const responses = new Set<Promise<void>>();
  let gateOpen = false;
  const parked: Array<() => void> = [];
  const waiters = new Set<{ n: number; done: () => void }>();
  let model: SiteModel | undefined;

  const later = (ms: number, fn: () => void): NodeJS.Timeout => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
    return t;
  };

  const server = createServer((req, res) => {
    const socket = req.socket as Socket & { courseId?: number };
    const record: RequestRecord = {
      path: req.url ?? '/',
      method: req.method ?? 'GET',
      connection: socket.courseId ?? 0,
      startedAt: performance.now(),
      status: 0,
      outcome: 'pending',
    };
    const n = counters.begin(record);
    for (const w of [...waiters]) if (counters.total >= w.n) w.done();
    let reset = false;
    let pending: NodeJS.Timeout | undefined;
    const closedResponse = deferredVoid();
    responses.add(closedResponse.promise);
    res.once('close', () => {
      responses.delete(closedResponse.promise);
      closedResponse.resolve();
      if (pending) {
        clearTimeout(pending);
        timers.delete(pending);
      }
      counters.end(record, reset ? 'reset' : res.writableFinished ? 'ok' : 'aborted');
    });
    const decision = decide(faults, { seed, latencyMs, jitterMs }, record.path, n);
    const respond = () => {
      pending = undefined;
      if (res.destroyed) return;
      reset = decision.failure?.kind === 'reset';
      answer(req, res, record, decision, model!, later);
    };
    const go = () => {
      if (decision.delayMs > 0) pending = later(decision.delayMs, respond);
      else respond();
    };
    if (decision.hold && !gateOpen) parked.push(go);
    else go();
  });
  // Keep-alive sockets idle between requests are the classic "test runner does not exit" leak:
  // track every socket so close() can destroy them.
  server.on('connection', (socket: Socket & { courseId?: number }) => {
    socket.courseId = nextConnection++;
    counters.connectionOpened();
    sockets.add(socket);
    socket.once('close', () => {
      sockets.delete(socket);
      counters.connectionClosed();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (err) =>
      reject(new Error(`web-fixture: cannot listen on 127.0.0.1:${options.port ?? 0}: ${err.message}`)),
    );
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  try {
    model = createSiteModel({
      seed,
      pages: options.pages ?? 50,
      origin,
      features: options.features,
      oversizeBytes: options.oversizeBytes,
    });
  } catch (err) {
    // Bad options must not leave a listening server behind (a leaked handle keeps the process alive).
    await new Promise<void>((resolve) => server.close(() => resolve()));
    throw err;
  }
  const siteModel = model;

  let closed: Promise<void> | undefined;
  return {
    url: `${origin}/`,
    origin,
    port,
    counters,
    model: siteModel,
    urlFor: (p) => `${origin}${p.startsWith('/') ? p : `/${p}`}`,
    groundTruth: (o) => groundTruth(siteModel, o),
    waitForRequests: (n, timeoutMs = 5000) => {
      if (counters.total >= n) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(
            new Error(
              `web-fixture: waited ${timeoutMs} ms for ${n} requests, got ${counters.total} (${counters.paths().join(', ')})`,
            ),
          );
        }, timeoutMs);
        const waiter = {
          n,
          done: () => {
            clearTimeout(timer);
            waiters.delete(waiter);
            resolve();
          },
        };
        waiters.add(waiter);
      });
    },
    release: () => {
      gateOpen = true;
      const waiting = parked.splice(0);
      for (const go of waiting) go();
      return waiting.length;
    },
    reset: () => {
      counters.reset();
      gateOpen = false;
    },
    close: () => {
      closed ??= new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        timers.clear();
        parked.length = 0; // their sockets are destroyed below
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      }).then(async () => {
        // A response's 'close' can come a tick after its socket's: wait, so counters are final.
        await Promise.all([...responses]);
      });
      return closed;
    },
  };
}

function deferredVoid(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
