/** Sends a service's `Reply` over Express, and builds a `ServiceRequest` from an Express
 *  request: the only place where services meet HTTP. */
import type { Request, Response } from 'express';
import type { Reply, ServiceRequest } from '../data/reply.js';
import { requestInfo } from './context.js';
import type { Logger } from './log.js';
import { logUnexpected } from './edge-errors.js';

/** A client that went away: the stream stops, and nothing is left to answer. */
export class ClientGone extends Error {
  constructor() {
    super('The client closed the connection');
    this.name = 'ClientGone';
  }
}

/** What a service reads of the request: parameters (query string, and form fields of a
 *  urlencoded POST), a text body, a few headers, the caller and the public base URL. */
export function serviceRequest(req: Request, res: Response, path = req.path): ServiceRequest {
  const info = requestInfo(res);
  const form =
    req.body && typeof req.body === 'object' && !Buffer.isBuffer(req.body) ? (req.body as Record<string, string>) : {};
  return {
    method: req.method,
    path,
    query: { ...(req.query as Record<string, string | string[]>), ...form },
    body: typeof req.body === 'string' ? req.body : undefined,
    headers: req.headers as Record<string, string | undefined>,
    principal: info.principal,
    baseUrl: info.baseUrl,
  };
}

/** Answers with a service's reply. What the service throws, or what its body throws before the
 *  first byte is sent, is answered with the protocol's exception reply (`failure`) instead; after
 *  the first byte the connection is cut, so a truncated body never looks complete. A 500 is a
 *  fault of ours and is logged with the request's id. */
export async function answer(
  req: Request,
  res: Response,
  log: Logger,
  service: () => Promise<Reply>,
  failure: (err: unknown) => Reply,
): Promise<void> {
  let r: Reply | undefined;
  try {
    r = await service();
    await sendReply(req, res, r);
  } catch (err) {
    logUnexpected(log, res, err);
    if (res.headersSent) {
      // Already answered (by the edge, over budget) is left alone; a body begun is cut.
      if (!res.writableEnded) res.destroy();
      return;
    }
    // The failed reply's headers (Content-Disposition, Content-Crs…) are not the exception's.
    for (const name of Object.keys(r?.headers ?? {})) res.removeHeader(name);
    await sendReply(req, res, failure(err));
  }
}

export async function sendReply(req: Request, res: Response, r: Reply): Promise<void> {
  res.status(r.status);
  // Vary adds to what the middleware set (Origin for CORS) rather than replacing it.
  for (const [k, v] of Object.entries(r.headers)) {
    if (k === 'vary') res.vary(v);
    else res.setHeader(k, v);
  }
  const body = r.body;
  if (r.gzip && req.acceptsEncodings('gzip', 'identity') === 'gzip') {
    res.vary('Accept-Encoding');
    // A Content-Encoding already set keeps the compression middleware off this body.
    res.setHeader('Content-Encoding', 'gzip').end(Buffer.from(r.gzip));
    return;
  }
  if (r.gzip) res.vary('Accept-Encoding');
  if (body === null || r.status === 204 || r.status === 304) {
    res.end();
    return;
  }
  if (typeof body === 'string' || body instanceof Uint8Array) {
    res.end(typeof body === 'string' ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength));
    return;
  }
  await streamBody(res, body);
}

const FLUSH_AT = 64 * 1024;

/** Writes chunks gathered to ~64 KB with backpressure; a client that went away (or stalls past
 *  the request's budget) stops the producer through the iterator's return(). */
async function streamBody(res: Response, body: AsyncIterable<string | Uint8Array>): Promise<void> {
  const stallMs = typeof res.locals.budgetMs === 'number' ? res.locals.budgetMs : 60_000;
  const it = body[Symbol.asyncIterator]();
  let parts: Buffer[] = [];
  let size = 0;
  const flush = async () => {
    if (gone(res)) throw new ClientGone();
    if (!size) return;
    const chunk = parts.length === 1 ? parts[0] : Buffer.concat(parts, size);
    parts = [];
    size = 0;
    if (!res.write(chunk)) await drained(res, stallMs);
    if (gone(res)) throw new ClientGone();
  };
  try {
    for (let step = await it.next(); !step.done; step = await it.next()) {
      const b =
        typeof step.value === 'string'
          ? Buffer.from(step.value)
          : Buffer.from(step.value.buffer, step.value.byteOffset, step.value.byteLength);
      parts.push(b);
      size += b.length;
      if (size >= FLUSH_AT) await flush();
    }
    await flush();
    res.end();
  } catch (err) {
    await it.return?.();
    if (err instanceof ClientGone) return;
    throw err;
  }
}

const gone = (res: Response) => res.destroyed || res.socket?.destroyed === true;

function drained(res: Response, stallMs: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    const timer = setTimeout(() => {
      res.destroy();
      done();
    }, stallMs);
    res.on('drain', done);
    res.on('close', done);
  });
}
