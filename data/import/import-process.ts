/** The import process: the only place GDAL runs. It is a child process of the node (or of
 *  the CLI), so that reading a file — synchronous GDAL calls that may take minutes or crash on
 *  a hostile file — never holds the node's event loop, and GDAL's settings that keep it off
 *  the network (network-off.ts) apply to nothing else. It opens one source at a time and hands
 *  its features out batch by batch on request (import-pool.ts speaks the other side). */
import gdal from 'gdal-async';
import { importError, isImportError } from './errors.js';
import { locateSource } from './locate.js';
import { NO_NETWORK_CONFIG } from './network-off.js';
import { openSource, readBatch, type FeatureBatch, type OpenedSource } from './read-source.js';
import type { ImportMessage, ImportReply, SourceInfo } from './import-protocol.js';

for (const [key, value] of NO_NETWORK_CONFIG) gdal.config.set(key, value);

let opened: OpenedSource | null = null;
let maxFeatures = Infinity;
let readTotal = 0;
/** The batch read ahead while the node writes the previous one. */
let ahead: { layer: number; batch?: FeatureBatch; error?: unknown } | null = null;

const reply = (r: ImportReply) => process.send!(r);

function failure(err: unknown): ImportReply {
  if (isImportError(err)) return { type: 'failed', message: err.message, status: err.status };
  const label = opened?.source.label ?? 'the file';
  return { type: 'failed', message: `${label}: cannot be read (${String((err as Error)?.message ?? err).split('\n')[0]})`, status: 400 };
}

function close(): void {
  opened?.close();
  opened = null;
  ahead = null;
  readTotal = 0;
}

function read(layer: number): FeatureBatch {
  const source = opened!.layers[layer];
  return readBatch(source, () => {
    if (++readTotal > maxFeatures) throw importError(`${opened!.source.label}: it holds more than the ${maxFeatures} features one import may write (SIMPUL_MAX_IMPORT_FEATURES)`, 413);
  });
}

function handle(m: ImportMessage): void {
  try {
    if (m.type === 'open') {
      close();
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
    } else if (m.type === 'next') {
      if (!opened) throw new Error('no source is open');
      const got = ahead?.layer === m.layer ? ahead : { layer: m.layer, ...attempt(() => read(m.layer)) };
      ahead = null;
      // `in`, not truthiness: a reader may throw any value, even a falsy one, and it must not pass as a batch.
      if ('error' in got) throw got.error;
      const batch = got.batch!;
      const l = opened.layers[m.layer];
      reply({ type: 'batch', ...batch, stats: batch.done ? { read: l.read, rejected: l.rejected, rejections: l.rejections, garbledText: l.garbledText } : undefined });
      // Read the next batch while the node writes this one.
      if (!batch.done) setImmediate(() => void (opened && !ahead && (ahead = { layer: m.layer, ...attempt(() => read(m.layer)) })));
    } else if (m.type === 'close') {
      close();
      reply({ type: 'closed' });
    }
  } catch (err) {
    reply(failure(err));
  }
}

function attempt(fn: () => FeatureBatch): { batch?: FeatureBatch; error?: unknown } {
  try {
    return { batch: fn() };
  } catch (error) {
    return { error };
  }
}

process.on('message', (m) => handle(m as ImportMessage));
// The node went away: so does its import.
process.on('disconnect', () => process.exit(0));
reply({ type: 'ready' });
