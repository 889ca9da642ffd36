/** `simpul import FILE --org CODE --name NAME …`: loads a file through GDAL into a layer. */
import { ACCESS_CLASSES, type AccessClass } from '../../data/access.js';
import { prepareImport, runImport, type ImportResult } from '../../data/import/import-file.js';
import { importPool } from '../../data/import/import-pool.js';
import { loadConfig } from '../config.js';
import { usage, args, progress, withContext } from './common.js';
import { callerPath, cliScope, say } from './scope.js';

const USAGE =
  'usage: simpul import FILE --org CODE --name NAME [--title T] [--abstract A] [--keywords k1,k2] [--srs EPSG:N] [--layer SRC] [--encoding CP1252] [--publish] [--access CLASS] [--replace] [--json] [--progress]';

/** Without a terminal, --progress prints a line every so many features (for logs and tests). */
const PROGRESS_LINE_EVERY = 10_000;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = args(argv, {
    org: { type: 'string' },
    name: { type: 'string' },
    title: { type: 'string' },
    abstract: { type: 'string' },
    keywords: { type: 'string' },
    srs: { type: 'string' },
    layer: { type: 'string' },
    encoding: { type: 'string' },
    publish: { type: 'boolean' },
    access: { type: 'string' },
    replace: { type: 'boolean' },
    json: { type: 'boolean' },
    progress: { type: 'boolean' },
  });
  const [file] = positionals;
  if (!file || !values.org || !values.name || positionals.length > 1) throw usage(USAGE);
  const access = values.access?.toUpperCase() as AccessClass | undefined;
  if (access && !ACCESS_CLASSES.includes(access)) throw usage(`--access must be one of ${ACCESS_CLASSES.join(', ')}`);

  let bar: ReturnType<typeof progress> | undefined;
  let lastLine = 0;
  const readBy = new Map<string, number>();
  // The file is checked before the database is opened: a wrong file fails at once. Through a
  // serving node's admin channel the node reads the file from its path (same machine) with its
  // own import pool.
  // Progress arrives from the import process's events, outside this call's async scope: keep it.
  const scope = cliScope();
  const config = scope.ctx?.config ?? loadConfig();
  // The node's modules load while the import process starts and opens the file (withContext
  // needs them next; a serving node has them already).
  if (!scope.ctx) void import('../serve.js').catch(() => {});
  const prepared = await guard(() =>
    prepareImport({
      file: callerPath(file),
      organisation: values.org!,
      name: values.name!,
      title: values.title,
      abstract: values.abstract,
      keywords: values.keywords
        ?.split(',')
        .map((k) => k.trim())
        .filter(Boolean),
      srs: values.srs,
      layer: values.layer,
      encoding: values.encoding,
      accessClass: access,
      status: values.publish ? 'published' : undefined,
      replace: values.replace,
      keepVersions: config.keepVersions,
      maxFeatures: config.maxImportFeatures,
      pool: importPool(config.importProcesses, config.importQueue),
      onProgress: (layer, read) => {
        readBy.set(layer, read);
        const sum = [...readBy.values()].reduce((a, b) => a + b, 0);
        bar?.update(sum);
        if (values.progress && !scope.tty && sum - lastLine >= PROGRESS_LINE_EVERY) {
          lastLine = sum;
          scope.err(`${layer}: ${read} features read\n`);
        }
      },
    }),
  );
  const total = prepared.source.layers.reduce(
    (n, l) => (n === undefined || l.knownCount === null ? undefined : n + l.knownCount),
    0 as number | undefined,
  );
  bar = progress(`importing ${file}`, total);
  try {
    const result = await withContext((ctx) => guard(() => runImport(ctx.db, prepared)));
    bar.done();
    say(values.json ? JSON.stringify(result, null, 2) + '\n' : describe(result));
    return 0;
  } finally {
    bar.done();
    prepared.close();
  }
}

/** Import errors are the user's to fix: one line, no trace. */
function guard<T>(fn: () => T): T {
  try {
    const out = fn();
    return out instanceof Promise
      ? (out.catch((err) => {
          throw err;
        }) as T)
      : out;
  } catch (err) {
    throw err;
  }
}

/** The report people read: one line per layer, then what they should look at. */
function describe(result: ImportResult): string {
  const lines: string[] = [];
  for (const { layer, report: r } of result.layers) {
    lines.push(
      `${layer.name}: ${r.read} read, ${r.written} written, ${r.repaired} repaired, ${r.rejected} rejected, ${r.empty} empty` +
        ` (${result.format}, EPSG:${r.nativeSrid}, ${layer.geometryType}, ${layer.status})`,
    );
    if (r.version?.status === 'pending')
      lines.push(
        `  new data is version ${r.version.number}, waiting for review (verify-version, publish-version); version ${layer.version} is still served`,
      );
    if (r.promotedToMulti) lines.push('  single and multi-part geometries mixed: all stored as multi-part');
    if (r.note) lines.push(`  note: ${r.note}`);
    for (const x of r.rejections)
      lines.push(`  rejected feature ${x.feature}${x.line ? ` (line ${x.line})` : ''}: ${x.reason}`);
    if (r.rejected > r.rejections.length) lines.push(`  … and ${r.rejected - r.rejections.length} more rejected`);
  }
  return lines.join('\n') + '\n';
}
