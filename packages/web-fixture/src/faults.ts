import { uniformFor } from './prng';

/**
 * A fault (or just latency) for the requests whose path matches. Rules are tried in order; the first
 * match applies. Everything random is drawn from the site's seed and the request's number for that
 * path, so "request #3 to /page/7" behaves the same on every run.
 */
export interface FaultRule {
  /** `'/page/3'` exact (path and query), `'/page/*'` prefix, `'*'` every path, or a RegExp on path+query. */
  path: string | RegExp;
  /** Latency before the response starts; replaces the site's `latencyMs` for matching paths. */
  latencyMs?: number;
  /** Extra latency drawn uniformly from [0, jitterMs]; replaces the site's `jitterMs`. */
  jitterMs?: number;
  /** Answer with this status instead of the page (500, 503, 429, 404...). */
  status?: number;
  /** Seconds, sent as `Retry-After` with the failure status (for 429 and 503). */
  retryAfter?: number;
  /** Destroy the connection instead of answering (the client sees ECONNRESET / "socket hang up"). */
  reset?: boolean;
  /** Never answer: the request stays open until the client gives up or the site closes. */
  hang?: boolean;
  /**
   * Park the request (no answer yet) until `site.release()`, then answer normally. A barrier for
   * tests: "4 requests are in flight and the 5th has not been sent" is then a fact, not a race.
   */
  hold?: boolean;
  /** Only the first k requests to each matching path fail; later ones succeed. Wins over `rate`. */
  failFirst?: number;
  /** Each request fails with this probability (seeded). Without `failFirst` or `rate`, every request fails. */
  rate?: number;
  /** Send the (successful) body in `chunks` pieces, `intervalMs` apart. */
  slowBody?: { chunks: number; intervalMs: number };
  /** Serve the (successful) body with this Content-Type instead of the right one. */
  contentType?: string;
}

export type Failure =
  | { kind: 'status'; status: number; retryAfter?: number }
  | { kind: 'reset' }
  | { kind: 'hang' };

/** What the server does with one request. */
export interface Decision {
  delayMs: number;
  hold?: boolean;
  failure?: Failure;
  slowBody?: { chunks: number; intervalMs: number };
  contentType?: string;
}

function matches(rule: FaultRule, pathAndQuery: string): boolean {
  const p = rule.path;
  if (p instanceof RegExp) return p.test(pathAndQuery);
  if (p === '*') return true;
  if (p.endsWith('*')) return pathAndQuery.startsWith(p.slice(0, -1));
  return pathAndQuery === p;
}

/** Check rules once, when the site starts, so a typo fails loudly instead of silently never matching. */
export function validateFaults(rules: readonly FaultRule[]): void {
  rules.forEach((r, i) => {
    const where = `web-fixture: faults[${i}] (path ${String(r.path)})`;
    if (typeof r.path === 'string' && !r.path.startsWith('/') && r.path !== '*') {
      throw new Error(`${where}: path must start with "/", or be "*" or a RegExp`);
    }
    for (const key of ['latencyMs', 'jitterMs', 'retryAfter', 'failFirst'] as const) {
      const v = r[key];
      if (v !== undefined && (!Number.isFinite(v) || v < 0))
        throw new Error(`${where}: ${key} must be a number >= 0, got ${v}`);
    }
    if (r.rate !== undefined && !(r.rate >= 0 && r.rate <= 1))
      throw new Error(`${where}: rate must be in [0, 1], got ${r.rate}`);
    if (r.status !== undefined && !(Number.isInteger(r.status) && r.status >= 100 && r.status <= 599)) {
      throw new Error(`${where}: status must be an HTTP status code, got ${r.status}`);
    }
    const kinds = [r.status !== undefined, r.reset === true, r.hang === true].filter(Boolean).length;
    if (kinds > 1) throw new Error(`${where}: choose one of status, reset or hang`);
    if ((r.failFirst !== undefined || r.rate !== undefined) && kinds === 0) {
      throw new Error(`${where}: failFirst/rate need a failure to schedule (status, reset or hang)`);
    }
    if (r.slowBody && !(r.slowBody.chunks >= 1 && r.slowBody.intervalMs >= 0)) {
      throw new Error(`${where}: slowBody needs chunks >= 1 and intervalMs >= 0`);
    }
  });
}

/**
 * Decide what to do with request number `n` (0-based, counted per path and query since the last
 * reset) to `pathAndQuery`. Pure: the same inputs always give the same decision.
 *
 * @example
 * decide([{ path: '/flaky', status: 503, failFirst: 1 }], { seed: 1, latencyMs: 0, jitterMs: 0 }, '/flaky', 0);
 * // { delayMs: 0, failure: { kind: 'status', status: 503 } }   — and for n = 1, no failure
 */
export function decide(
  rules: readonly FaultRule[],
  site: { seed: number; latencyMs: number; jitterMs: number },
  pathAndQuery: string,
  n: number,
): Decision {
  const rule = rules.find((r) => matches(r, pathAndQuery));
  const latency = rule?.latencyMs ?? site.latencyMs;
  const jitter = rule?.jitterMs ?? site.jitterMs;
  const delayMs = latency + (jitter > 0 ? uniformFor(site.seed, `jitter:${pathAndQuery}#${n}`) * jitter : 0);
  const decision: Decision = { delayMs };
  if (!rule) return decision;
  if (rule.hold) decision.hold = true;
  if (rule.slowBody) decision.slowBody = rule.slowBody;
  if (rule.contentType) decision.contentType = rule.contentType;

  let fails: boolean;
  if (rule.failFirst !== undefined) fails = n < rule.failFirst;
  else if (rule.rate !== undefined) fails = uniformFor(site.seed, `fail:${pathAndQuery}#${n}`) < rule.rate;
  else fails = true;
  if (!fails) return decision;

  if (rule.reset) decision.failure = { kind: 'reset' };
  else if (rule.hang) decision.failure = { kind: 'hang' };
  else if (rule.status !== undefined) {
    decision.failure = { kind: 'status', status: rule.status };
    if (rule.retryAfter !== undefined) decision.failure.retryAfter = rule.retryAfter;
  }
  return decision;
}
