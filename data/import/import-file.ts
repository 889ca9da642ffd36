/** One import, the same for the CLI and the HTTP upload: find the dataset, read it with
 *  GDAL, and write every layer through writeLayer — all layers of the file in ONE
 *  transaction, so a failed, refused or killed import leaves no table and no row. */
import { sqlState, type Db, type Queryable } from '../db/types.js';
import type { AccessClass, LayerStatus, Principal } from '../access.js';
import type { Layer } from '../catalogue/layer.js';
import { sanitiseNames } from '../layers/columns.js';
import { LayerWriteError, writeLayer, type WriteReport } from '../layers/write.js';
import { ImportError } from './errors.js';
import { locateSource } from './locate.js';
import { openSource, position, readFeatures, type OpenedSource, type Rejection, type SourceLayer } from './read-source.js';
import { parseSrsOption } from './source-crs.js';

export interface ImportRequest {
  /** A file, a folder (.gdb, or the files of one upload) or a zip. */
  file: string;
  /** How to name the file in messages (an upload's original name). */
  label?: string;
  organisation: string;
  /** Local layer name; a multi-layer source gets one layer per source layer, `name_<layer>`. */
  name: string;
  title?: string;
  abstract?: string;
  keywords?: string[];
  /** `EPSG:N`: the CRS of the coordinates, overriding the file's. */
  srs?: string;
  /** Only this layer of the source. */
  layer?: string;
  /** Code page of a shapefile's text when it has no .cpg (CP1252, ISO-8859-1…). */
  encoding?: string;
  accessClass?: AccessClass;
  status?: LayerStatus;
  replace?: boolean;
  /** Who imports (audit trail, access rule of a replace); none: the node itself. */
  actor?: Principal;
  /** The most features the whole file may hold. */
  maxFeatures: number;
  onProgress?: (layer: string, read: number, total: number | null) => void;
}

export interface LayerImportReport extends WriteReport {
  layer: string;
  sourceLayer: string;
  nativeSrid: number;
  /** Features left out, with the first reasons. */
  rejected: number;
  rejections: Rejection[];
  note?: string;
}

export interface ImportResult {
  file: string;
  format: string;
  layers: Array<{ layer: Layer; report: LayerImportReport }>;
}

/** A source found, opened and checked (CRS, layers, limits) before the database is touched. */
export interface PreparedImport {
  request: ImportRequest;
  source: OpenedSource;
  /** Local names of the layers to write, one per source layer. */
  names: string[];
  close(): void;
}

/** Finds and opens the file and settles its CRS and layer names; throws ImportError on what is wrong with it. */
export function prepareImport(req: ImportRequest): PreparedImport {
  const srs = req.srs ? parseSrsOption(req.srs) : undefined;
  const located = locateSource(req.file, req.label, req.layer);
  const source = openSource(located, { layer: req.layer, srs, encoding: req.encoding });
  try {
    const known = source.layers.reduce((n, l) => n + (l.knownCount ?? 0), 0);
    if (known > req.maxFeatures) throw tooMany(located.label, req.maxFeatures, known);
    return { request: req, source, names: layerNames(req.name, source.layers), close: () => source.close() };
  } catch (err) {
    source.close();
    throw err;
  }
}

/** Reads and writes a prepared import in one transaction. */
export async function runImport(db: Db, prepared: PreparedImport): Promise<ImportResult> {
  const { request: req, source: opened, names } = prepared;
  let read = 0;
  const onFeature = () => {
    if (++read > req.maxFeatures) throw tooMany(opened.source.label, req.maxFeatures);
  };
  const layers = await db.transaction(async (tx) => {
    // Indexing and checking millions of features may take longer than a request's statement timeout.
    if (db.kind === 'postgis') await tx.query('SET LOCAL statement_timeout = 0');
    const inTx = sameTransaction(db, tx);
    const linearise = (wkbs: Buffer[]) => curveToLine(tx, wkbs);
    const out: ImportResult['layers'] = [];
    for (const [i, source] of opened.layers.entries()) {
      const many = opened.layers.length > 1;
      const written = await writeLayer(
        inTx,
        {
          organisation: req.organisation,
          localName: names[i],
          // A replace keeps the layer's title unless one is given.
          title: req.title === undefined ? undefined : many ? `${req.title}: ${source.name}` : req.title,
          defaultTitle: many ? `${req.name}: ${source.name}` : req.name,
          abstract: req.abstract,
          keywords: req.keywords,
          nativeSrid: source.crs.nativeSrid,
          accessClass: req.accessClass,
          status: req.status,
          attributes: source.attributes,
        },
        readFeatures(source, { onFeature, linearise }),
        { replace: req.replace, actor: req.actor, onProgress: (n) => req.onProgress?.(names[i], n, source.knownCount) },
      ).catch((err) => {
        throw asImportError(err, source.where);
      });
      if (source.rejected && !written.report.written) {
        const first = source.rejections[0];
        throw new ImportError(`${source.where}: all ${source.rejected} features were rejected (${position(source, first.feature)}: ${first.reason})`);
      }
      out.push({ layer: written.layer, report: layerReport(written.layer.name, source, written.report) });
    }
    return out;
  });
  return { file: opened.source.label, format: opened.source.format.label, layers };
}

export async function importFile(db: Db, req: ImportRequest): Promise<ImportResult> {
  const prepared = prepareImport(req);
  try {
    return await runImport(db, prepared);
  } finally {
    prepared.close();
  }
}

function tooMany(label: string, limit: number, count?: number): ImportError {
  return new ImportError(`${label}: ${count ? `${count} features are` : 'it holds'} more than the ${limit} features one import may write (SIMPUL_MAX_IMPORT_FEATURES)`, 413);
}

/** `name` for one layer; `name_<source layer>` for each of several. */
function layerNames(name: string, layers: SourceLayer[]): string[] {
  if (layers.length === 1) return [name];
  return sanitiseNames(layers.map((l) => l.name)).map((suffix) => `${name}_${suffix}`.slice(0, 63).replace(/_+$/, ''));
}

function layerReport(name: string, source: SourceLayer, w: WriteReport): LayerImportReport {
  const notes = [source.crs.note, source.garbledText ? `${source.garbledText} text values are not UTF-8: give the file's code page (--encoding CP1252, or the "encoding" field of an upload) or add a .cpg` : undefined].filter(Boolean);
  return {
    layer: name,
    sourceLayer: source.name,
    nativeSrid: source.crs.nativeSrid,
    ...w,
    read: w.read + source.rejected,
    rejected: source.rejected,
    rejections: source.rejections,
    ...(notes.length ? { note: notes.join('; ') } : {}),
  };
}

/** writeLayer opens a transaction of its own; here every layer joins the import's one. */
function sameTransaction(db: Db, tx: Queryable): Db {
  return {
    kind: db.kind,
    query: (sql, params) => tx.query(sql, params),
    transaction: (fn) => fn(tx),
    stream: () => {
      throw new Error('stream is not available inside an import');
    },
    exec: () => {
      throw new Error('exec is not available inside an import');
    },
    ping: () => db.ping(),
    close: async () => {},
  };
}

/** Arcs (CAD, geodatabases) become straight segments in PostGIS, in one query per batch. */
async function curveToLine(tx: Queryable, wkbs: Buffer[]): Promise<Buffer[]> {
  const r = await tx.query<{ wkb: Uint8Array }>(
    `SELECT ST_AsBinary(ST_CurveToLine(ST_GeomFromWKB(decode(h, 'hex')))) AS wkb FROM unnest($1::text[]) WITH ORDINALITY AS t(h, i) ORDER BY i`,
    [wkbs.map((b) => b.toString('hex'))],
  );
  return r.rows.map((row) => Buffer.from(row.wkb));
}

/** Errors of the write as messages that name the file and layer, without database internals. */
function asImportError(err: unknown, where: string): Error {
  if (err instanceof ImportError) return err;
  if (err instanceof LayerWriteError) return new ImportError(`${where}: ${err.message}`, /already exists/.test(err.message) ? 409 : 400);
  // A statement the database refused (a value, a geometry): the file's fault, said plainly.
  const state = sqlState(err);
  if (state && !/^(08|53|57)/.test(state)) return new ImportError(`${where}: the data could not be stored (${String((err as Error).message).split('\n')[0]})`);
  return err as Error;
}
