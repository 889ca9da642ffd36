/** The site settings file (config/simpul.yaml, or the file SIMPUL_CONFIG names): read at start,
 *  checked against config/simpul.schema.json, laid over the built-in defaults (a file may set
 *  only what differs). A wrong value stops the start with one line naming the key; nothing
 *  falls back to a default in silence. */
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { DEFAULT_SITE, type Site } from '../data/site.js';
import { validate as generatedValidate } from './settings-validate.generated.js';

/** How much each in-memory cache keeps; each cache is made by the node (server/context.ts) or
 *  by the service it belongs to, never at module level. */
export interface CacheSizes {
  wmsCapabilities: number;
  wfsCapabilities: number;
  wmtsCapabilities: number;
  cswCapabilities: number;
  ogcapiCollections: number;
  /** Metadata record indexes, one per public base URL. */
  records: number;
  tilesMB: number;
  /** Parsed stored styles. */
  styles: number;
  /** Layers whose stored styles are kept. */
  storedStyles: number;
  /** Decoded ExternalGraphic images and drawn symbols, per drawing thread. */
  imagesMB: number;
  spritesMB: number;
  signedIn: number;
  signInFailures: number;
}

export interface Limits {
  maxImagePixels: number;
  maxFeatures: number;
  defaultFeatures: number;
  maxUploadMB: number;
  /** A workspace session ends after this long unused, and this long after sign-in. */
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  caches: CacheSizes;
}

/** E-mail of the review workflow: off until an SMTP server is named. */
export interface Notifications {
  /** smtp://user:password@host:port or smtps://… ('' : no e-mail); SIMPUL_SMTP_URL wins. */
  smtp: string;
  /** The sender of the node's e-mail. */
  from: string;
}

/** Versions of a layer's data (data/layers/versions.ts). */
export interface VersionSettings {
  /** Versions kept with their data, the served one included; older ones are pruned. */
  keep: number;
}

export interface Settings extends Site {
  limits: Limits;
  notifications: Notifications;
  versions: VersionSettings;
}

export const DEFAULT_LIMITS: Limits = {
  maxImagePixels: 4096 * 4096,
  maxFeatures: 100_000,
  defaultFeatures: 1000,
  maxUploadMB: 512,
  sessionIdleMinutes: 60,
  sessionMaxHours: 12,
  caches: {
    wmsCapabilities: 500,
    wfsCapabilities: 200,
    wmtsCapabilities: 200,
    cswCapabilities: 20,
    ogcapiCollections: 200,
    records: 20,
    tilesMB: 64,
    styles: 2000,
    storedStyles: 5000,
    imagesMB: 64,
    spritesMB: 32,
    signedIn: 10_000,
    signInFailures: 10_000,
  },
};

export const DEFAULT_NOTIFICATIONS: Notifications = { smtp: '', from: 'Simpul <noreply@tangerangkota.go.id>' };

export const DEFAULT_SETTINGS: Settings = {
  ...DEFAULT_SITE,
  limits: DEFAULT_LIMITS,
  notifications: DEFAULT_NOTIFICATIONS,
  versions: { keep: 3 },
};

/** The repository's config/ folder, from the sources (server/) or the build (dist/server/). */
const CONFIG_DIR =
  [new URL('../config/', import.meta.url), new URL('../../config/', import.meta.url)]
    .map((u) => fileURLToPath(u))
    .find((d) => existsSync(`${d}simpul.schema.json`)) ?? fileURLToPath(new URL('../config/', import.meta.url));
export const DEFAULT_SETTINGS_FILE = `${CONFIG_DIR}simpul.yaml`;

type Validate = ((v: unknown) => boolean) & {
  errors?: Array<{ instancePath: string; keyword: string; params: any; parentSchema?: any; data?: unknown }> | null;
};
/** config/simpul.schema.json compiled ahead of time by ajv (standalone code, kept next to this
 *  file; a unit test checks it against the schema): loading ajv and compiling at start cost
 *  ~0.2 s a process (~1 s under tsx), this costs a few milliseconds. */
const validate = generatedValidate as Validate;

const KIND: Record<string, string> = {
  integer: 'an integer',
  number: 'a number',
  string: 'a text',
  array: 'a list',
  object: 'a mapping of keys',
  boolean: 'true or false',
};

/** What a schema node asks for, in words: "an integer >= 1", "a text matching ^https?://". */
function wanted(s: any): string {
  if (!s || typeof s !== 'object') return 'valid';
  const parts = [KIND[s.type as string] ?? 'a value'];
  if (s.minimum !== undefined) parts.push(`>= ${s.minimum}`);
  if (s.maximum !== undefined) parts.push(`<= ${s.maximum}`);
  if (s.minLength) parts.push('not empty');
  if (s.pattern) parts.push(`matching ${s.pattern}`);
  if (s.enum) parts.push(`(one of ${s.enum.join(', ')})`);
  if (s.minItems !== undefined && s.minItems === s.maxItems) parts.push(`of ${s.minItems} items`);
  else if (s.minItems) parts.push(`of at least ${s.minItems} item${s.minItems > 1 ? 's' : ''}`);
  if (s.uniqueItems) parts.push('without repeats');
  return parts.join(' ');
}

const keyOf = (path: string) =>
  path
    .replace(/^\//, '')
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.')
    .replace(/\.(\d+)(?=\.|$)/g, '[$1]');

/** One line naming the key of the first problem ajv found. */
function problem(file: string, e: NonNullable<Validate['errors']>[number]): string {
  const key = keyOf(e.instancePath);
  if (e.keyword === 'additionalProperties') {
    const extra = (key ? `${key}.` : '') + e.params.additionalProperty;
    return `${file}: ${extra} is not a setting (known: ${Object.keys(e.parentSchema?.properties ?? {}).join(', ')})`;
  }
  return `${file}: ${key || '(the file)'} must be ${wanted(e.parentSchema)} (got ${JSON.stringify(e.data)})`;
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** `over` laid on `base`: mappings merge key by key, anything else (lists too) replaces. */
function merged<T>(base: T, over: unknown): T {
  if (!isObject(base) || !isObject(over)) return (over === undefined ? base : over) as T;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = merged((base as Record<string, unknown>)[k], v);
  return out as T;
}

/** The settings of `path` (default: config/simpul.yaml; a missing default file means the
 *  built-in defaults, which equal it). Throws one line naming the file and the key. */
export function readSettings(path?: string): Settings {
  const file = path || DEFAULT_SETTINGS_FILE;
  const name = basename(file);
  if (!existsSync(file)) {
    if (!path) return DEFAULT_SETTINGS;
    throw new Error(`SIMPUL_CONFIG: no settings file ${file}`);
  }
  let doc: unknown;
  try {
    doc = parse(readFileSync(file, 'utf8'), { prettyErrors: true });
  } catch (err) {
    throw new Error(`${name}: not valid YAML: ${String((err as Error).message).split('\n')[0]}`);
  }
  if (doc === null || doc === undefined) return DEFAULT_SETTINGS;
  if (!validate(doc)) throw new Error(problem(name, validate.errors![0]));
  const s = merged(DEFAULT_SETTINGS, doc);
  const [minx, miny, maxx, maxy] = s.extent;
  if (!(minx < maxx && miny < maxy))
    throw new Error(
      `${name}: extent must be [minLon, minLat, maxLon, maxLat] with min < max (got ${JSON.stringify(s.extent)})`,
    );
  return s;
}
