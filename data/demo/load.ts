/** `simpul demo`: Bappeda's reference boundaries of Kota Tangerang (real, with Kemendagri
 *  codes) and synthetic thematic layers of several agencies, all through the same layer writer
 *  as an import. Layers already present are left as they are, so it can run twice. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bbox as turfBbox } from '@turf/turf';
import type { Db } from '../db/types.js';
import type { Catalogue } from '../catalogue/catalogue.js';
import type { Attribute } from '../catalogue/layer.js';
import { ORGANISATIONS } from '../organisations.js';
import { writeLayer, type FeatureIn } from '../layers/write.js';
import { rng } from './random.js';
import { EXTRA_THEMES, THEMES, kelurahanAt, randomPoint, type CityShape, type Theme } from './themes.js';

const DIR = fileURLToPath(new URL('./tangerang/', import.meta.url)).replace('/dist/data/', '/data/');

export function readCity(): { kota: any; kecamatan: any; kelurahan: any; city: CityShape } {
  const read = (f: string) => JSON.parse(readFileSync(`${DIR}${f}.geojson`, 'utf8'));
  const kota = read('kota');
  const kecamatan = read('kecamatan');
  const kelurahan = read('kelurahan');
  const city: CityShape = {
    kota: kota.features[0],
    kelurahan: kelurahan.features,
    bbox: turfBbox(kota) as CityShape['bbox'],
  };
  return { kota, kecamatan, kelurahan, city };
}

/** A theme with its features made. */
type DemoLayer = Omit<Theme, 'make'> & { features: ReturnType<Theme['make']> };

const REF_ATTRS: Attribute[] = [
  { name: 'kode', type: 'string' },
  { name: 'nama', type: 'string' },
];
const NOTICE = 'Batas administrasi dari cahyadsn/wilayah_boundaries (MIT), kode Kemendagri; poligon disederhanakan.';

type Place = { name: string; code: string };

/** Place keywords of a point layer: the city, then the kecamatan and kelurahan its points lie in
 *  (Kemendagri names and codes), for the catalogue's place facets. At most 50, as the metadata
 *  editor allows: a layer spread over more kelurahan keeps the city and its kecamatan only. */
function placesOf(features: DemoLayer['features'], city: CityShape, kota: Place, kecamatan: Map<string, string>) {
  const kel = new Map<string, Place>();
  for (const f of features) {
    const g = f.geometry as { type: string; coordinates: number[] };
    if (g.type !== 'Point') return undefined;
    const k = kelurahanAt(city, g.coordinates);
    if (k) kel.set(k.kode, { name: k.nama, code: k.kode });
  }
  const kecCodes = [...new Set([...kel.keys()].map((c) => c.split('.').slice(0, 3).join('.')))].sort();
  const kec = kecCodes.map((code) => ({ name: kecamatan.get(code) ?? code, code }));
  const kelSorted = [...kel.values()].sort((a, b) => a.code.localeCompare(b.code));
  const all = [kota, ...kec, ...kelSorted];
  return all.length <= 50 ? all : [kota, ...kec];
}

export interface DemoOptions {
  /** Extra small layers spread over the 43 organisations (the city's scale is 2,491). */
  extraLayers?: number;
  seed?: number;
  quiet?: boolean;
  onLayer?: (name: string, done: number, total: number) => void;
}

export async function loadDemo(
  db: Db,
  catalogue: Catalogue,
  opts: DemoOptions = {},
): Promise<{ created: string[]; skipped: string[] }> {
  const { kota, kecamatan, kelurahan, city } = readCity();
  const r = rng(opts.seed ?? 3671);
  const ref = (localName: string, title: string, fc: any): DemoLayer => ({
    organisation: 'bappeda',
    localName,
    title,
    abstract: `${title} dengan kode wilayah Kemendagri. ${NOTICE}`,
    keywords: ['batas administrasi', 'kode referensi', 'Kota Tangerang'],
    topicCategory: 'boundaries',
    accessClass: 'PUBLIC',
    attributes: REF_ATTRS,
    features: fc.features,
  });
  const layers: DemoLayer[] = [
    ref('batas_kota', 'Batas Kota Tangerang', kota),
    ref('batas_kecamatan', 'Batas Kecamatan Kota Tangerang', kecamatan),
    ref('batas_kelurahan', 'Batas Kelurahan Kota Tangerang', kelurahan),
    ...THEMES.map((t) => ({ ...t, features: t.make(city, r) })),
  ];
  const extra = opts.extraLayers ?? 0;
  const orgs = ORGANISATIONS.map((o) => o.code);
  for (let k = 0; k < extra; k++) {
    const [slug, title, topic] = EXTRA_THEMES[k % EXTRA_THEMES.length];
    const org = orgs[k % orgs.length];
    const n = r.int(3, 15);
    layers.push({
      organisation: org,
      localName: `${slug}_${String(k + 1).padStart(4, '0')}`,
      title: `${title} ${k + 1} — ${ORGANISATIONS[k % orgs.length].shortName}`,
      abstract: `${title} yang dikelola ${ORGANISATIONS[k % orgs.length].name} (layer demo ${k + 1}, data sintetis).`,
      keywords: [slug.replace(/_/g, ' '), 'demo'],
      topicCategory: topic,
      accessClass: 'PUBLIC',
      attributes: [
        { name: 'nama', type: 'string' },
        { name: 'keterangan', type: 'string' },
        { name: 'nilai', type: 'integer' },
      ],
      features: Array.from({ length: n }, (_, i) => ({
        geometry: { type: 'Point', coordinates: randomPoint(city, r) },
        properties: { nama: `${title} ${i + 1}`, keterangan: 'data sintetis', nilai: r.int(1, 100) },
      })),
    });
  }

  const kotaPlace: Place = { name: kota.features[0].properties.nama, code: kota.features[0].properties.kode };
  const kecNames = new Map<string, string>(
    kecamatan.features.map((f: any) => [f.properties.kode, f.properties.nama] as [string, string]),
  );
  const created: string[] = [];
  const skipped: string[] = [];
  let done = 0;
  for (const l of layers) {
    const name = `${l.organisation}:${l.localName}`;
    done++;
    if (catalogue.unguardedGet(name)) {
      skipped.push(name);
      continue;
    }
    const batch: FeatureIn[] = l.features.map((f) => ({ geojson: f.geometry, properties: f.properties }));
    const places = placesOf(l.features, city, kotaPlace, kecNames);
    await writeLayer(
      db,
      {
        organisation: l.organisation,
        localName: l.localName,
        title: l.title,
        abstract: l.abstract,
        keywords: l.keywords,
        nativeSrid: 4326,
        accessClass: l.accessClass,
        status: 'published',
        attributes: l.attributes,
        metadata: {
          topicCategory: l.topicCategory,
          lineage:
            l.organisation === 'bappeda'
              ? NOTICE
              : 'Data sintetis yang dibangkitkan dengan benih tetap untuk demonstrasi Simpul.',
          maintenance: 'asNeeded',
          licence: 'https://creativecommons.org/licenses/by/4.0/',
          ...(places && { placeKeywords: places }),
        },
      },
      [batch],
    );
    created.push(name);
    opts.onLayer?.(name, done, layers.length);
  }
  await catalogue.reload();
  return { created, skipped };
}
