/** Who is asking: `Authorization: Bearer <token>`, or HTTP Basic with a password or with
 *  a token as the password (what QGIS and ArcGIS can send). No credentials: anonymous.
 *  Wrong credentials: 401, never a silent downgrade to anonymous. */
import type { NextFunction, Request, Response } from 'express';
import type { Db } from '../data/db/types.js';
import { ANONYMOUS, type Principal } from '../data/access.js';
import { principalForPassword, principalForToken } from '../data/users.js';

const TTL_MS = 30_000;

export function authMiddleware(db: Db) {
  // Tile and map clients send the same credentials hundreds of times a second.
  const cache = new Map<string, { p: Principal | null; at: number }>();
  const resolve = async (key: string, fn: () => Promise<Principal | null>) => {
    const hit = cache.get(key);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.p;
    const p = await fn();
    if (cache.size > 10_000) cache.clear();
    cache.set(key, { p, at: Date.now() });
    return p;
  };

  return async (req: Request, res: Response, next: NextFunction) => {
    const h = req.get('authorization');
    if (!h) {
      res.locals.principal = ANONYMOUS;
      return next();
    }
    try {
      let p: Principal | null = null;
      const m = /^(Bearer|Basic)\s+(\S+)$/i.exec(h.trim());
      if (m && m[1].toLowerCase() === 'bearer') {
        p = await resolve(`t:${m[2]}`, () => principalForToken(db, m[2]));
      } else if (m) {
        const decoded = Buffer.from(m[2], 'base64').toString('utf8');
        const i = decoded.indexOf(':');
        const user = decoded.slice(0, i);
        const secret = decoded.slice(i + 1);
        if (i > 0) {
          p = await resolve(`b:${decoded}`, async () => {
            const byToken = secret.startsWith('spl_') ? await principalForToken(db, secret) : null;
            if (byToken && byToken.kind === 'user' && byToken.username === user) return byToken;
            return principalForPassword(db, user, secret);
          });
        }
      }
      if (!p) {
        res.set('WWW-Authenticate', 'Basic realm="Simpul", charset="UTF-8"');
        res.status(401).json({ code: 'Unauthorized', description: 'Invalid credentials' });
        return;
      }
      res.locals.principal = p;
      next();
    } catch (err) {
      next(err);
    }
  };
}

/** For write routes: the caller must be a signed-in user. */
export function requireUser(req: Request, res: Response, next: NextFunction) {
  if (res.locals.principal?.kind === 'user') return next();
  res.set('WWW-Authenticate', 'Bearer realm="Simpul"');
  res.status(401).json({ code: 'Unauthorized', description: 'A token with the right role is required' });
}
