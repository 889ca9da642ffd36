/** The demo's thematic layers: synthetic, reproducible from a seed, inside the city, with
 *  Indonesian attribute names and values. Each theme says who produces it and how to make it. */
import type { Feature, Polygon, MultiPolygon, Position } from 'geojson';
import { booleanPointInPolygon } from '@turf/turf';
import type { AccessClass } from '../access.js';
import type { Attribute } from '../catalogue/layer.js';
import type { Rng } from './random.js';

export interface CityShape {
  kota: Feature<Polygon | MultiPolygon>;
  kelurahan: Array<Feature<Polygon | MultiPolygon, { kode: string; nama: string }>>;
  bbox: [number, number, number, number];
}

export interface Theme {
  organisation: string;
  localName: string;
  title: string;
  abstract: string;
  keywords: string[];
  topicCategory: string;
  accessClass: AccessClass;
  attributes: Attribute[];
  make(city: CityShape, r: Rng): Array<{ geometry: object; properties: Record<string, unknown> }>;
}

export function inCity(city: CityShape, p: Position): boolean {
  return booleanPointInPolygon(p, city.kota);
}

export function randomPoint(city: CityShape, r: Rng): Position {
  for (;;) {
    const p = [r.between(city.bbox[0], city.bbox[2]), r.between(city.bbox[1], city.bbox[3])];
    if (inCity(city, p)) return p.map((v) => Math.round(v * 1e6) / 1e6);
  }
}

export function kelurahanAt(city: CityShape, p: Position): { kode: string; nama: string } | undefined {
  return city.kelurahan.find((k) => booleanPointInPolygon(p, k))?.properties;
}

const s = (name: string): Attribute => ({ name, type: 'string' });
const i = (name: string): Attribute => ({ name, type: 'integer' });
const n = (name: string): Attribute => ({ name, type: 'number' });
const d = (name: string): Attribute => ({ name, type: 'date' });

/** A wandering line of `steps` segments of about `stepDeg`, kept inside the city. */
function walk(city: CityShape, r: Rng, steps: number, stepDeg: number): Position[] {
  const line = [randomPoint(city, r)];
  let heading = r.between(0, Math.PI * 2);
  for (let k = 0; k < steps; k++) {
    heading += r.between(-0.5, 0.5);
    const last = line[line.length - 1];
    const next = [last[0] + Math.cos(heading) * stepDeg, last[1] + Math.sin(heading) * stepDeg].map(
      (v) => Math.round(v * 1e6) / 1e6,
    );
    if (!inCity(city, next)) break;
    line.push(next);
  }
  return line.length >= 2 ? line : [line[0], [line[0][0] + stepDeg / 2, line[0][1]]];
}

const date = (r: Rng, from: number, to: number) =>
  `${r.int(from, to)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;

const JALAN = [
  'Jl. Daan Mogot',
  'Jl. MH Thamrin',
  'Jl. Sudirman',
  'Jl. Imam Bonjol',
  'Jl. Gatot Subroto',
  'Jl. KH Hasyim Ashari',
  'Jl. Raden Saleh',
  'Jl. Perintis Kemerdekaan',
  'Jl. Teuku Umar',
  'Jl. Ki Samaun',
  'Jl. Benteng Betawi',
  'Jl. Maulana Hasanudin',
  'Jl. Cisadane',
  'Jl. Ahmad Yani',
  'Jl. Hos Cokroaminoto',
];

export const THEMES: Theme[] = [
  {
    organisation: 'dpupr',
    localName: 'jalan',
    title: 'Jaringan Jalan Kota Tangerang',
    abstract: 'Ruas jalan kota beserta kelas, lebar dan kondisi perkerasan (data sintetis untuk demonstrasi).',
    keywords: ['jalan', 'transportasi', 'infrastruktur'],
    topicCategory: 'transportation',
    accessClass: 'PUBLIC',
    attributes: [s('nama_jalan'), s('kelas_jalan'), n('lebar_m'), s('kondisi'), i('jumlah_lajur')],
    make: (city, r) =>
      Array.from({ length: 400 }, (_, k) => ({
        geometry: { type: 'LineString', coordinates: walk(city, r, r.int(3, 12), 0.004) },
        properties: {
          nama_jalan: `${r.pick(JALAN)} ${k + 1}`,
          kelas_jalan: r.pick(['arteri', 'kolektor', 'lokal', 'lingkungan']),
          lebar_m: Math.round(r.between(3, 24) * 10) / 10,
          kondisi: r.pick(['baik', 'sedang', 'rusak ringan', 'rusak berat']),
          jumlah_lajur: r.pick([1, 2, 2, 4, 6]),
        },
      })),
  },
  {
    organisation: 'dindik',
    localName: 'sekolah',
    title: 'Sekolah di Kota Tangerang',
    abstract: 'Lokasi satuan pendidikan SD, SMP, SMA dan SMK dengan jumlah peserta didik (data sintetis).',
    keywords: ['pendidikan', 'sekolah', 'fasilitas umum'],
    topicCategory: 'society',
    accessClass: 'PUBLIC',
    attributes: [
      s('npsn'),
      s('nama_sekolah'),
      s('jenjang'),
      s('status_sekolah'),
      i('jumlah_siswa'),
      s('kode_kelurahan'),
      s('kelurahan'),
      d('tanggal_berdiri'),
    ],
    make: (city, r) =>
      Array.from({ length: 300 }, (_, k) => {
        const p = randomPoint(city, r);
        const kel = kelurahanAt(city, p);
        const jenjang = r.pick(['SD', 'SD', 'SD', 'SMP', 'SMP', 'SMA', 'SMK']);
        const status = r.pick(['Negeri', 'Swasta']);
        return {
          geometry: { type: 'Point', coordinates: p },
          properties: {
            npsn: String(20600000 + k * 37),
            nama_sekolah: `${jenjang} ${status} ${k + 1} ${kel?.nama ?? 'Tangerang'}`,
            jenjang,
            status_sekolah: status,
            jumlah_siswa: r.int(80, 1400),
            kode_kelurahan: kel?.kode ?? null,
            kelurahan: kel?.nama ?? null,
            tanggal_berdiri: date(r, 1950, 2020),
          },
        };
      }),
  },
  {
    organisation: 'dinkes',
    localName: 'fasilitas_kesehatan',
    title: 'Fasilitas Kesehatan Kota Tangerang',
    abstract: 'Puskesmas, rumah sakit, klinik dan posyandu dengan kapasitas tempat tidur (data sintetis).',
    keywords: ['kesehatan', 'puskesmas', 'rumah sakit'],
    topicCategory: 'health',
    accessClass: 'PUBLIC',
    attributes: [s('nama_faskes'), s('jenis_faskes'), i('tempat_tidur'), s('telepon'), s('kelurahan')],
    make: (city, r) =>
      Array.from({ length: 120 }, (_, k) => {
        const p = randomPoint(city, r);
        const jenis = r.pick(['Puskesmas', 'Rumah Sakit', 'Klinik Pratama', 'Posyandu', 'Posyandu']);
        const kel = kelurahanAt(city, p);
        return {
          geometry: { type: 'Point', coordinates: p },
          properties: {
            nama_faskes: `${jenis} ${kel?.nama ?? 'Tangerang'} ${k + 1}`,
            jenis_faskes: jenis,
            tempat_tidur: jenis === 'Rumah Sakit' ? r.int(50, 400) : jenis === 'Puskesmas' ? r.int(0, 20) : 0,
            telepon: `021-55${r.int(100000, 999999)}`,
            kelurahan: kel?.nama ?? null,
          },
        };
      }),
  },
  {
    organisation: 'dpupr',
    localName: 'penggunaan_lahan',
    title: 'Penggunaan Lahan Kota Tangerang',
    abstract:
      'Kelas penggunaan lahan per petak (permukiman, industri, perdagangan dan jasa, RTH, pertanian, badan air); data sintetis.',
    keywords: ['penggunaan lahan', 'tata ruang'],
    topicCategory: 'planningCadastre',
    accessClass: 'PUBLIC',
    attributes: [s('kelas_lahan'), n('luas_ha'), i('tahun_survei')],
    make: (city, r) => {
      const out: Array<{ geometry: object; properties: Record<string, unknown> }> = [];
      const step = 0.006;
      for (let x = city.bbox[0]; x < city.bbox[2]; x += step) {
        for (let y = city.bbox[1]; y < city.bbox[3]; y += step) {
          const c = [x + step / 2, y + step / 2];
          if (!inCity(city, c)) continue;
          const j = () => r.between(-step * 0.15, step * 0.15);
          const ring = [
            [x + j(), y + j()],
            [x + step + j(), y + j()],
            [x + step + j(), y + step + j()],
            [x + j(), y + step + j()],
          ].map((p) => p.map((v) => Math.round(v * 1e6) / 1e6));
          ring.push(ring[0]);
          out.push({
            geometry: { type: 'Polygon', coordinates: [ring] },
            properties: {
              kelas_lahan: r.pick([
                'permukiman',
                'permukiman',
                'permukiman',
                'industri',
                'perdagangan dan jasa',
                'ruang terbuka hijau',
                'pertanian',
                'badan air',
              ]),
              luas_ha: Math.round(step * step * 12321 * 100 * 100) / 100,
              tahun_survei: r.pick([2022, 2023, 2024]),
            },
          });
        }
      }
      return out;
    },
  },
  {
    organisation: 'dpupr',
    localName: 'saluran_drainase',
    title: 'Saluran Drainase Kota Tangerang',
    abstract: 'Saluran drainase primer, sekunder dan tersier dengan lebar dan kondisi (data sintetis).',
    keywords: ['drainase', 'banjir', 'sumber daya air'],
    topicCategory: 'inlandWaters',
    accessClass: 'PUBLIC',
    attributes: [s('nama_saluran'), s('jenis_saluran'), n('lebar_m'), s('kondisi')],
    make: (city, r) =>
      Array.from({ length: 200 }, (_, k) => ({
        geometry: { type: 'LineString', coordinates: walk(city, r, r.int(2, 8), 0.003) },
        properties: {
          nama_saluran: `Saluran ${r.pick(['Cisadane', 'Mookervart', 'Angke', 'Sabi', 'Cirarab', 'Ledug'])} ${k + 1}`,
          jenis_saluran: r.pick(['primer', 'sekunder', 'tersier', 'tersier']),
          lebar_m: Math.round(r.between(0.5, 8) * 10) / 10,
          kondisi: r.pick(['baik', 'sedimentasi', 'rusak']),
        },
      })),
  },
  {
    organisation: 'bpkad',
    localName: 'aset_tanah',
    title: 'Aset Tanah Pemerintah Kota Tangerang',
    abstract: 'Bidang tanah milik Pemerintah Kota dengan nomor sertifikat (terbatas untuk pemerintah; data sintetis).',
    keywords: ['aset', 'tanah', 'barang milik daerah'],
    topicCategory: 'planningCadastre',
    accessClass: 'GOVERNMENT',
    attributes: [s('kode_aset'), s('nama_aset'), s('nomor_sertifikat'), n('luas_m2')],
    make: (city, r) =>
      Array.from({ length: 60 }, (_, k) => ({
        geometry: { type: 'Point', coordinates: randomPoint(city, r) },
        properties: {
          kode_aset: `1.3.1.${String(k + 1).padStart(4, '0')}`,
          nama_aset: r.pick([
            'Tanah Kantor Kelurahan',
            'Tanah Sekolah',
            'Tanah Taman Kota',
            'Tanah Pasar',
            'Tanah Puskesmas',
          ]),
          nomor_sertifikat: `HP.${r.int(100, 9999)}`,
          luas_m2: r.int(200, 20000),
        },
      })),
  },
  {
    organisation: 'dinsos',
    localName: 'penerima_bantuan',
    title: 'Penerima Bantuan Sosial',
    abstract: 'Lokasi rumah tangga penerima bantuan sosial (data pribadi, hanya untuk Dinas Sosial; data sintetis).',
    keywords: ['bantuan sosial', 'DTKS'],
    topicCategory: 'society',
    accessClass: 'PRIVATE',
    attributes: [s('id_dtks'), s('jenis_bantuan'), i('jumlah_anggota'), s('kelurahan')],
    make: (city, r) =>
      Array.from({ length: 80 }, (_, k) => {
        const p = randomPoint(city, r);
        return {
          geometry: { type: 'Point', coordinates: p },
          properties: {
            id_dtks: `3671${String(k + 1).padStart(8, '0')}`,
            jenis_bantuan: r.pick(['PKH', 'BPNT', 'BLT', 'PBI-JK']),
            jumlah_anggota: r.int(1, 8),
            kelurahan: kelurahanAt(city, p)?.nama ?? null,
          },
        };
      }),
  },
];

/** Titles for the extra layers of `simpul demo --layers N` (the city's real scale is 2,491). */
export const EXTRA_THEMES: Array<[slug: string, title: string, topic: string]> = [
  ['titik_rawan_banjir', 'Titik Rawan Banjir', 'inlandWaters'],
  ['halte_bus', 'Halte Bus', 'transportation'],
  ['taman_kota', 'Taman Kota', 'environment'],
  ['pasar', 'Pasar Tradisional', 'economy'],
  ['masjid', 'Masjid', 'society'],
  ['menara_telekomunikasi', 'Menara Telekomunikasi', 'utilitiesCommunication'],
  ['pju', 'Penerangan Jalan Umum', 'utilitiesCommunication'],
  ['cctv', 'Kamera CCTV', 'utilitiesCommunication'],
  ['hidran', 'Hidran Kebakaran', 'utilitiesCommunication'],
  ['posyandu', 'Posyandu', 'health'],
  ['umkm', 'Sebaran UMKM', 'economy'],
  ['industri', 'Kawasan Industri', 'economy'],
  ['tps', 'Tempat Pembuangan Sementara', 'environment'],
  ['bank_sampah', 'Bank Sampah', 'environment'],
  ['sumur_resapan', 'Sumur Resapan', 'inlandWaters'],
  ['pintu_air', 'Pintu Air', 'inlandWaters'],
  ['cagar_budaya', 'Cagar Budaya', 'society'],
  ['hotel', 'Hotel dan Penginapan', 'economy'],
  ['perpustakaan', 'Perpustakaan', 'society'],
  ['rusunawa', 'Rumah Susun Sewa', 'structure'],
];
