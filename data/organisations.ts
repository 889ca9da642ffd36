/** Reference data: the producers of Kota Tangerang's "Satu Data Satu Peta" — 40 Perangkat
 *  Daerah and 3 BUMD. The code is the layer-name prefix (`dpupr:jalan`). Diskominfo is the
 *  custodian (wali data), Bappeda the supervisor (pembina data). Addresses are the city's
 *  Pusat Pemerintahan unless an agency sits elsewhere. */

export type OrganisationType = 'PD' | 'BUMD';
export type DataRole = 'walidata' | 'pembina';

export interface Organisation {
  code: string;
  name: string;
  shortName: string;
  type: OrganisationType;
  dataRole: DataRole | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  website: string | null;
}

const PUSPEM = 'Jl. Satria Sudirman No. 1, Sukaasih, Kec. Tangerang, Kota Tangerang, Banten 15111';

type Row = [code: string, name: string, shortName: string, type?: OrganisationType, role?: DataRole];

const ROWS: Row[] = [
  ['setda', 'Sekretariat Daerah Kota Tangerang', 'Setda'],
  ['setwan', 'Sekretariat DPRD Kota Tangerang', 'Setwan'],
  ['inspektorat', 'Inspektorat Kota Tangerang', 'Inspektorat'],
  ['bappeda', 'Badan Perencanaan Pembangunan Daerah Kota Tangerang', 'Bappeda', 'PD', 'pembina'],
  ['bpkad', 'Badan Pengelolaan Keuangan dan Aset Daerah Kota Tangerang', 'BPKAD'],
  ['bapenda', 'Badan Pendapatan Daerah Kota Tangerang', 'Bapenda'],
  ['bkpsdm', 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kota Tangerang', 'BKPSDM'],
  ['bpbd', 'Badan Penanggulangan Bencana Daerah Kota Tangerang', 'BPBD'],
  ['kesbangpol', 'Badan Kesatuan Bangsa dan Politik Kota Tangerang', 'Kesbangpol'],
  ['diskominfo', 'Dinas Komunikasi dan Informatika Kota Tangerang', 'Diskominfo', 'PD', 'walidata'],
  ['dindik', 'Dinas Pendidikan Kota Tangerang', 'Dindik'],
  ['dinkes', 'Dinas Kesehatan Kota Tangerang', 'Dinkes'],
  ['dpupr', 'Dinas Pekerjaan Umum dan Penataan Ruang Kota Tangerang', 'DPUPR'],
  ['disperkimtan', 'Dinas Perumahan, Permukiman dan Pertanahan Kota Tangerang', 'Disperkimtan'],
  ['satpolpp', 'Satuan Polisi Pamong Praja Kota Tangerang', 'Satpol PP'],
  ['damkar', 'Dinas Pemadam Kebakaran dan Penyelamatan Kota Tangerang', 'Damkar'],
  ['dinsos', 'Dinas Sosial Kota Tangerang', 'Dinsos'],
  ['dp3ap2kb', 'Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga Berencana Kota Tangerang', 'DP3AP2KB'],
  ['dkpp', 'Dinas Ketahanan Pangan dan Pertanian Kota Tangerang', 'DKPP'],
  ['dlh', 'Dinas Lingkungan Hidup Kota Tangerang', 'DLH'],
  ['disdukcapil', 'Dinas Kependudukan dan Pencatatan Sipil Kota Tangerang', 'Disdukcapil'],
  ['dishub', 'Dinas Perhubungan Kota Tangerang', 'Dishub'],
  ['dinkopukm', 'Dinas Koperasi, Usaha Kecil Menengah dan Perindustrian Kota Tangerang', 'Dinkop UKM'],
  ['dpmptsp', 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kota Tangerang', 'DPMPTSP'],
  ['disbudpar', 'Dinas Pemuda, Olahraga, Kebudayaan dan Pariwisata Kota Tangerang', 'Disbudpar'],
  ['dispusip', 'Dinas Perpustakaan dan Kearsipan Kota Tangerang', 'Dispusip'],
  ['disnaker', 'Dinas Ketenagakerjaan Kota Tangerang', 'Disnaker'],
  ['kec_batuceper', 'Kecamatan Batuceper', 'Kec. Batuceper'],
  ['kec_benda', 'Kecamatan Benda', 'Kec. Benda'],
  ['kec_cibodas', 'Kecamatan Cibodas', 'Kec. Cibodas'],
  ['kec_ciledug', 'Kecamatan Ciledug', 'Kec. Ciledug'],
  ['kec_cipondoh', 'Kecamatan Cipondoh', 'Kec. Cipondoh'],
  ['kec_jatiuwung', 'Kecamatan Jatiuwung', 'Kec. Jatiuwung'],
  ['kec_karangtengah', 'Kecamatan Karang Tengah', 'Kec. Karang Tengah'],
  ['kec_karawaci', 'Kecamatan Karawaci', 'Kec. Karawaci'],
  ['kec_larangan', 'Kecamatan Larangan', 'Kec. Larangan'],
  ['kec_neglasari', 'Kecamatan Neglasari', 'Kec. Neglasari'],
  ['kec_periuk', 'Kecamatan Periuk', 'Kec. Periuk'],
  ['kec_pinang', 'Kecamatan Pinang', 'Kec. Pinang'],
  ['kec_tangerang', 'Kecamatan Tangerang', 'Kec. Tangerang'],
  ['tirtabenteng', 'Perumda Air Minum Tirta Benteng Kota Tangerang', 'Tirta Benteng', 'BUMD'],
  ['tng', 'PT Tangerang Nusantara Global', 'TNG', 'BUMD'],
  ['bpr', 'Perumda Bank Perekonomian Rakyat Kota Tangerang', 'BPR Kota Tangerang', 'BUMD'],
];

export const ORGANISATIONS: readonly Organisation[] = ROWS.map(([code, name, shortName, type = 'PD', role]) => ({
  code,
  name,
  shortName,
  type,
  dataRole: role ?? null,
  email: type === 'PD' ? `${code}@tangerangkota.go.id` : null,
  phone: null,
  address: type === 'PD' ? PUSPEM : null,
  website: type === 'PD' ? 'https://tangerangkota.go.id' : null,
}));

export const WALIDATA_CODE = 'diskominfo';
export const PEMBINA_CODE = 'bappeda';
