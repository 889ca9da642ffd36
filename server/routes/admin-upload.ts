/** Receives a multipart upload: its files are streamed into a fresh temporary folder
 *  (under their own names, stripped of any path) and its fields are collected. The whole
 *  upload may not exceed the configured size; the folder is the caller's to remove.
 *  An upload that will be refused is refused before its body is read (the caller may not
 *  write at all, or not to the organisation in the query), or as soon as it is known (the
 *  "org" field, the size limit crossed): the answer goes out at once and the connection is
 *  closed, so the rest of the body is never read. */
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { NextFunction, Request, Response } from 'express';
import busboy from 'busboy';
import { canWrite, type Principal } from '../../data/access.js';
import { httpError, type OgcError } from '../../data/errors.js';

/** An upload's connection is closed after the answer, so a body left unread (a refusal) is
 *  not read to its end to keep the connection alive. */
export function closeAfterUpload(_req: Request, res: Response, next: NextFunction): void {
  res.set('Connection', 'close');
  next();
}

/**
 * Why this caller's upload is refused before its body is read, or null: a role that may write
 * to no organisation, an organisation (from the query, or the "org" field when it arrives)
 * that is unknown or that the caller may not write to.
 */
export function uploadRefusal(
  p: Principal,
  org: string | undefined,
  isOrganisation: (code: string) => boolean,
): OgcError | null {
  if (p.kind !== 'user') return httpError(403, 'sign in to upload');
  const writesSomewhere = p.role === 'admin' || p.role === 'walidata' || (p.role === 'produsen' && !!p.organisation);
  if (!writesSomewhere) return httpError(403, `your role (${p.role}) may not add layers`);
  if (org === undefined || org === '') return null;
  if (!isOrganisation(org)) return httpError(400, `unknown organisation "${org}"`);
  if (!canWrite(p, org)) return httpError(403, `your role may not add layers to ${org}`);
  return null;
}

export interface ReceiveOptions {
  /** Checks each field as it arrives; an error refuses the upload at once. */
  onField?: (name: string, value: string) => OgcError | null;
}

export interface Upload {
  dir: string;
  /** Names of the stored files, in the order received. */
  files: string[];
  fields: Record<string, string>;
  remove(): void;
}

const MAX_FILES = 20;
const MAX_FIELDS = 30;

/** A file name safe to create in the folder: last path segment, no leading dots, no odd characters. */
function safeName(name: string, i: number): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._ -]+/gu, '_')
    .replace(/^[.\s]+/, '')
    .slice(-200);
  return base || `upload-${i}`;
}

export async function receiveUpload(req: Request, maxBytes: number, opts: ReceiveOptions = {}): Promise<Upload> {
  const type = req.get('content-type') ?? '';
  if (!/^multipart\/form-data/i.test(type))
    throw httpError(400, 'send the file as multipart/form-data (a "file" part and the fields)');
  const mb = maxBytes / 1024 / 1024;
  const limitText = `${mb >= 1 ? Math.round(mb) : mb.toFixed(2)} MB`;
  const declared = Number(req.get('content-length') ?? 0);
  if (declared > maxBytes + 64 * 1024) {
    req.resume();
    throw httpError(
      413,
      `the upload (${Math.ceil(declared / 1024 / 1024)} MB) is larger than the ${limitText} limit (SIMPUL_MAX_UPLOAD_MB)`,
    );
  }

  const dir = mkdtempSync(join(tmpdir(), 'simpul-upload-'));
  const upload: Upload = { dir, files: [], fields: {}, remove: () => rmSync(dir, { recursive: true, force: true }) };
  try {
    await new Promise<void>((resolve, reject) => {
      let bb: busboy.Busboy;
      try {
        bb = busboy({
          headers: req.headers,
          limits: { fileSize: maxBytes, files: MAX_FILES, fields: MAX_FIELDS, fieldSize: 64 * 1024 },
        });
      } catch {
        reject(httpError(400, 'the multipart body has no boundary'));
        return;
      }
      let received = 0;
      let failure: OgcError | null = null;
      const writes: Promise<void>[] = [];
      const files: NodeJS.ReadableStream[] = [];
      // A refusal stops parsing at once: the answer goes out and the connection closes. What the
      // client still sends is read and dropped meanwhile: closing a socket with unread data resets
      // it, and a reset can reach the client before it has read the answer.
      const fail = (e: OgcError) => {
        if (failure) return;
        failure = e;
        req.unpipe(bb);
        req.resume();
        for (const f of files) f.resume();
        reject(e);
      };

      bb.on('field', (name, value) => {
        upload.fields[name] = value;
        const refused = opts.onField?.(name, value);
        if (refused) fail(refused);
      });
      bb.on('file', (_field, stream, info) => {
        const name = safeName(info.filename ?? '', upload.files.length);
        if (failure || upload.files.includes(name)) {
          if (!failure) fail(httpError(400, `the upload holds two files named ${name}`));
          stream.resume();
          return;
        }
        upload.files.push(name);
        files.push(stream);
        stream.on('data', (chunk: Buffer) => {
          received += chunk.length;
          if (received > maxBytes)
            fail(httpError(413, `${name}: the upload is larger than the ${limitText} limit (SIMPUL_MAX_UPLOAD_MB)`));
        });
        stream.on('limit', () =>
          fail(httpError(413, `${name} is larger than the ${limitText} limit (SIMPUL_MAX_UPLOAD_MB)`)),
        );
        writes.push(
          pipeline(stream, createWriteStream(join(dir, name))).catch(
            () => void fail(httpError(400, `${name} could not be stored`)),
          ),
        );
      });
      bb.on('filesLimit', () => fail(httpError(400, `at most ${MAX_FILES} files per upload`)));
      bb.on('fieldsLimit', () => fail(httpError(400, `at most ${MAX_FIELDS} fields per upload`)));
      const settle = () => void Promise.all(writes).then(() => (failure ? reject(failure) : resolve()));
      bb.on('error', () => {
        fail(httpError(400, 'the multipart body could not be read'));
      });
      bb.on('close', settle);
      req.on('aborted', () => reject(httpError(400, 'the upload was interrupted')));
      req.pipe(bb);
    });
  } catch (err) {
    upload.remove();
    throw err;
  }
  if (!upload.files.length) {
    upload.remove();
    throw httpError(400, 'no file in the upload: send it in a part named "file"');
  }
  return upload;
}
