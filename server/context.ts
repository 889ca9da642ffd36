/** What every route needs, built once at start, and what each request carries. */
import type { Request, Response } from 'express';
import type { Db } from '../data/db/types.js';
import type { Catalogue } from '../data/catalogue/catalogue.js';
import type { Principal } from '../data/access.js';
import type { Config } from './config.js';
import type { Logger } from './log.js';
import { TileService } from '../tiles/service.js';

export interface AppContext {
  db: Db;
  catalogue: Catalogue;
  config: Config;
  log: Logger;
  /** Services keep their own caches (capabilities, tiles) and clean them up here. */
  onClose: Array<() => Promise<void> | void>;
  /** Tiles and their caches (memory, then disk or Redis), shared by XYZ, WMTS, OGC API Tiles
   *  and seeding. */
  tiles: TileService;
}

/** A node's context with the services it owns (closeContext closes them). */
export function nodeContext(parts: Pick<AppContext, 'db' | 'catalogue' | 'config' | 'log'>): AppContext {
  const ctx = { ...parts, onClose: [] } as Omit<AppContext, 'tiles'> as AppContext;
  ctx.tiles = new TileService(ctx);
  ctx.onClose.push(() => ctx.tiles.close());
  return ctx;
}

export interface RequestInfo {
  principal: Principal;
  /** Public base URL of the node, no trailing slash (from SIMPUL_PUBLIC_URL or X-Forwarded-*). */
  baseUrl: string;
}

export function requestInfo(res: Response): RequestInfo {
  return res.locals as RequestInfo;
}

export const principalOf = (res: Response): Principal => (res.locals as RequestInfo).principal;
export const baseUrlOf = (res: Response): string => (res.locals as RequestInfo).baseUrl;

export type Handler = (req: Request, res: Response) => Promise<void>;
