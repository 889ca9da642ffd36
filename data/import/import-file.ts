/** One import, the same for the CLI and the HTTP upload: find the dataset, read it with
 *  GDAL, and write every layer through writeLayer — all layers of the file in ONE
 *  transaction, so a failed, refused or killed import leaves no table and no row. */
import { sqlState, type Db, type Transaction } from '../db/types.js';
import type { AccessClass, LayerStatus, Principal } from '../access.js';
import type { Layer } from '../catalogue/layer.js';
import { sanitiseNames } from '../layers/columns.js';
import { writeLayer, type WriteReport } from '../layers/write.js';
import { importError, isImportError, type ImportStatus } from './errors.js';
import { OgcError } from '../errors.js';
import { importPool, type ImportLease, type ImportPool } from './import-pool.js';
import type {
  ImportReply,
  LayerReadStats,
  Rejection,
  SourceDescription,
  SourceInfo,
  SourceLayerInfo,
} from './import-protocol.js';
import type { FeatureIn, RowBatch } from '../layers/write.js';
import { parseSrsOption } from './srs-option.js';

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
  /** Versions of a layer kept with their data when a replace is served (settings: versions.keep). */
  keepVersions?: number;
  /** Who imports (audit trail, access rule of a replace); none: the node itself. */
  actor?: Principal;
  /** The most features the whole file may hold. */
  maxFeatures: number;
  /** The import processes to read it in (default: one process, four waiting). */
  pool?: ImportPool;
  /** May the caller write to this layer name (`org:name`)? A name that exists but that the
   *  caller may not see is refused without saying that it exists. */
  mayWrite?: (layerName: string) => boolean;
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
  source: SourceInfo;
  /** Local names of the layers to write, one per source layer. */
  names: string[];
  close(): void;
}

interface Opened extends PreparedImport {
  lease: ImportLease;
}

/** Waits for an import process, finds and opens the file there and settles its CRS and layer
 *  names; throws an import error (errors.ts) on what is wrong with it (a 503 when too many wait). */
export async function prepareImport(req: ImportRequest): Promise<PreparedImport> {
  const srs = req.srs ? parseSrsOption(req.srs) : undefined;
  const lease = await (req.pool ?? importPool()).lease();
  let healthy = true;
  try {
    const r = await lease.process.ask({
      type: 'open',
      file: req.file,
      label: req.label,
      layer: req.layer,
      srs,
      encoding: req.encoding,
      maxFeatures: req.maxFeatures,
    });
    const source = expect(r, 'opened').source;
    const known = source.layers.reduce((n, l) => n + (l.knownCount ?? 0), 0);
    if (known > req.maxFeatures) throw tooMany(source.label, req.maxFeatures, known);
    const prepared: Opened = {
      request: req,
      source,
      names: layerNames(req.name, source.layers),
      lease,
      close: () => {
        lease.process.ask({ type: 'close' }).then(
          () => lease.release(true),
          () => lease.release(false),
        );
      },
    };
    return prepared;
  } catch (err) {
    healthy = isImportError(err) && !lease.process.dead;
    if (healthy) await lease.process.ask({ type: 'close' }).catch(() => (healthy = false));
    lease.release(healthy);
    throw err;
  }
}

/** What an import of this file would read, without writing anything (the upload wizard): each
 *  layer's geometry type, count, CRS, code page, attributes and a sample of `sample` features
 *  in EPSG:4326, read by the import process with the same reader as an import. A missing CRS is
 *  told per layer (crsProblem), not thrown; an unreadable file throws the import's error. */
export async function describeFile(
  req: Pick<ImportRequest, 'file' | 'label' | 'layer' | 'srs' | 'encoding' | 'pool'> & { sample: number },
): Promise<SourceDescription> {
  const srs = req.srs ? parseSrsOption(req.srs) : undefined;
  const lease = await (req.pool ?? importPool()).lease();
  let healthy = true;
  try {
    const r = await lease.process.ask({
      type: 'describe',
      file: req.file,
      label: req.label,
      layer: req.layer,
      srs,
      encoding: req.encoding,
      sample: req.sample,
    });
    return expect(r, 'described').source;
  } catch (err) {
    healthy = isImportError(err) && !lease.process.dead;
    throw err;
  } finally {
    lease.release(healthy);
  }
}

/** Reads and writes a prepared import in one transaction. */
export async function runImport(db: Db, prepared: PreparedImport): Promise<ImportResult> {
  const { request: req, source: opened, names } = prepared;
  const { process } = (prepared as Opened).lease;
  for (const name of names) {
    const full = `${req.organisation}:${name}`;
    if (req.mayWrite && !req.mayWrite(full)) throw importError(`you may not write to the layer name ${full}`, 403);
  }
  const layers = await db.transaction(async (tx) => {
    // Indexing and checking millions of features may take longer than a request's statement timeout.
    if (db.kind === 'postgis') await tx.query('SET LOCAL statement_timeout = 0');
    const inTx = sameTransaction(db, tx);
    const out: ImportResult['layers'] = [];
    for (const [i, source] of opened.layers.entries()) {
      const many = opened.layers.length > 1;
      const stats: LayerReadStats = { read: 0, rejected: 0, rejections: [], garbledText: 0 };
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
          nativeSrid: source.nativeSrid,
          accessClass: req.accessClass,
          status: req.status,
          attributes: source.attributes,
        },
        batchesOf(process, i, stats, (wkbs) => curveToLine(tx, wkbs)),
        {
          replace: req.replace,
          actor: req.actor,
          keepVersions: req.keepVersions,
          onProgress: (n) => req.onProgress?.(names[i], n, source.knownCount),
        },
      ).catch((err) => {
        throw asImportError(err, source.where, req);
      });
      if (stats.rejected && !written.report.written) {
        const first = stats.rejections[0];
        throw importError(
          `${source.where}: all ${stats.rejected} features were rejected (${position(source, first.feature)}: ${first.reason})`,
        );
      }
      out.push({ layer: written.layer, report: layerReport(written.layer.name, source, stats, written.report) });
    }
    return out;
  });
  return { file: opened.label, format: opened.format, layers };
}

export async function importFile(db: Db, req: ImportRequest): Promise<ImportResult> {
  const prepared = await prepareImport(req);
  try {
    return await runImport(db, prepared);
  } finally {
    prepared.close();
  }
}

/** One layer's rows (or features) from the import process, batch by batch; arcs made straight here. */
async function* batchesOf(
  process: ImportLease['process'],
  layer: number,
  stats: LayerReadStats,
  linearise: (wkbs: Buffer[]) => Promise<Buffer[]>,
): AsyncGenerator<FeatureIn[] | RowBatch> {
  for (;;) {
    const b = expect(await process.ask({ type: 'next', layer }), 'batch');
    if (b.rows) yield b.rows;
    else if (b.features) {
      if (b.curved?.length) {
        const features = b.features;
        const straight = await linearise(b.curved.map((i) => Buffer.from(features[i].wkb as Uint8Array)));
        b.curved.forEach((i, k) => (features[i].wkb = straight[k]));
      }
      if (b.features.length) yield b.features;
    }
    if (b.done) {
      Object.assign(stats, b.stats);
      return;
    }
  }
}

function expect<T extends ImportReply['type']>(r: ImportReply, type: T): Extract<ImportReply, { type: T }> {
  if (r.type === 'failed') throw importError(r.message, r.status as ImportStatus);
  if (r.type !== type) throw importError(`the import process answered ${r.type} instead of ${type}`, 400);
  return r as Extract<ImportReply, { type: T }>;
}

/** "feature 12", or "feature 12 (line 13)" in a CSV file. */
function position(layer: Pick<SourceLayerInfo, 'lineOffset'>, feature: number): string {
  return layer.lineOffset === null ? `feature ${feature}` : `feature ${feature} (line ${feature + layer.lineOffset})`;
}

function tooMany(label: string, limit: number, count?: number): OgcError {
  return importError(
    `${label}: ${count ? `${count} features are` : 'it holds'} more than the ${limit} features one import may write (SIMPUL_MAX_IMPORT_FEATURES)`,
    413,
  );
}

/** `name` for one layer; `name_<source layer>` for each of several. */
function layerNames(name: string, layers: SourceLayerInfo[]): string[] {
  if (layers.length === 1) return [name];
  return sanitiseNames(layers.map((l) => l.name)).map((suffix) => `${name}_${suffix}`.slice(0, 63).replace(/_+$/, ''));
}

function layerReport(name: string, source: SourceLayerInfo, stats: LayerReadStats, w: WriteReport): LayerImportReport {
  const notes = [
    source.note,
    stats.garbledText
      ? `${stats.garbledText} text values are not UTF-8: give the file's code page (--encoding CP1252, or the "encoding" field of an upload) or add a .cpg`
      : undefined,
  ].filter(Boolean);
  return {
    layer: name,
    sourceLayer: source.name,
    nativeSrid: source.nativeSrid,
    ...w,
    read: w.read + stats.rejected,
    rejected: stats.rejected,
    rejections: stats.rejections,
    ...(notes.length ? { note: notes.join('; ') } : {}),
  };
}

/** writeLayer opens a transaction of its own; here every layer joins the import's one. */
function sameTransaction(db: Db, tx: Transaction): Db {
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
async function curveToLine(tx: Transaction, wkbs: Buffer[]): Promise<Buffer[]> {
  const r = await tx.query<{ wkb: Uint8Array }>(
    `SELECT ST_AsBinary(ST_CurveToLine(ST_GeomFromWKB(decode(h, 'hex')))) AS wkb FROM unnest($1::text[]) WITH ORDINALITY AS t(h, i) ORDER BY i`,
    [wkbs.map((b) => b.toString('hex'))],
  );
  return r.rows.map((row) => Buffer.from(row.wkb));
}

/** Errors of the write as messages that name the file and layer, without database internals. */
function asImportError(err: unknown, where: string, req: ImportRequest): Error {
  if (isImportError(err)) return err;
  // What the layer writer refused (a name taken, an organisation unknown, access widened).
  if (err instanceof OgcError) {
    const taken = /already exists/.test(err.message);
    // A name taken by a layer the caller cannot see: say nothing of that layer.
    if (taken && req.mayWrite) {
      const name = /layer (\S+) already exists/.exec(err.message)?.[1];
      if (name && !req.mayWrite(name)) return importError(`you may not write to the layer name ${name}`, 403);
    }
    return importError(`${where}: ${err.message}`, taken ? 409 : err.status === 403 ? 403 : 400);
  }
  // A statement the database refused (a value, a geometry): the file's fault, said plainly.
  const state = sqlState(err);
  if (state && !/^(08|53|57)/.test(state))
    return importError(`${where}: the data could not be stored (${String((err as Error).message).split('\n')[0]})`);
  return err as Error;
}
