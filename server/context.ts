/** What every route needs, built once at start, and what each request carries. */
import type { Request, Response } from 'express';
import type { Db } from '../data/db/types.js';
import type { Catalogue } from '../data/catalogue/catalogue.js';
import type { Principal } from '../data/access.js';
import type { Config } from './config.js';
import type { Logger } from './log.js';
import { TileService } from '../tiles/service.js';
import { renderPool, type RenderPool } from '../styles/render/render-pool.js';
import { mapQuerySlots, type QuerySlots } from '../data/render/query-slots.js';
import { RecordIndex } from '../data/metadata/record-index.js';
import { StyleCache } from '../styles/resolve.js';
import { watchOverviews } from '../ogc/records/overview.js';
import { mailer, type Mailer } from '../data/notifications/mailer.js';

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
  /** Tiles and their caches (memory, then disk or Redis), shared by XYZ, WMTS, OGC API Tiles
   *  and seeding. */
  tiles: TileService;
  /** Every published layer's metadata record, shared by CSW and OGC API Records. */
  records: RecordIndex;
  /** Stored styles and their parsed forms, shared by WMS, tiles, legends and the style API. */
  styles: StyleCache;
  /** Sends the review workflow's e-mails (notifications.smtp / SIMPUL_SMTP_URL; none: off). */
  mailer: Mailer | null;
}

/** A node's context with what it owns: tiles and their caches, the render pool and the map
 *  query slots, the record index and the style cache, made once here (sized by the settings'
 *  limits.caches) and closed with the node (closeContext). */
export function nodeContext(parts: Pick<AppContext, 'db' | 'catalogue' | 'config' | 'log'>): AppContext {
  const MB = 1024 * 1024;
  const sizes = parts.config.caches;
  const pool = renderPool(parts.config.renderThreads, {
    imageBytes: sizes.imagesMB * MB,
    spriteBytes: sizes.spritesMB * MB,
  });
  const ctx = {
    ...parts,
    renderPool: pool,
    mapQuerySlots: mapQuerySlots(parts.config.mapQueries),
    onClose: [() => pool.close()],
    records: new RecordIndex(
      parts.catalogue,
      parts.config.site,
      { tombstoneDays: parts.config.retiredTombstoneDays },
      sizes.records,
    ),
    styles: new StyleCache({ parsed: sizes.styles, layers: sizes.storedStyles }),
  } as Omit<AppContext, 'tiles'> as AppContext;
  ctx.tiles = new TileService(ctx, { hotBytes: sizes.tilesMB * MB });
  ctx.onClose.push(() => ctx.tiles.close());
  ctx.mailer = parts.config.smtpUrl ? mailer(parts.config.smtpUrl, parts.config.mailFrom) : null;
  if (ctx.mailer) ctx.onClose.unshift(() => ctx.mailer!.close());
  // Before the render pool closes: the picture being drawn is finished first.
  ctx.onClose.unshift(watchOverviews(ctx, parts.catalogue, parts.log));
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
