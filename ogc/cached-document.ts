/** Capabilities documents as the services keep them: made once per catalogue revision, with
 *  their ETag and their gzip made at the same time (with 2,491 layers a document is megabytes,
 *  and compressing it per request cost more than everything else), and sent with ETag/304. */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { notModified, type Reply, type ServiceRequest } from '../data/reply.js';

export interface CachedDocument {
  body: Buffer;
  gzip: Buffer;
  etag: string;
}

const gzipAsync = promisify(gzip);

export async function cachedDocument(text: string): Promise<CachedDocument> {
  const body = Buffer.from(text);
  return {
    body,
    gzip: await gzipAsync(body, { level: 6 }),
    etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
  };
}

/** A document's reply: 304 when If-None-Match names its ETag, gzipped when the client takes it
 *  (the HTTP side chooses). `headers` adds Cache-Control, Vary and the like. */
export function documentReply(
  req: Pick<ServiceRequest, 'headers'>,
  doc: CachedDocument,
  type: string,
  headers: Record<string, string> = {},
): Reply {
  const h = { etag: doc.etag, ...headers };
  if (notModified(req, doc.etag)) return { status: 304, headers: h, body: null };
  return { status: 200, headers: { 'content-type': type, ...h }, body: doc.body, gzip: doc.gzip };
}
