/** An import that cannot go on is an OgcError (data/errors.ts) whose message names the file, the
 *  layer and, where it can, the feature, and says what to do; its locator is `file` (the CLI's
 *  FILE, an upload's "file" part). Shown to people as it is (CLI line, HTTP problem 400/403/409/
 *  413/503). It crosses the import process's message boundary as its message and status
 *  (import-protocol.ts `failed`), from which `importError` makes it again on the node's side. */
import { OgcError, httpError, type OgcErrorExtra } from '../errors.js';

export type ImportStatus = 400 | 403 | 409 | 413 | 503;

export const importError = (message: string, status: ImportStatus = 400, extra: OgcErrorExtra = {}): OgcError =>
  httpError(status, message, extra, 'file');

/** An error an import raised about its file (as opposed to a fault of the node). */
export const isImportError = (err: unknown): err is OgcError => err instanceof OgcError && err.locator === 'file';

/** Too many imports at once: 503, try again in `retryAfter` seconds. */
export const importBusy = (retryAfter: number): OgcError =>
  importError(`the node is busy with other imports: try again in ${retryAfter} s`, 503, { retryAfter });
