/** What every route needs, built once at start, and what each request carries. */
import type { Request, Response } from 'express';
import type { Db } from '../data/db/types.js';
import type { Catalogue } from '../data/catalogue/catalogue.js';
import type { Principal } from '../data/access.js';
import type { Config } from './config.js';
import type { Logger } from './log.js';
import type { RenderPool } from '../styles/render/render-pool.js';
import type { QuerySlots } from '../data/render/query-slots.js';

export interface AppContext {
  db: Db;
  catalogue: Catalogue;
  config: Config;
  log: Logger;
  /** Services keep their own caches (capabilities, tiles) and clean them up here. */
  onClose: Array<() => Promise<void> | void>;
  /** Draws map pictures in worker threads (SIMPUL_RENDER_THREADS); closed with the node. */
  renderPool: RenderPool;
  /** Map queries taken in turn (SIMPUL_MAP_QUERIES). */
  mapQuerySlots: QuerySlots;
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
