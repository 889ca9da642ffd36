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

export class UploadError extends Error {
  constructor(message: string, readonly status: 400 | 403 | 413) {
    super(message);
  }
}

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
export function uploadRefusal(p: Principal, org: string | undefined, isOrganisation: (code: string) => boolean): UploadError | null {
  if (p.kind !== 'user') return new UploadError('sign in to upload', 403);
  const writesSomewhere = p.role === 'admin' || p.role === 'walidata' || (p.role === 'produsen' && !!p.organisation);
  if (!writesSomewhere) return new UploadError(`your role (${p.role}) may not add layers`, 403);
  if (org === undefined || org === '') return null;
  if (!isOrganisation(org)) return new UploadError(`unknown organisation "${org}"`, 400);
  if (!canWrite(p, org)) return new UploadError(`your role may not add layers to ${org}`, 403);
  return null;
}

export interface ReceiveOptions {
  /** Checks each field as it arrives; an error refuses the upload at once. */
  onField?: (name: string, value: string) => UploadError | null;
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
  const base = (name.split(/[\\/]/).pop() ?? '').normalize('NFC').replace(/[^\p{L}\p{N}._ -]+/gu, '_').replace(/^[.\s]+/, '').slice(-200);
  return base || `upload-${i}`;
}

export async function receiveUpload(req: Request, maxBytes: number, opts: ReceiveOptions = {}): Promise<Upload> {
  const type = req.get('content-type') ?? '';
  if (!/^multipart\/form-data/i.test(type)) throw new UploadError('send the file as multipart/form-data (a "file" part and the fields)', 400);
  const mb = maxBytes / 1024 / 1024;
  const limitText = `${mb >= 1 ? Math.round(mb) : mb.toFixed(2)} MB`;
  const declared = Number(req.get('content-length') ?? 0);
  if (declared > maxBytes + 64 * 1024) {
    req.resume();
    throw new UploadError(`the upload (${Math.ceil(declared / 1024 / 1024)} MB) is larger than the ${limitText} limit (SIMPUL_MAX_UPLOAD_MB)`, 413);
  }

  const dir = mkdtempSync(join(tmpdir(), 'simpul-upload-'));
  const upload: Upload = { dir, files: [], fields: {}, remove: () => rmSync(dir, { recursive: true, force: true }) };
  try {
    await new Promise<void>((resolve, reject) => {
      let bb: busboy.Busboy;
      try {
        bb = busboy({ headers: req.headers, limits: { fileSize: maxBytes, files: MAX_FILES, fields: MAX_FIELDS, fieldSize: 64 * 1024 } });
      } catch {
        reject(new UploadError('the multipart body has no boundary', 400));
        return;
      }
      let received = 0;
      let failure: UploadError | null = null;
      const writes: Promise<void>[] = [];
      const files: NodeJS.ReadableStream[] = [];
      // A refusal stops reading at once: the answer goes out and the connection closes.
      const fail = (e: UploadError) => {
        if (failure) return;
        failure = e;
        req.unpipe(bb);
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
          if (!failure) fail(new UploadError(`the upload holds two files named ${name}`, 400));
          stream.resume();
          return;
        }
        upload.files.push(name);
        files.push(stream);
        stream.on('data', (chunk: Buffer) => {
          received += chunk.length;
          if (received > maxBytes) fail(new UploadError(`${name}: the upload is larger than the ${limitText} limit (SIMPUL_MAX_UPLOAD_MB)`, 413));
        });
        stream.on('limit', () => fail(new UploadError(`${name} is larger than the ${limitText} limit (SIMPUL_MAX_UPLOAD_MB)`, 413)));
        writes.push(pipeline(stream, createWriteStream(join(dir, name))).catch(() => void fail(new UploadError(`${name} could not be stored`, 400))));
      });
      bb.on('filesLimit', () => fail(new UploadError(`at most ${MAX_FILES} files per upload`, 400)));
      bb.on('fieldsLimit', () => fail(new UploadError(`at most ${MAX_FIELDS} fields per upload`, 400)));
      const settle = () => void Promise.all(writes).then(() => (failure ? reject(failure) : resolve()));
      bb.on('error', () => {
        fail(new UploadError('the multipart body could not be read', 400));
      });
      bb.on('close', settle);
      req.on('aborted', () => reject(new UploadError('the upload was interrupted', 400)));
      req.pipe(bb);
    });
  } catch (err) {
    upload.remove();
    throw err;
  }
  if (!upload.files.length) {
    upload.remove();
    throw new UploadError('no file in the upload: send it in a part named "file"', 400);
  }
  return upload;
}
