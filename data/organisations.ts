/** The producers of Kota Tangerang's "Satu Data Satu Peta" — 27 Perangkat Daerah, 13 kecamatan
 *  and 3 BUMD. The code is the layer-name prefix (`dpupr:jalan`). Diskominfo is the custodian
 *  (wali data), Bappeda the supervisor (pembina data).
 *
 *  The profiles live in the database (simpul.organisation), edited over the JSON API
 *  (`PATCH /api/organisations/{code}`) and read through the catalogue; this list is only the
 *  seed of a new database (migrations 3 and 7). It holds what is known, never a guess: no
 *  phone numbers and no e-mail addresses (each organisation enters its own), the Pusat
 *  Pemerintahan's address only for the Perangkat Daerah that sit there, none for kecamatan
 *  offices and BUMD. */
export type OrganisationType = 'PD' | 'BUMD' | 'kecamatan';
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
  /** The person to contact and their position (ISO 19139 individualName, positionName). */
  contactName: string | null;
  contactPosition: string | null;
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
  [
    'dp3ap2kb',
    'Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga Berencana Kota Tangerang',
    'DP3AP2KB',
  ],
  ['dkpp', 'Dinas Ketahanan Pangan dan Pertanian Kota Tangerang', 'DKPP'],
  ['dlh', 'Dinas Lingkungan Hidup Kota Tangerang', 'DLH'],
  ['disdukcapil', 'Dinas Kependudukan dan Pencatatan Sipil Kota Tangerang', 'Disdukcapil'],
  ['dishub', 'Dinas Perhubungan Kota Tangerang', 'Dishub'],
  ['dinkopukm', 'Dinas Koperasi, Usaha Kecil Menengah dan Perindustrian Kota Tangerang', 'Dinkop UKM'],
  ['dpmptsp', 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kota Tangerang', 'DPMPTSP'],
  ['disbudpar', 'Dinas Pemuda, Olahraga, Kebudayaan dan Pariwisata Kota Tangerang', 'Disbudpar'],
  ['dispusip', 'Dinas Perpustakaan dan Kearsipan Kota Tangerang', 'Dispusip'],
  ['disnaker', 'Dinas Ketenagakerjaan Kota Tangerang', 'Disnaker'],
  ['kec_batuceper', 'Kecamatan Batuceper', 'Kec. Batuceper', 'kecamatan'],
  ['kec_benda', 'Kecamatan Benda', 'Kec. Benda', 'kecamatan'],
  ['kec_cibodas', 'Kecamatan Cibodas', 'Kec. Cibodas', 'kecamatan'],
  ['kec_ciledug', 'Kecamatan Ciledug', 'Kec. Ciledug', 'kecamatan'],
  ['kec_cipondoh', 'Kecamatan Cipondoh', 'Kec. Cipondoh', 'kecamatan'],
  ['kec_jatiuwung', 'Kecamatan Jatiuwung', 'Kec. Jatiuwung', 'kecamatan'],
  ['kec_karangtengah', 'Kecamatan Karang Tengah', 'Kec. Karang Tengah', 'kecamatan'],
  ['kec_karawaci', 'Kecamatan Karawaci', 'Kec. Karawaci', 'kecamatan'],
  ['kec_larangan', 'Kecamatan Larangan', 'Kec. Larangan', 'kecamatan'],
  ['kec_neglasari', 'Kecamatan Neglasari', 'Kec. Neglasari', 'kecamatan'],
  ['kec_periuk', 'Kecamatan Periuk', 'Kec. Periuk', 'kecamatan'],
  ['kec_pinang', 'Kecamatan Pinang', 'Kec. Pinang', 'kecamatan'],
  ['kec_tangerang', 'Kecamatan Tangerang', 'Kec. Tangerang', 'kecamatan'],
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
  email: null,
  phone: null,
  address: type === 'PD' ? PUSPEM : null,
  website: type === 'PD' ? 'https://tangerangkota.go.id' : null,
  contactName: null,
  contactPosition: null,
}));

export const WALIDATA_CODE = 'diskominfo';
export const PEMBINA_CODE = 'bappeda';

/** The columns of simpul.organisation as read into an Organisation (organisationFromRow). */
export const ORGANISATION_COLUMNS =
  'code, name, short_name, type, data_role, email, phone, address, website, contact_name, contact_position';

export function organisationFromRow(o: Record<string, any>): Organisation {
  return {
    code: o.code,
    name: o.name,
    shortName: o.short_name,
    type: o.type,
    dataRole: o.data_role,
    email: o.email,
    phone: o.phone,
    address: o.address,
    website: o.website,
    contactName: o.contact_name ?? null,
    contactPosition: o.contact_position ?? null,
  };
}
