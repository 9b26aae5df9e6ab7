import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestRecord } from './counters';
import type { Decision } from './faults';
import { oversizedChunks, renderHtml } from './render-html';
import type { Resource } from './resources';
import type { SiteModel } from './site-model';

/** Schedule `fn` after `ms` on a timer the site owns (cleared by `close()`). */
export type Later = (ms: number, fn: () => void) => NodeJS.Timeout;

/**
 * Answer one request as its fault decision says: reset, hang, a failure status, or the resource
 * (redirect, 404, page, file), possibly slowly or with a wrong Content-Type.
 */
export function answer(
  req: IncomingMessage,
  res: ServerResponse,
  record: RequestRecord,
  d: Decision,
  model: SiteModel,
  later: Later,
) {
  const failure = d.failure;
  if (failure?.kind === 'reset') {
    // The client sees ECONNRESET or "socket hang up": a network error, not an HTTP status.
    req.socket.destroy();
    return;
  }
  if (failure?.kind === 'hang') return; // answered by close() or the client's own timeout
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(
      res,
      record,
      405,
      { allow: 'GET, HEAD', 'content-type': 'text/plain' },
      Buffer.from('Only GET and HEAD\n'),
    );
    return;
  }
  if (failure?.kind === 'status') {
    const headers: Record<string, string> = { 'content-type': 'text/html; charset=utf-8' };
    if (failure.retryAfter !== undefined) headers['retry-after'] = String(failure.retryAfter);
    send(
      res,
      record,
      failure.status,
      headers,
      Buffer.from(`<!doctype html><title>${failure.status}</title><h1>Error ${failure.status}</h1>\n`),
    );
    return;
  }
  const resource: Resource = model.resolve(record.path);
  if (resource.kind === 'redirect') {
    send(
      res,
      record,
      resource.status,
      { location: resource.location, 'content-type': 'text/plain' },
      Buffer.from(`Moved to ${resource.location}\n`),
    );
    return;
  }
  if (resource.kind === 'not-found') {
    send(
      res,
      record,
      404,
      { 'content-type': 'text/html; charset=utf-8' },
      Buffer.from('<!doctype html><title>Not found</title><h1>Not found</h1>\n'),
    );
    return;
  }
  const contentType = d.contentType ?? resource.contentType;
  if (resource.kind === 'html' && resource.variant === 'oversized') {
    streamChunks(req, res, record, contentType, oversizedChunks(resource, model.oversizeBytes));
    return;
  }
  const body = resource.kind === 'html' ? Buffer.from(renderHtml(resource)) : resource.body;
  if (d.slowBody) {
    dripBody(req, res, record, contentType, body, d.slowBody, later);
    return;
  }
  send(res, record, 200, { 'content-type': contentType }, body);
}

function send(
  res: ServerResponse,
  record: RequestRecord,
  status: number,
  headers: Record<string, string>,
  body: Buffer,
) {
  record.status = status;
  res.writeHead(status, { ...headers, 'content-length': String(body.length) });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

/** A slow body: headers now, the bytes in pieces. Tests a client's read timeout, not just its connect timeout. */
function dripBody(
  req: IncomingMessage,
  res: ServerResponse,
  record: RequestRecord,
  contentType: string,
  body: Buffer,
  slow: { chunks: number; intervalMs: number },
  later: Later,
) {
  record.status = 200;
  res.writeHead(200, { 'content-type': contentType, 'content-length': String(body.length) });
  if (req.method === 'HEAD') return void res.end();
  const size = Math.ceil(body.length / slow.chunks);
  let offset = 0;
  const step = () => {
    if (res.destroyed) return;
    const piece = body.subarray(offset, offset + size);
    offset += size;
    if (offset >= body.length) res.end(piece);
    else {
      res.write(piece);
      // The site's close() clears this timer; a client that leaves early is caught by `res.destroyed`.
      later(slow.intervalMs, step);
    }
  };
  step();
}

/** Stream a large body respecting backpressure: wait for 'drain' instead of buffering megabytes. */
function streamChunks(
  req: IncomingMessage,
  res: ServerResponse,
  record: RequestRecord,
  contentType: string,
  chunks: Iterator<Buffer>,
) {
  record.status = 200;
  res.writeHead(200, { 'content-type': contentType });
  if (req.method === 'HEAD') return void res.end();
  const pump = () => {
    for (;;) {
      if (res.destroyed) return;
      const next = chunks.next();
      if (next.done) return void res.end();
      if (!res.write(next.value)) return void res.once('drain', pump);
    }
  };
  pump();
}
