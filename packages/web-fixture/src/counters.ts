/** One request as the server saw it. Times are `performance.now()` in the server's process. */
export interface RequestRecord {
  /** Path and query as requested, e.g. `/page/3?view=print`. */
  path: string;
  method: string;
  /** The connection (TCP socket) it arrived on, numbered from 1 in order of arrival. */
  connection: number;
  startedAt: number;
  endedAt?: number;
  /** HTTP status sent; 0 when the connection was reset or the client went away first. */
  status: number;
  outcome: 'pending' | 'ok' | 'reset' | 'aborted';
}

const LOG_LIMIT = 20_000;

/**
 * What the site counts, so tests can assert a client's behaviour from the server's side: how many
 * requests, how many at once, on how many connections, answered how.
 */
export class SiteCounters {
  /** Requests received. */
  total = 0;
  /** Requests received and not yet finished (answered, reset or abandoned by the client). */
  inFlight = 0;
  /** The most requests in flight at any moment since start or `reset()`. */
  maxInFlight = 0;
  /** TCP connections accepted. With keep-alive, far fewer than requests. */
  connections = 0;
  openConnections = 0;
  maxOpenConnections = 0;
  /** Requests per path and query (`/page/3?view=print` separately from `/page/3`). */
  readonly byPath = new Map<string, number>();
  /** Responses per HTTP status. Resets and aborts are not statuses; see `resets`, `aborted`. */
  readonly statuses = new Map<number, number>();
  /** Connections the server destroyed on purpose (fault `reset`). */
  resets = 0;
  /** Requests the client abandoned before the answer was complete. */
  aborted = 0;
  /** Every request in order of arrival (the first 20 000; later ones are counted in `logDropped`). */
  readonly log: RequestRecord[] = [];
  logDropped = 0;

  /** Requests to one path (and query); 0 if never requested. */
  requestsTo(pathAndQuery: string): number {
    return this.byPath.get(pathAndQuery) ?? 0;
  }

  /** Responses with one status. */
  status(code: number): number {
    return this.statuses.get(code) ?? 0;
  }

  /** Paths requested, sorted: handy for "never fetched a disallowed path". */
  paths(): string[] {
    return [...this.byPath.keys()].sort();
  }

  /** @internal Called by the server when a request arrives; returns its per-path number (0-based). */
  begin(record: RequestRecord): number {
    const n = this.requestsTo(record.path);
    this.byPath.set(record.path, n + 1);
    this.total++;
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    if (this.log.length < LOG_LIMIT) this.log.push(record);
    else this.logDropped++;
    return n;
  }

  /** @internal Called once per request when its response closes. */
  end(record: RequestRecord, outcome: RequestRecord['outcome']): void {
    this.inFlight--;
    record.endedAt = performance.now();
    record.outcome = outcome;
    if (outcome === 'ok') this.statuses.set(record.status, this.status(record.status) + 1);
    else if (outcome === 'reset') this.resets++;
    else this.aborted++;
  }

  /** @internal */
  connectionOpened(): number {
    this.connections++;
    this.openConnections++;
    this.maxOpenConnections = Math.max(this.maxOpenConnections, this.openConnections);
    return this.connections;
  }

  /** @internal */
  connectionClosed(): void {
    this.openConnections--;
  }

  /** Zero everything that counts history; what is open right now stays open and counted. */
  reset(): void {
    this.total = 0;
    this.maxInFlight = this.inFlight;
    this.maxOpenConnections = this.openConnections;
    this.connections = 0;
    this.byPath.clear();
    this.statuses.clear();
    this.resets = 0;
    this.aborted = 0;
    this.log.length = 0;
    this.logDropped = 0;
  }

  /** A plain-object copy for printing or JSON. */
  snapshot() {
    return {
      total: this.total,
      inFlight: this.inFlight,
      maxInFlight: this.maxInFlight,
      connections: this.connections,
      openConnections: this.openConnections,
      maxOpenConnections: this.maxOpenConnections,
      resets: this.resets,
      aborted: this.aborted,
      byPath: Object.fromEntries(this.byPath),
      statuses: Object.fromEntries(this.statuses),
    };
  }
}
