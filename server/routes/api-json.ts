/** JSON API handlers for the workflow and audit routes: an OgcError becomes its status and
 *  `{code, description, locator?, details?}` (details: e.g. what a layer lacks for the standard). */
import type { Request, Response } from 'express';
import { OgcError } from '../../data/errors.js';

export function jsonApi(handler: (req: Request, res: Response) => Promise<void>) {
  return async (req: Request, res: Response, next: (err?: unknown) => void) => {
    try {
      await handler(req, res);
    } catch (err) {
      if (!(err instanceof OgcError) || err.status >= 500) return next(err);
      if (res.headersSent) return void res.end();
      res.status(err.status).json({
        code: err.code,
        description: err.message,
        ...(err.locator ? { locator: err.locator } : {}),
        ...(err.extra.details ? { details: err.extra.details } : {}),
      });
    }
  };
}

/** Paging parameters: limit 1–1000 (default 50), offset ≥ 0. */
export function paging(req: Request, defaultLimit = 50): { limit: number; offset: number } {
  const limit = req.query.limit === undefined ? defaultLimit : Number(req.query.limit);
  const offset = req.query.offset === undefined ? 0 : Number(req.query.offset);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
    throw new OgcError('InvalidParameterValue', 'limit must be a whole number from 1 to 1000', 'limit', 400);
  if (!Number.isInteger(offset) || offset < 0)
    throw new OgcError('InvalidParameterValue', 'offset must be a whole number of at least 0', 'offset', 400);
  return { limit, offset };
}

export function textParam(req: Request, name: string): string | undefined {
  const v = req.query[name];
  if (v === undefined || v === '') return undefined;
  if (typeof v !== 'string' || v.length > 200)
    throw new OgcError('InvalidParameterValue', `${name} must be one text value`, name, 400);
  return v;
}

export function dateParam(req: Request, name: string): Date | undefined {
  const v = textParam(req, name);
  if (v === undefined) return undefined;
  const d = new Date(v);
  if (!/^\d{4}-\d{2}-\d{2}/.test(v) || Number.isNaN(d.getTime()))
    throw new OgcError('InvalidParameterValue', `${name} must be an ISO 8601 date or date-time`, name, 400);
  return d;
}

/** Links to the next and previous pages, keeping the other parameters. */
export function pageLinks(req: Request, base: string, limit: number, offset: number, matched: number) {
  const href = (o: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(req.query))
      if (typeof v === 'string' && k !== 'offset' && k !== 'limit') q.set(k, v);
    q.set('limit', String(limit));
    q.set('offset', String(o));
    return `${base}${req.path}?${q}`;
  };
  return [
    { rel: 'self', type: 'application/json', href: href(offset) },
    ...(offset + limit < matched ? [{ rel: 'next', type: 'application/json', href: href(offset + limit) }] : []),
    ...(offset > 0 ? [{ rel: 'prev', type: 'application/json', href: href(Math.max(0, offset - limit)) }] : []),
  ];
}
