/** The loader: how a layer's features get into its table, in one pass over them.
 *
 *  Rows stream in with COPY (binary from the import process, copy-binary.ts; text with the
 *  geometry as WKB hex otherwise): on PostgreSQL one COPY left open, each chunk sent as it is
 *  formatted (a statement per chunk left the server idle between them, about a third of its
 *  time); on the embedded database, which takes a COPY's rows whole, one COPY per chunk in
 *  flight while the next is formatted. The work
 *  that used to take a pass of its own each happens as the rows go in: the EPSG:3857 geometry
 *  comes with each row (web-mercator.ts); the loader proves most geometries valid itself
 *  (surely-valid.ts), and PostgreSQL checks the others (as they arrive, a generated column, when
 *  the first rows needed it; after the load otherwise); type, box and emptiness are read from
 *  the WKB here. After the load, only the rows found invalid are repaired (ST_MakeValid, once
 *  each), and the GiST index is built from the finished table, sorted (much cheaper than an
 *  insert per row).
 *  A file's rows come already formatted by the import process (copy-rows.ts, RowBatch) and are
 *  passed on as they are; features given as objects (the demo, tests, arcs) are formatted here
 *  the same way, then passed on alike.
 *
 *  The geometry column gets its type from the first chunk (Polygon, say); a later row that does not
 *  fit widens it (MultiPolygon, or Geometry for mixed dimensions) with one ALTER over the rows so
 *  far, and from then on single parts are wrapped as Multi* here. The caller's transaction makes
 *  it all-or-nothing. */
import type { CopyFormat, CopyStream, Transaction } from '../db/types.js';
import { sqlState } from '../db/types.js';
import { quoteIdent, type Attribute, type BBox, type GeometryType } from '../catalogue/layer.js';
import { httpError } from '../errors.js';
import { SQL_TYPE } from './columns.js';
import { COPY_BINARY_HEADER, COPY_BINARY_TRAILER } from './copy-binary.js';
import {
  WEB_MERCATOR,
  WEB_MERCATOR_COLUMN,
  WEB_MERCATOR_COLUMN_SQL,
  WEB_MERCATOR_TYPE,
  fillWebMercatorColumn,
  followGeom,
} from './web-mercator.js';
import { fromGeoJson, inspectWkb, toMulti, type WkbInfo, type WkbType } from './wkb.js';
import {
  formatRows,
  hex,
  needsWrap,
  rewrap,
  sameShape,
  typeName,
  widen,
  type RowBatch,
  type RowSource,
  type Shape,
} from './copy-rows.js';

export type { RowBatch };

/** One feature, its geometry in EPSG:4326 as WKB or GeoJSON; properties keyed by column name. */
export interface FeatureIn {
  wkb?: Uint8Array | null;
  geojson?: object | null;
  properties: Record<string, unknown>;
}

export interface WriteReport {
  read: number;
  written: number;
  repaired: number;
  /** Features with no geometry or an empty one: reported, not stored. */
  empty: number;
  promotedToMulti: boolean;
  /** A replace of a layer with versions: the version written, and whether it waits for review. */
  version?: { number: number; status: 'pending' | 'current' };
}

/** The table to fill: it must not exist yet (the loader creates it, in the caller's transaction). */
export interface LoadTarget {
  schema: string;
  table: string;
}

export interface LoadOptions {
  onProgress?: (read: number) => void;
}

export interface Loaded {
  report: WriteReport;
  geometryType: GeometryType;
  count: number;
  bbox: BBox | null;
}

const VALID_COLUMN = 'geom_valid';
/** Set by the loader when it proved the geometry valid itself (surely-valid.ts); PostGIS checks the rest. */
const PROVED_COLUMN = 'geom_proved';
/** Rows are sent in chunks of about this many bytes (a COPY statement each where the adapter has
 *  no open COPY: fewer, larger statements; memory stays bounded). */
const CHUNK_CHARS = 512 * 1024;
/** An open COPY is ended and another begun after this many bytes (the feature numbers kept for
 *  its error messages stay bounded). */
const RUN_BYTES = 64 * 1024 * 1024;
/** Features given as objects are formatted this many at a time, the event loop getting a turn
 *  between, so the node keeps answering during a load. */
const FEATURES_AT_ONCE = 1000;

/** Computed by PostgreSQL as each row arrives. */
const VALID_COLUMN_SQL = `${VALID_COLUMN} boolean GENERATED ALWAYS AS (${PROVED_COLUMN} OR ST_IsValid(geom)) STORED`;

export async function loadFeatures(
  tx: Transaction,
  target: LoadTarget,
  attributes: Attribute[],
  source: AsyncIterable<FeatureIn[] | RowBatch> | Iterable<FeatureIn[] | RowBatch>,
  opts: LoadOptions = {},
): Promise<Loaded> {
  const table = `${quoteIdent(target.schema)}.${quoteIdent(target.table)}`;
  const into = `${table} (geom, ${WEB_MERCATOR_COLUMN}, ${PROVED_COLUMN}${attributes.map((a) => `, ${quoteIdent(a.name)}`).join('')})`;
  const report: WriteReport = { read: 0, written: 0, repaired: 0, empty: 0, promotedToMulti: false };
  const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  let shape: Shape | null = null;
  // Rows sent without their EPSG:3857 geometry, for PostGIS to compute after the load; rows whose
  // validity PostGIS checked (none: nothing to look for after the load).
  let unprojected = 0;
  let unproved = 0;
  // Whether PostgreSQL checks each row's validity as it arrives (a generated column, computed
  // while the reader reads on): chosen with the table, by its first rows. When the loader proved
  // those all valid, the column would cost every row its evaluation and a second copy of the
  // tuple for nothing; the few rows it may not prove later are checked after the load.
  let checkAsLoaded = true;

  // Rows formatted and not yet sent (row batches, all in one format), with each row's feature
  // number for error messages.
  let parts: Uint8Array[] = [];
  let partsFormat: CopyFormat = 'text';
  let chars = 0;
  let positions: number[] = [];
  // The COPY in flight: the next chunk is formatted (and read) while the database stores this one.
  let inFlight: Promise<void> = Promise.resolve();
  // The open COPY, where the adapter keeps one open (copyStream): chunks go out as they come, until
  // the format or the column changes or RUN_BYTES have gone; with its rows' feature numbers, as
  // the database counts lines from the COPY's start.
  let run: { stream: CopyStream; format: CopyFormat; positions: number[]; bytes: number } | null = null;

  const flush = async () => {
    if (!parts.length) return;
    const format = partsFormat;
    const at = positions;
    const chunk = parts;
    parts = [];
    positions = [];
    chars = 0;
    if (tx.copyStream) return stream(chunk.length === 1 ? chunk[0] : Buffer.concat(chunk), format, at);
    const rows =
      format === 'binary'
        ? Buffer.concat([COPY_BINARY_HEADER, ...chunk, COPY_BINARY_TRAILER])
        : chunk.length === 1
          ? chunk[0]
          : Buffer.concat(chunk);
    await inFlight;
    const sent = tx.copyFrom(into, rows, format).then(
      (n) => void (report.written += n),
      (err) => {
        throw copyError(err, at, attributes);
      },
    );
    sent.catch(() => {}); // observed at the next flush or at the end
    inFlight = sent;
  };

  /** Sends a chunk on the open COPY (a new one in another format, or when this one has carried enough). */
  const stream = async (rows: Uint8Array, format: CopyFormat, at: number[]) => {
    if (run && (run.format !== format || run.bytes >= RUN_BYTES)) await endRun();
    if (!run) {
      run = { stream: tx.copyStream!(into, format), format, positions: [], bytes: 0 };
      if (format === 'binary') await send(run, COPY_BINARY_HEADER);
    }
    for (const p of at) run.positions.push(p);
    run.bytes += rows.byteLength;
    await send(run, rows);
  };

  const send = (r: NonNullable<typeof run>, rows: Uint8Array) =>
    r.stream.write(rows).catch((err: unknown) => {
      throw copyError(err, r.positions, attributes);
    });

  const endRun = async () => {
    const r = run;
    if (!r) return;
    run = null;
    if (r.format === 'binary') await send(r, COPY_BINARY_TRAILER);
    report.written += await r.stream.end().catch((err: unknown) => {
      throw copyError(err, r.positions, attributes);
    });
  };

  /** Every row formatted so far stored (before the table changes, and at the end). */
  const stored = async () => {
    await flush();
    await endRun();
    await inFlight;
  };

  /** Sends what is pending first when it is in another format than rows to come. */
  const useFormat = async (format: CopyFormat) => {
    if (parts.length && partsFormat !== format) await flush();
    partsFormat = format;
  };

  /** Makes the column hold `to`: creates the table, or widens it over the rows so far. */
  const reshape = async (to: Shape) => {
    if (sameShape(shape, to)) return;
    if (!shape) {
      const cols = attributes.map((a) => `, ${quoteIdent(a.name)} ${SQL_TYPE[a.type]}`).join('');
      await tx.query(
        `CREATE TABLE ${table} (fid integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, geom geometry(${typeName(to)}, 4326)${cols}, ${PROVED_COLUMN} boolean, ${WEB_MERCATOR_COLUMN_SQL}${checkAsLoaded ? `, ${VALID_COLUMN_SQL}` : ''})`,
      );
    } else {
      await stored();
      const promote = to.dim !== null && to.multi && !shape.multi;
      if (promote && report.written) report.promotedToMulti = true;
      // The generated column hangs on geom: dropped and made again in the same statement (one rewrite).
      const changes = [
        ...(checkAsLoaded ? [`DROP COLUMN ${VALID_COLUMN}`] : []),
        `ALTER COLUMN geom TYPE geometry(${typeName(to)}, 4326) USING ${promote ? 'ST_Multi(geom)' : 'geom'}`,
        ...(promote
          ? [`ALTER COLUMN ${WEB_MERCATOR_COLUMN} TYPE ${WEB_MERCATOR_TYPE} USING ST_Multi(${WEB_MERCATOR_COLUMN})`]
          : []),
        ...(checkAsLoaded ? [`ADD COLUMN ${VALID_COLUMN_SQL}`] : []),
      ];
      await tx.query(`ALTER TABLE ${table} ${changes.join(', ')}`);
    }
    shape = to;
  };

  /** The WKB to store for a geometry of type t in the current shape (single parts wrapped in Multi*). */
  const fitted = (wkb: Uint8Array, t: WkbType): Uint8Array => {
    if (!needsWrap(shape!, t)) return wkb;
    report.promotedToMulti = true;
    return toMulti(wkb, t);
  };

  const growBox = (b: BBox) => {
    if (b[0] < box[0]) box[0] = b[0];
    if (b[1] < box[1]) box[1] = b[1];
    if (b[2] > box[2]) box[2] = b[2];
    if (b[3] > box[3]) box[3] = b[3];
  };

  /** Rows formatted by the import process: passed on as they are, unless the column has become
   *  Multi* since they were formatted. */
  const addRows = async (b: RowBatch) => {
    const base = report.read;
    report.read += b.read;
    report.empty += b.read - b.types.length;
    if (b.types.length) {
      if (!shape) checkAsLoaded = b.unproved > 0;
      await reshape(b.types.reduce<Shape | null>((s, t) => widen(s, t as WkbType), shape)!);
      if (b.types.some((t) => needsWrap(shape!, t as WkbType))) b = rewrap(b, shape!);
      if (b.wrapped) report.promotedToMulti = true;
      growBox(b.box!);
      unprojected += b.unprojected;
      unproved += b.unproved;
      await useFormat(b.format);
      parts.push(b.rows);
      for (const o of b.offsets) positions.push(base + o + 1);
      chars += b.rows.byteLength;
      if (chars >= CHUNK_CHARS) await flush();
    }
    opts.onProgress?.(report.read);
  };

  for await (const batch of source as AsyncIterable<FeatureIn[] | RowBatch>) {
    if (!Array.isArray(batch)) {
      await addRows(batch);
      continue;
    }
    // Formatted as the import process formats a file's rows (copy-rows.ts), then loaded as those.
    for (let from = 0; from < batch.length; from += FEATURES_AT_ONCE) {
      if (from) await new Promise(setImmediate);
      const some = batch.slice(from, from + FEATURES_AT_ONCE);
      const items: RowSource[] = [];
      some.forEach((f, offset) => {
        const n = report.read + offset + 1;
        const wkb = geometryOf(f, n);
        const info = wkb && inspect(wkb, n);
        if (wkb && info && !info.empty)
          items.push({ wkb, info, values: attributes.map((a) => f.properties[a.name]), offset });
      });
      await addRows(formatRows(shape, items, some.length, attributes).batch);
    }
  }
  await stored();
  if (!shape) await reshape({ dim: null, multi: false });

  if (unprojected) await fillWebMercatorColumn(tx, table);
  const invalid = unproved > 0 ? await invalidRows(tx, table, checkAsLoaded) : [];
  const changed = invalid.length > 0 && (await repairInvalid(tx, table, shape!, report, reshape, fitted, invalid));
  await tx.query(
    `ALTER TABLE ${table} ${checkAsLoaded ? `DROP COLUMN ${VALID_COLUMN}, ` : ''}DROP COLUMN ${PROVED_COLUMN}`,
  );
  await tx.query(`CREATE INDEX ${quoteIdent(`${target.table.slice(0, 50)}_geom_idx`)} ON ${table} USING gist (geom)`);
  await followGeom(tx, table);

  const bbox = changed ? await extentOf(tx, table) : box[0] === Infinity ? null : box;
  return { report, geometryType: typeName(shape!), count: report.written, bbox };
}

function geometryOf(f: FeatureIn, n: number): Uint8Array | null {
  if (f.wkb) return f.wkb;
  if (!f.geojson) return null;
  try {
    return fromGeoJson(f.geojson);
  } catch (err) {
    throw httpError(400, `feature ${n}: its geometry is ${(err as Error).message}`);
  }
}

function inspect(wkb: Uint8Array, n: number): WkbInfo {
  try {
    return inspectWkb(wkb);
  } catch (err) {
    throw httpError(400, `feature ${n}: its geometry cannot be read (${(err as Error).message})`);
  }
}

/** Repairs the invalid rows (invalidRows) — ST_MakeValid once each, keeping the layer's
 *  dimension — and removes those left with nothing. True when any row changed. */
async function repairInvalid(
  tx: Transaction,
  table: string,
  shape: Shape,
  report: WriteReport,
  reshape: (to: Shape) => Promise<void>,
  fitted: (wkb: Uint8Array, t: WkbType) => Uint8Array,
  invalid: number[],
): Promise<boolean> {
  const fix = shape.dim === null ? 'ST_MakeValid(geom)' : `ST_CollectionExtract(ST_MakeValid(geom), ${shape.dim})`;
  const bad = (
    await tx.query<{ fid: number; wkb: Uint8Array }>(
      `SELECT fid, ST_AsBinary(${fix}) AS wkb FROM ${table} WHERE fid = ANY($1::int[])`,
      [invalid],
    )
  ).rows;
  const fixed = bad.map((r) => ({ fid: r.fid, wkb: r.wkb, info: inspectWkb(r.wkb) }));
  const gone = fixed.filter((r) => r.info.empty).map((r) => r.fid);
  const kept = fixed.filter((r) => !r.info.empty);
  await reshape(kept.reduce((s, r) => widen(s, r.info.type), shape));
  if (kept.length) {
    await tx.query(
      `UPDATE ${table} AS t SET geom = x.g, ${WEB_MERCATOR_COLUMN} = ST_Transform(x.g, ${WEB_MERCATOR})
         FROM (SELECT fid, ST_GeomFromWKB(decode(h, 'hex'), 4326) AS g FROM unnest($1::int[], $2::text[]) AS u(fid, h)) AS x
        WHERE t.fid = x.fid`,
      [kept.map((r) => r.fid), kept.map((r) => hex(fitted(r.wkb, r.info.type)))],
    );
  }
  if (gone.length) await tx.query(`DELETE FROM ${table} WHERE fid = ANY($1::int[])`, [gone]);
  report.repaired = kept.length;
  report.empty += gone.length;
  report.written -= gone.length;
  return true;
}

/** The rows that are not valid: as PostgreSQL found them while they arrived, or checked now
 *  (only those the loader did not prove). Each a query of its own: one naming ST_MakeValid or
 *  ST_IsValid over a table without statistics looks so costly to the planner that PostgreSQL
 *  JIT-compiles it (350 ms for no row at all). */
async function invalidRows(tx: Transaction, table: string, checkedAsLoaded: boolean): Promise<number[]> {
  const fids = async (sql: string, params?: unknown[]) =>
    (await tx.query<{ fid: number }>(sql, params)).rows.map((r) => r.fid);
  if (checkedAsLoaded) return fids(`SELECT fid FROM ${table} WHERE NOT ${VALID_COLUMN}`);
  const unproved = await fids(`SELECT fid FROM ${table} WHERE NOT ${PROVED_COLUMN}`);
  return unproved.length
    ? fids(`SELECT fid FROM ${table} WHERE fid = ANY($1::int[]) AND NOT ST_IsValid(geom)`, [unproved])
    : [];
}

async function extentOf(tx: Transaction, table: string): Promise<BBox | null> {
  const r = (
    await tx.query(
      `SELECT ST_XMin(e) AS minx, ST_YMin(e) AS miny, ST_XMax(e) AS maxx, ST_YMax(e) AS maxy FROM (SELECT ST_Extent(geom)::geometry AS e FROM ${table}) s`,
    )
  ).rows[0];
  return r && r.minx != null ? [r.minx, r.miny, r.maxx, r.maxy] : null;
}

/** A value PostgreSQL refused during a COPY, said as the feature and field it came from. */
function copyError(err: unknown, positions: number[], attributes: Attribute[]): unknown {
  const where = String((err as { where?: unknown })?.where ?? '');
  const m = /COPY [^,]+, line (\d+)(?:, column (\w+))?/.exec(where);
  const state = sqlState(err);
  if (!m || !state || /^(08|53|57)/.test(state)) return err;
  const column = m[2];
  const attribute = attributes.find((a) => a.name === column);
  const field =
    column === 'geom' ? ', its geometry' : attribute ? `, field "${attribute.sourceName ?? attribute.name}"` : '';
  const message = String((err as Error).message).split('\n')[0];
  return httpError(
    400,
    `feature ${positions[Number(m[1]) - 1] ?? '?'}${field}: the value cannot be stored (${message})`,
  );
}
