/** The import process: the only place GDAL runs. It is a child process of the node (or of
 *  the CLI), so that reading a file — synchronous GDAL calls that may take minutes or crash on
 *  a hostile file — never holds the node's event loop, and GDAL's settings that keep it off
 *  the network (network-off.ts) apply to nothing else. It opens one source at a time and hands
 *  its features out batch by batch on request (import-pool.ts speaks the other side). */
import { Socket } from 'node:net';
import gdal from 'gdal-async';
import { importError, isImportError } from './errors.js';
import { locateSource } from './locate.js';
import { describeSource } from './describe-source.js';
import { NO_NETWORK_CONFIG } from './network-off.js';
import { openSource, readRows, type OpenedSource } from './read-source.js';
import { openBulk } from './bulk-read.js';
import type { ImportMessage, ImportReply, SourceInfo } from './import-protocol.js';
import { ROWS_FD } from './rows-pipe.js';

for (const [key, value] of NO_NETWORK_CONFIG) gdal.config.set(key, value);

let opened: OpenedSource | null = null;
let maxFeatures = Infinity;
let readTotal = 0;
/** Batches read ahead while the node writes the previous ones: a few, so that GDAL keeps reading
 *  while the node formats and the database stores (one was not enough: the stages took turns). */
let ahead: Array<{ layer: number; batch?: Batch; error?: unknown }> = [];
const AHEAD = 4;
let readingAhead = false;

type Batch = ReturnType<typeof readRows>;

const reply = (r: ImportReply) => process.send!(r);

/** The rows pipe (rows-pipe.ts): a batch's rows go here, its message says how many bytes. */
const rowsOut = new Socket({ fd: ROWS_FD, readable: false, writable: true });

const EMPTY = new Uint8Array(0);

/** A batch: its rows on the rows pipe, the rest as a message. */
function replyBatch(r: Extract<ImportReply, { type: 'batch' }>): void {
  if (!r.rows) {
    reply(r);
    return;
  }
  const bytes = r.rows.rows;
  rowsOut.write(bytes);
  reply({ ...r, rows: { ...r.rows, rows: EMPTY }, rowBytes: bytes.byteLength });
}

function failure(err: unknown): ImportReply {
  if (isImportError(err)) return { type: 'failed', message: err.message, status: err.status };
  const label = opened?.source.label ?? 'the file';
  return {
    type: 'failed',
    message: `${label}: cannot be read (${String((err as Error)?.message ?? err).split('\n')[0]})`,
    status: 400,
  };
}

async function close(): Promise<void> {
  // A bulk copy being made uses the dataset: it finishes first.
  await Promise.all(bulkMade.values());
  await Promise.all((opened?.layers ?? []).flatMap((l) => (l.bulk ? [l.bulk.done] : [])));
  bulkMade = new Map();
  opened?.close();
  opened = null;
  ahead = [];
  readTotal = 0;
}

/** Each layer's bulk copy being made (bulk-read.ts), so that the reads wait for the same one. */
let bulkMade = new Map<number, Promise<void>>();

/** Makes the layer's bulk copy, or settles that it is read feature by feature; once per layer. */
function bulkReady(layer: number): Promise<void> {
  const source = opened!;
  const l = source.layers[layer];
  if (l.bulk !== undefined) return Promise.resolve();
  let made = bulkMade.get(layer);
  if (!made) {
    made = openBulk(source.dataset, l, maxFeatures - readTotal).then((bulk) => {
      if (opened === source) l.bulk = bulk;
      else bulk?.close();
    });
    bulkMade.set(layer, made);
  }
  return made;
}

/** Waits until a read of the layer has features to take: its bulk copy made and grown enough. */
async function readable(layer: number): Promise<void> {
  await bulkReady(layer);
  await opened?.layers[layer]?.bulk?.more();
}

function read(layer: number): Batch {
  const source = opened!.layers[layer];
  return readRows(source, () => {
    if (++readTotal > maxFeatures)
      throw importError(
        `${opened!.source.label}: it holds more than the ${maxFeatures} features one import may write (SIMPUL_MAX_IMPORT_FEATURES)`,
        413,
      );
  });
}

async function handle(m: ImportMessage): Promise<void> {
  try {
    if (m.type === 'open') {
      await close();
      maxFeatures = m.maxFeatures;
      const located = locateSource(m.file, m.label, m.layer);
      opened = openSource(located, { layer: m.layer, srs: m.srs, encoding: m.encoding });
      const info: SourceInfo = {
        label: located.label,
        format: located.format.label,
        layers: opened.layers.map((l) => ({
          name: l.name,
          where: l.where,
          attributes: l.attributes,
          nativeSrid: l.crs.nativeSrid,
          note: l.crs.note,
          knownCount: l.knownCount,
          lineOffset: l.lineOffset,
        })),
      };
      reply({ type: 'opened', source: info });
      // The first layer is read while the node opens its transaction and creates the table.
      readAhead(0);
    } else if (m.type === 'describe') {
      await close();
      const located = locateSource(m.file, m.label, m.layer);
      reply({ type: 'described', source: describeSource(located, m) });
    } else if (m.type === 'next') {
      // Messages are handled one at a time: no close comes between this check and the read.
      if (!opened) throw new Error('no source is open');
      if (ahead[0]?.layer !== m.layer) await readable(m.layer);
      if (ahead.length && ahead[0].layer !== m.layer) ahead = [];
      const got = ahead.shift() ?? { layer: m.layer, ...attempt(() => read(m.layer)) };
      // `in`, not truthiness: a reader may throw any value, even a falsy one, and it must not pass as a batch.
      if ('error' in got) throw got.error;
      const batch = got.batch!;
      const l = opened.layers[m.layer];
      replyBatch({
        type: 'batch',
        ...batch,
        stats: batch.done
          ? { read: l.read, rejected: l.rejected, rejections: l.rejections, garbledText: l.garbledText }
          : undefined,
      });
      if (!batch.done) readAhead(m.layer);
    } else if (m.type === 'close') {
      await close();
      reply({ type: 'closed' });
    }
  } catch (err) {
    reply(failure(err));
  }
}

/** Reads the next batches of a layer, one per turn of the event loop (messages are answered in
 *  between), until AHEAD wait, the layer ends or fails, or the source is closed. */
function readAhead(layer: number): void {
  if (readingAhead) return;
  readingAhead = true;
  const source = opened;
  const step = async () => {
    await readable(layer).catch(() => {});
    const last = ahead[ahead.length - 1];
    const stop =
      !opened ||
      opened !== source ||
      ahead.length >= AHEAD ||
      (last && ('error' in last || last.batch?.done || last.layer !== layer));
    if (stop) {
      readingAhead = false;
      return;
    }
    ahead.push({ layer, ...attempt(() => read(layer)) });
    setImmediate(next);
  };
  const next = () => void step();
  setImmediate(next);
}

function attempt(fn: () => Batch): { batch?: Batch; error?: unknown } {
  try {
    return { batch: fn() };
  } catch (error) {
    return { error };
  }
}

// One message at a time, in order (a read may wait for a layer's bulk copy).
let handled = Promise.resolve();
process.on('message', (m) => {
  handled = handled.then(() => handle(m as ImportMessage));
});
// The node went away: so does its import.
process.on('disconnect', () => process.exit(0));
reply({ type: 'ready' });
