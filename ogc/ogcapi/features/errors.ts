/** OGC API errors as JSON ({code, description}) with the error's HTTP status; never internals. */
import type { Response } from 'express';
import { OgcError, type OgcCode } from '../../errors.js';
import { asOgcError } from '../../exceptions.js';

export { OgcError };
export type { OgcCode };

export function asOgcErrorJson(res: Response, err: unknown): void {
  const e = asOgcError(err);
  if (res.headersSent) {
    res.end();
    return;
  }
  res.status(e.status).type('application/json').send(JSON.stringify({ code: e.code, description: e.message, ...(e.locator ? { locator: e.locator } : {}) }));
}
