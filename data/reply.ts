/** What a service is asked and what it answers, as plain values with no HTTP framework in them:
 *  every service (tiles, WMTS, WMS, WFS, CSW, OGC API) is a set of functions from a
 *  `ServiceRequest` (plus the parts of the node it needs) to a `Reply`, and `server/` alone turns
 *  Express requests into these and replies back into HTTP. It sits at the bottom layer so that
 *  services of every layer share it. */
import type { Principal } from './access.js';

/** A body: text, bytes, or chunks produced while the client reads (large outputs stream in
 *  constant memory; the HTTP side writes them with backpressure and stops the producer by
 *  calling `return()` on the iterator when the client goes away). */
export type ReplyBody = string | Uint8Array | AsyncIterable<string | Uint8Array> | null;

export interface Reply {
  status: number;
  /** Header names in lower case; `content-type` is set whenever there is a body. */
  headers: Record<string, string>;
  body: ReplyBody;
  /** The same body already gzip-compressed (documents made once and kept); sent instead of
   *  `body` when the client accepts gzip. */
  gzip?: Uint8Array;
}

export interface ServiceRequest {
  method: string;
  /** The path below the service's mount point ('' for the mount point itself). */
  path: string;
  /** Query parameters as sent (a repeated name gives an array); KVP services read them through
   *  `Kvp`, which matches names case-insensitively. */
  query: Record<string, string | string[] | undefined>;
  /** A text body (XML POST), or form fields already merged into `query` by the HTTP side. */
  body?: string;
  /** Request headers a service may look at (lower-case names): accept, if-none-match, … */
  headers: Record<string, string | undefined>;
  principal: Principal;
  /** Public base URL of the node, no trailing slash (settings or X-Forwarded-*). */
  baseUrl: string;
}

export function reply(
  status: number,
  contentType: string | null,
  body: ReplyBody,
  headers: Record<string, string> = {},
): Reply {
  return { status, headers: contentType ? { 'content-type': contentType, ...headers } : headers, body };
}

/** 304 when the request's If-None-Match names this ETag (weak or strong). */
export function notModified(req: Pick<ServiceRequest, 'headers'>, etag: string): boolean {
  return !!req.headers['if-none-match']?.split(',').some((v) => v.trim().replace(/^W\//, '') === etag);
}
