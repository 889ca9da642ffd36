/** What the review workflow's tests share: accounts with API tokens, a draft that meets the default
 *  publication standard, and the organisation contact that standard asks for. */
import type { Db } from '../../data/db/types.js';
import type { Role } from '../../data/access.js';
import { addUser, issueToken } from '../../data/users.js';
import { updateOrganisation } from '../../data/organisation-profiles.js';
import type { NewLayer } from '../../data/layers/write.js';

/** username, role, organisation, e-mail */
export type Account = [string, Role, string | null, string?];

/** One account of each role the workflow knows, dpupr's produsen first. */
export const REVIEW_ACCOUNTS: Account[] = [
  ['pu', 'produsen', 'dpupr'],
  ['dinkes', 'produsen', 'dinkes'],
  ['pembina', 'pembina', 'bappeda'],
  ['walidata', 'walidata', 'diskominfo'],
  ['admin', 'admin', null],
];

/** Adds the accounts and gives each an API token: token by username. */
export async function accountsWithTokens(db: Db, accounts: Account[]): Promise<Record<string, string>> {
  const token: Record<string, string> = {};
  for (const [username, role, organisation, email] of accounts) {
    await addUser(db, { username, role, organisation, email });
    token[username] = await issueToken(db, username);
  }
  return token;
}

/** The seeded organisations have no contact of their own (migration 7 cleared the guessed ones),
 *  and the publication standard asks for one: set as an administrator would, audited. */
export async function giveOwnContact(db: Db, code: string): Promise<void> {
  const admin = { kind: 'user', userId: 0, username: 'test', role: 'admin', organisation: null } as const;
  await updateOrganisation(db, admin, code, { email: `${code}@tangerangkota.go.id`, phone: '021 5576 4955' }, null);
}

export const POINT = { geojson: { type: 'Point', coordinates: [106.63, -6.17] }, properties: {} };

/** A draft of dpupr that meets the default publication standard. */
export const meetsStandard = (localName: string, extra: Partial<NewLayer> = {}): NewLayer => ({
  organisation: 'dpupr',
  localName,
  title: 'Taman Kota Tangerang',
  abstract: 'Taman dan ruang terbuka hijau kota',
  keywords: ['taman', 'RTH'],
  kugiFcode: 'TM01',
  nativeSrid: 4326,
  accessClass: 'PUBLIC',
  status: 'draft',
  attributes: [],
  metadata: {
    topicCategory: 'environment',
    lineage: 'Survei lapangan Dinas PUPR 2024',
    licence: 'https://creativecommons.org/licenses/by/4.0/',
  },
  ...extra,
});
