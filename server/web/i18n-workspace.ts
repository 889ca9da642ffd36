/** Every string a person reads in the workspace (/workspace), Indonesian and English. Kept apart
 *  from the portal's table (./i18n.ts) so both can grow without stepping on each other. */
import type { Lang } from './i18n.js';

const STRINGS = {
  workspace: ['Ruang kerja', 'Workspace'],
  signIn: ['Masuk', 'Sign in'],
  signInTitle: ['Masuk ke ruang kerja', 'Sign in to the workspace'],
  signInHelp: ['Untuk produsen data, walidata, pembina data dan admin simpul.', 'For data producers, the walidata, the data supervisor and the node’s admins.'],
  username: ['Nama pengguna', 'Username'],
  password: ['Kata sandi', 'Password'],
  signOut: ['Keluar', 'Sign out'],
  signedInAs: ['Masuk sebagai {user} ({role})', 'Signed in as {user} ({role})'],
  badCredentials: ['Nama pengguna atau kata sandi salah.', 'Wrong username or password.'],
  tooMany: ['Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam {s} detik.', 'Too many failed sign-ins. Try again in {s} s.'],
  busy: ['Server sedang sibuk memeriksa sandi. Coba lagi sebentar.', 'The server is busy checking passwords. Try again in a moment.'],
  formExpired: ['Formulir kedaluwarsa. Silakan coba lagi.', 'The form expired. Please try again.'],
  sessionExpired: ['Sesi Anda telah berakhir. Silakan masuk lagi.', 'Your session has ended. Please sign in again.'],
  required: ['Wajib diisi.', 'Required.'],
  navHome: ['Beranda', 'Home'],
  navAccount: ['Akun saya', 'My account'],
  navAudit: ['Jejak audit', 'Audit trail'],
  navOrganisation: ['Organisasi', 'Organisation'],
  navUsers: ['Pengguna', 'Users'],
  role_produsen: ['produsen data', 'data producer'],
  role_walidata: ['walidata', 'walidata'],
  role_pembina: ['pembina data', 'data supervisor'],
  role_admin: ['admin', 'admin'],
  status_all: ['Semua', 'All'],
  status_draft: ['Draf', 'Draft'],
  status_submitted: ['Diajukan', 'Submitted'],
  status_returned: ['Dikembalikan', 'Returned'],
  status_verified: ['Terverifikasi', 'Verified'],
  status_published: ['Disebarluaskan', 'Published'],
  status_retired: ['Ditarik', 'Retired'],
  'kind_retirement-requested': ['Minta penarikan', 'Retirement requested'],
  myLayers: ['Layer {org}', 'Layers of {org}'],
  layersCount: ['{n} layer', '{n} layers'],
  search: ['Cari', 'Search'],
  searchLayers: ['Cari judul atau nama layer', 'Search title or layer name'],
  noLayers: ['Tidak ada layer di sini.', 'No layers here.'],
  reviewQueue: ['Antrean pemeriksaan', 'Review queue'],
  queueHelp: ['Yang paling lama menunggu di atas.', 'Longest waiting first.'],
  queueEmpty: ['Tidak ada yang menunggu.', 'Nothing is waiting.'],
  allOrganisations: ['Semua organisasi', 'All organisations'],
  organisation: ['Organisasi', 'Organisation'],
  waitingSince: ['Menunggu sejak {d}', 'Waiting since {d}'],
  updated: ['Diperbarui {d}', 'Updated {d}'],
  standardMet: ['Memenuhi standar publikasi', 'Meets the publication standard'],
  standardMissing: ['Belum memenuhi standar publikasi:', 'Short of the publication standard:'],
  note: ['Catatan', 'Note'],
  noteHelp: ['Jelaskan apa yang harus diperbaiki atau alasannya.', 'Say what to fix, or why.'],
  noteOptional: ['Catatan (tidak wajib)', 'Note (optional)'],
  noteRequired: ['Langkah ini wajib disertai catatan.', 'This step needs a note.'],
  noteTooLong: ['Catatan paling banyak 2000 karakter.', 'The note may have at most 2000 characters.'],
  wrongStatus: ['Layer ini sudah berpindah status ({status}); muat ulang halaman.', 'This layer has moved on ({status}); reload the page.'],
  notAllowed: ['Peran Anda tidak boleh mengambil langkah ini.', 'Your role may not take this step.'],
  gateRefused: ['Belum memenuhi standar publikasi:', 'Short of the publication standard:'],
  stepDone: ['Langkah “{step}” tercatat: status kini {status}.', 'Step “{step}” recorded: the status is now {status}.'],
  action_submit: ['Ajukan', 'Submit'],
  action_withdraw: ['Tarik pengajuan', 'Withdraw'],
  action_verify: ['Verifikasi', 'Verify'],
  action_return: ['Kembalikan dengan catatan', 'Return with a note'],
  action_publish: ['Sebarluaskan', 'Publish'],
  'action_request-retirement': ['Minta penarikan', 'Request retirement'],
  'action_decline-retirement': ['Tolak penarikan', 'Decline retirement'],
  action_retire: ['Tarik', 'Retire'],
  action_restore: ['Pulihkan', 'Restore'],
  history: ['Riwayat', 'History'],
  when: ['Waktu', 'When'],
  who: ['Oleh', 'By'],
  what: ['Tindakan', 'Action'],
  why: ['Catatan', 'Note'],
  noHistory: ['Belum ada riwayat.', 'No history yet.'],
  layerName: ['Nama layer', 'Layer name'],
  accessClass: ['Kelas akses', 'Access class'],
  status: ['Status', 'Status'],
  steps: ['Langkah', 'Steps'],
  noSteps: ['Tidak ada langkah yang dapat Anda ambil sekarang.', 'There is no step you can take now.'],
  publicPage: ['Halaman publik', 'Public page'],
  pageOf: ['Halaman {p} dari {n}', 'Page {p} of {n}'],
  prev: ['Sebelumnya', 'Previous'],
  next: ['Berikutnya', 'Next'],
  errorField: ['Periksa isian ini.', 'Check this field.'],
} satisfies Record<string, [string, string]>;

/** The workspace string in `lang`, with `{name}` placeholders filled. */
export function w(lang: Lang, key: string, vars: Record<string, string | number> = {}): string {
  const entry = (STRINGS as Record<string, [string, string]>)[key];
  const s = entry ? entry[lang === 'en' ? 1 : 0] : key;
  return s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/** A date for people: 6 Des 2026 14.05 / 6 Dec 2026 14:05 (the node's zone). */
export function when(lang: Lang, d: Date | string | null | undefined): string {
  if (!d) return '';
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(d));
}
