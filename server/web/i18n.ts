/** Every string a person reads on the portal pages, Indonesian and English, in one table.
 *  Indonesian by default; `?lang=en` switches and a `lang` cookie remembers the choice. */

export const LANGS = ['id', 'en'] as const;
export type Lang = (typeof LANGS)[number];

const STRINGS = {
  siteName: ['Simpul {place}', 'Simpul {place}'],
  tagline: ['Simpul jaringan geospasial — Satu Data Satu Peta', 'Geospatial network node — One Data One Map'],
  skip: ['Lompat ke isi', 'Skip to content'],
  navCatalogue: ['Katalog', 'Catalogue'],
  navMap: ['Peta', 'Map'],
  navServices: ['Layanan', 'Services'],
  navApi: ['OGC API', 'OGC API'],
  navWorkspace: ['Ruang kerja', 'Workspace'],
  switchLang: ['English', 'Bahasa Indonesia'],
  footer: [
    'Dikelola oleh {provider}. Data dan layanan terbuka sesuai lisensi tiap dataset.',
    'Run by {provider}. Data and services are open as each dataset’s licence says.',
  ],
  searchLabel: ['Cari dataset', 'Search datasets'],
  searchPlaceholder: ['mis. sekolah, jalan, banjir', 'e.g. sekolah, jalan, banjir'],
  searchButton: ['Cari', 'Search'],
  sortLabel: ['Urutkan', 'Sort by'],
  sort_relevance: ['Relevansi', 'Relevance'],
  sort_title: ['Judul', 'Title'],
  sort_date: ['Terbaru', 'Newest'],
  results: ['{n} dataset', '{n} datasets'],
  resultsFor: ['{n} dataset untuk “{q}”', '{n} datasets for “{q}”'],
  noResults: [
    'Tidak ada dataset yang cocok. Coba kata lain atau hapus filter.',
    'No dataset matches. Try another word or clear the filters.',
  ],
  clearFilters: ['Hapus semua filter', 'Clear all filters'],
  filters: ['Saring', 'Filter'],
  apply: ['Terapkan', 'Apply'],
  facet_org: ['Organisasi', 'Organisation'],
  facet_topic: ['Topik ISO', 'ISO topic'],
  facet_kugi: ['Kategori KUGI', 'KUGI category'],
  facet_geom: ['Jenis geometri', 'Geometry type'],
  facet_year: ['Tahun pembaruan', 'Year updated'],
  facet_kecamatan: ['Kecamatan', 'District (kecamatan)'],
  facet_kelurahan: ['Kelurahan', 'Village (kelurahan)'],
  facet_access: ['Kelas akses', 'Access class'],
  page: ['Halaman {p} dari {n}', 'Page {p} of {n}'],
  prev: ['Sebelumnya', 'Previous'],
  next: ['Berikutnya', 'Next'],
  features: ['{n} fitur', '{n} features'],
  updated: ['Diperbarui', 'Updated'],
  servicesTitle: ['Alamat layanan', 'Service addresses'],
  servicesHelp: [
    'Salin alamat persis seperti tertulis ke aplikasi Anda.',
    'Paste the address exactly as shown into your software.',
  ],
  service: ['Layanan', 'Service'],
  other: ['Lainnya', 'Other'],
  // Dataset page
  organisation: ['Organisasi', 'Organisation'],
  contact: ['Kontak', 'Contact'],
  dates: ['Tanggal', 'Dates'],
  created: ['Dibuat', 'Created'],
  published: ['Diterbitkan', 'Published'],
  licence: ['Lisensi', 'Licence'],
  useConstraints: ['Batasan penggunaan', 'Use constraints'],
  lineage: ['Riwayat data', 'Lineage'],
  notGiven: ['Belum diisi', 'Not given'],
  topic: ['Topik', 'Topic'],
  keywords: ['Kata kunci', 'Keywords'],
  extent: ['Cakupan', 'Extent'],
  crs: ['Sistem koordinat asli', 'Native coordinate system'],
  geometry: ['Geometri', 'Geometry'],
  preview: ['Pratinjau peta', 'Map preview'],
  legend: ['Legenda', 'Legend'],
  attributes: ['Atribut', 'Attributes'],
  attrName: ['Nama', 'Name'],
  attrType: ['Tipe', 'Type'],
  attrDescription: ['Keterangan', 'Description'],
  sample: ['Contoh baris', 'Sample rows'],
  downloads: ['Unduh', 'Download'],
  addresses: ['Alamat layanan', 'Service addresses'],
  copy: ['Salin', 'Copy'],
  copied: ['Tersalin', 'Copied'],
  // Steps next to each service address of a dataset page (steps_<service>_<client>).
  steps_wms_qgis: [
    'Layer ▸ Add Layer ▸ Add WMS/WMTS Layer ▸ New, tempel alamat, OK ▸ Connect, pilih {name}, Add.',
    'Layer ▸ Add Layer ▸ Add WMS/WMTS Layer ▸ New, paste the address, OK ▸ Connect, pick {name}, Add.',
  ],
  steps_wms_arcgis: [
    'Insert ▸ Connections ▸ Server ▸ New WMS Server, tempel alamat, OK; di Catalog ▸ Servers seret {name} ke peta.',
    'Insert ▸ Connections ▸ Server ▸ New WMS Server, paste the address, OK; in Catalog ▸ Servers drag {name} onto the map.',
  ],
  steps_wfs_qgis: [
    'Layer ▸ Add Layer ▸ Add WFS / OGC API - Features Layer ▸ New, tempel alamat, OK ▸ Connect, pilih {name}, Add.',
    'Layer ▸ Add Layer ▸ Add WFS / OGC API - Features Layer ▸ New, paste the address, OK ▸ Connect, pick {name}, Add.',
  ],
  steps_wfs_arcgis: [
    'Insert ▸ Connections ▸ Server ▸ New WFS Server, tempel alamat, OK; di Catalog ▸ Servers seret {name} ke peta.',
    'Insert ▸ Connections ▸ Server ▸ New WFS Server, paste the address, OK; in Catalog ▸ Servers drag {name} onto the map.',
  ],
  steps_wmts_qgis: [
    'Layer ▸ Add Layer ▸ Add WMS/WMTS Layer ▸ New, tempel alamat, OK ▸ Connect, tab Tilesets, pilih {name}, Add.',
    'Layer ▸ Add Layer ▸ Add WMS/WMTS Layer ▸ New, paste the address, OK ▸ Connect, Tilesets tab, pick {name}, Add.',
  ],
  steps_wmts_arcgis: [
    'Insert ▸ Connections ▸ Server ▸ New WMTS Server, tempel alamat, OK; di Catalog ▸ Servers seret {name} ke peta.',
    'Insert ▸ Connections ▸ Server ▸ New WMTS Server, paste the address, OK; in Catalog ▸ Servers drag {name} onto the map.',
  ],
  steps_ogcapi_qgis: [
    'Layer ▸ Add Layer ▸ Add WFS / OGC API - Features Layer ▸ New, jenis OGC API - Features, alamat {base}/ogcapi, OK ▸ Connect, pilih {name}, Add.',
    'Layer ▸ Add Layer ▸ Add WFS / OGC API - Features Layer ▸ New, type OGC API - Features, address {base}/ogcapi, OK ▸ Connect, pick {name}, Add.',
  ],
  steps_ogcapi_arcgis: [
    'Insert ▸ Connections ▸ Server ▸ New OGC API Server, alamat {base}/ogcapi, OK; di Catalog ▸ Servers seret {name} ke peta.',
    'Insert ▸ Connections ▸ Server ▸ New OGC API Server, address {base}/ogcapi, OK; in Catalog ▸ Servers drag {name} onto the map.',
  ],
  steps_xyz_qgis: [
    'Panel Browser ▸ XYZ Tiles ▸ New Connection, tempel alamat di URL, OK, lalu klik dua kali sambungan itu.',
    'Browser panel ▸ XYZ Tiles ▸ New Connection, paste the address as URL, OK, then double-click the connection.',
  ],
  steps_xyz_arcgis: [
    'Map ▸ Add Data ▸ Data From Path, tempel alamat dengan {z}/{x}/{y} ditulis {level}/{col}/{row}, Add.',
    'Map ▸ Add Data ▸ Data From Path, paste the address with {z}/{x}/{y} written as {level}/{col}/{row}, Add.',
  ],
  steps_mvt_qgis: [
    'Panel Browser ▸ Vector Tiles ▸ New Generic Connection, tempel alamat di URL, OK, lalu klik dua kali sambungan itu.',
    'Browser panel ▸ Vector Tiles ▸ New Generic Connection, paste the address as URL, OK, then double-click the connection.',
  ],
  steps_mvt_arcgis: [
    'ArcGIS Pro tidak membaca ubin vektor dari alamat ini; pakai WMS atau WMTS di atas.',
    'ArcGIS Pro does not read vector tiles from this address; use WMS or WMTS above.',
  ],
  useIn: ['Cara memakai', 'How to use it'],
  metadataLinks: ['Metadata', 'Metadata'],
  iso: ['ISO 19139 (XML, CSW)', 'ISO 19139 (XML, CSW)'],
  recordJson: ['OGC API Records (JSON)', 'OGC API Records (JSON)'],
  openInMap: ['Buka di peta', 'Open in the map'],
  related: ['Dataset lain dari organisasi ini', 'Other datasets of this organisation'],
  access: ['Kelas akses', 'Access class'],
  status: ['Status', 'Status'],
  // Map viewer (/map)
  mapTitle: ['Peta {place}', '{place} map'],
  mapSearch: ['Cari lapisan', 'Search layers'],
  mapAdd: ['Tambah', 'Add'],
  mapAdded: ['Sudah di peta', 'On the map'],
  mapRemove: ['Hapus', 'Remove'],
  mapUp: ['Naikkan', 'Move up'],
  mapDown: ['Turunkan', 'Move down'],
  mapOpacity: ['Keburaman', 'Opacity'],
  mapVisible: ['Tampilkan', 'Show'],
  mapLegend: ['Legenda', 'Legend'],
  mapChosen: ['Lapisan di peta', 'Layers on the map'],
  mapNoneChosen: ['Belum ada lapisan. Cari lalu tambahkan.', 'No layers yet. Search and add some.'],
  mapBasemap: ['Peta dasar', 'Base map'],
  mapMeasure: ['Ukur', 'Measure'],
  mapMeasureLine: ['Jarak', 'Distance'],
  mapMeasureArea: ['Luas', 'Area'],
  mapMeasureClear: ['Selesai', 'Done'],
  mapMeasureHint: ['Klik titik-titik di peta.', 'Click points on the map.'],
  mapShare: ['Salin tautan', 'Copy link'],
  mapShared: ['Tautan tersalin', 'Link copied'],
  mapExport: ['Unduh PNG', 'Download PNG'],
  mapIdentifyHint: ['Klik fitur untuk melihat atributnya.', 'Click a feature to see its attributes.'],
  mapNoHits: ['Tidak ada lapisan yang cocok.', 'No layer matches.'],
  mapMore: ['Lebih banyak', 'More'],
  mapResults: ['{n} lapisan', '{n} layers'],
  mapDetails: ['Halaman dataset', 'Dataset page'],
  // OGC API pages
  ogcLanding: ['OGC API {place}', 'OGC API of {place}'],
  collections: ['Koleksi', 'Collections'],
  collectionsCount: ['{from}–{to} dari {n} koleksi', '{from}–{to} of {n} collections'],
  conformance: ['Kelas kesesuaian', 'Conformance classes'],
  items: ['Fitur', 'Features'],
  itemsCount: ['{from}–{to} dari {n} fitur', '{from}–{to} of {n} features'],
  records: ['Rekaman metadata', 'Metadata records'],
  links: ['Tautan', 'Links'],
  asJson: ['Lihat sebagai JSON', 'View as JSON'],
  id: ['Id', 'Id'],
  title: ['Judul', 'Title'],
  description: ['Keterangan', 'Description'],
  type: ['Jenis', 'Type'],
  datasetPage: ['Halaman dataset', 'Dataset page'],
  errorTitle: ['Terjadi kesalahan', 'Something went wrong'],
  notFoundTitle: ['Tidak ditemukan', 'Not found'],
  badRequestTitle: ['Permintaan tidak valid', 'Bad request'],
  backHome: ['Kembali ke katalog', 'Back to the catalogue'],
} satisfies Record<string, [string, string]>;

export type StringKey = keyof typeof STRINGS;

/** The string in `lang`, with `{name}` placeholders filled. */
export function t(lang: Lang, key: StringKey | string, vars: Record<string, string | number> = {}): string {
  const entry = (STRINGS as Record<string, [string, string]>)[key];
  const s = entry ? entry[lang === 'en' ? 1 : 0] : key;
  return s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

export const isLang = (v: unknown): v is Lang => typeof v === 'string' && (LANGS as readonly string[]).includes(v);

/** `?lang=` first, then the remembered cookie, else Indonesian. */
export function languageOf(query: unknown, cookieHeader: string | undefined): { lang: Lang; remember: boolean } {
  if (isLang(query)) return { lang: query, remember: true };
  const m = /(?:^|;\s*)lang=(\w+)/.exec(cookieHeader ?? '');
  return { lang: isLang(m?.[1]) ? (m![1] as Lang) : 'id', remember: false };
}

/** Names of ISO topic categories for people. */
export const TOPIC_NAMES: Record<string, [string, string]> = {
  farming: ['Pertanian', 'Farming'],
  biota: ['Biota', 'Biota'],
  boundaries: ['Batas wilayah', 'Boundaries'],
  climatologyMeteorologyAtmosphere: ['Iklim dan cuaca', 'Climate and weather'],
  economy: ['Ekonomi', 'Economy'],
  elevation: ['Elevasi', 'Elevation'],
  environment: ['Lingkungan', 'Environment'],
  geoscientificInformation: ['Geosains', 'Geoscience'],
  health: ['Kesehatan', 'Health'],
  imageryBaseMapsEarthCover: ['Citra dan peta dasar', 'Imagery and base maps'],
  intelligenceMilitary: ['Pertahanan', 'Defence'],
  inlandWaters: ['Perairan darat', 'Inland waters'],
  location: ['Lokasi', 'Location'],
  oceans: ['Laut', 'Oceans'],
  planningCadastre: ['Tata ruang dan pertanahan', 'Planning and cadastre'],
  society: ['Sosial', 'Society'],
  structure: ['Bangunan', 'Structures'],
  transportation: ['Transportasi', 'Transportation'],
  utilitiesCommunication: ['Utilitas dan komunikasi', 'Utilities and communication'],
};

export const topicName = (lang: Lang, code: string): string => TOPIC_NAMES[code]?.[lang === 'en' ? 1 : 0] ?? code;
