/** The README's configuration tables list every environment variable the code reads and every
 *  key of the settings file: a new one that is not documented fails here. */
import { expect } from 'chai';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const ROOT = new URL('../../', import.meta.url).pathname;
const FOLDERS = ['server', 'ogc', 'tiles', 'styles', 'data', 'bin', 'scripts', 'test', 'bench', '.ci'];
const CODE = /\.(ts|js|cjs|mjs|sh)$|^run$/;

function files(dir: string): string[] {
  let out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || (name.startsWith('.') && dir !== ROOT)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out = out.concat(files(path));
    else if (CODE.test(name)) out.push(path);
  }
  return out;
}

/** Variables read in `text`: process.env.X / process.env['X'], `env.X` and `(env, 'X'` in the
 *  configuration, `${X}` / `$X` in shell scripts, and any SIMPUL_ name at all. */
function readVariables(path: string, text: string): string[] {
  const names = new Set<string>();
  const add = (re: RegExp) => {
    for (const m of text.matchAll(re)) names.add(m[1]);
  };
  add(/process\.env(?:\.|\[['"])([A-Za-z_][A-Za-z0-9_]*)/g);
  add(/\b(SIMPUL_[A-Z0-9_]*[A-Z0-9])\b/g);
  if (path.endsWith('server/config.ts')) {
    add(/\benv\.([A-Z][A-Z0-9_]+)/g);
    add(/\(env, '([A-Z][A-Z0-9_]+)'/g);
  }
  if (/\.sh$|\/run$/.test(path)) add(/\$\{?(SIMPUL_[A-Z0-9_]+|DATABASE_URL|REDIS_URL|PORT|HOST)\b/g);
  return [...names];
}

/** Dotted paths of a settings document's leaves (lists are leaves). */
function keys(doc: unknown, prefix = ''): string[] {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return [prefix];
  return Object.entries(doc).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('README configuration tables', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(
    readme.indexOf('## Configuration'),
    readme.indexOf('\n## ', readme.indexOf('## Configuration') + 5),
  );
  /** The first cell of every table row, split on commas: `a`, `b` → a, b. */
  const documented = new Set(
    section
      .split('\n')
      .filter((l) => l.startsWith('| `'))
      .flatMap((l) => [...l.split('|')[1].matchAll(/`([^`]+)`/g)].map((m) => m[1])),
  );

  it('lists every environment variable the code reads', () => {
    const self = new URL(import.meta.url).pathname;
    const read = new Map<string, string>();
    for (const dir of FOLDERS) {
      let list: string[];
      try {
        list = files(join(ROOT, dir));
      } catch {
        continue;
      }
      for (const path of list) {
        if (path === self) continue;
        for (const name of readVariables(path, readFileSync(path, 'utf8')))
          if (!read.has(name)) read.set(name, path.slice(ROOT.length));
      }
    }
    // Set for child processes (tools, GDAL), never read by Simpul.
    const notOurs = new Set(['NODE_ENV', 'NODE_OPTIONS', 'PATH', 'HOME']);
    const missing = [...read]
      .filter(([name]) => !documented.has(name) && !notOurs.has(name))
      .map(([name, where]) => `${name} (${where})`);
    expect(missing, 'variables the README configuration tables do not list').to.deep.equal([]);
    for (const known of [
      'SIMPUL_DEFAULT_FEATURES',
      'SIMPUL_CACHE_DIR',
      'SIMPUL_DEBUG',
      'SIMPUL_PASSWORD',
      'SIMPUL_CONFIG',
    ])
      expect(read.has(known), known).to.equal(true);
  });

  it('lists every key of the settings file, and the file every key of the schema', () => {
    const settings = parse(readFileSync(join(ROOT, 'config/simpul.yaml'), 'utf8'));
    // `a.b.x`, `.y` in one cell document a.b.x and a.b.y.
    const expanded = new Set(documented);
    for (const cell of section
      .split('\n')
      .filter((l) => l.startsWith('| `'))
      .map((l) => [...l.split('|')[1].matchAll(/`([^`]+)`/g)].map((m) => m[1]))) {
      const head = cell[0].replace(/\.[^.]+$/, '');
      for (const c of cell.slice(1)) if (c.startsWith('.')) expanded.add(head + c);
    }
    const missing = keys(settings).filter((k) => !expanded.has(k));
    expect(missing, 'settings the README does not list').to.deep.equal([]);

    const schema = JSON.parse(readFileSync(join(ROOT, 'config/simpul.schema.json'), 'utf8'));
    const resolve = (s: any): any => (s?.$ref ? schema.definitions[s.$ref.split('/').pop()] : s);
    const schemaKeys = (s: any, prefix = ''): string[] => {
      s = resolve(s);
      if (s?.type !== 'object') return [prefix];
      return Object.entries(s.properties ?? {}).flatMap(([k, v]) => schemaKeys(v, prefix ? `${prefix}.${k}` : k));
    };
    expect(schemaKeys(schema).sort()).to.deep.equal(keys(settings).sort());
  });
});
