/** Editing an organisation's profile: the fields a person may change, each checked, written in
 *  one transaction with its audit row and a catalogue revision (so ISO records, DCAT and
 *  capabilities are made again from the new profile). */
import type { Db } from './db/types.js';
import { canEditOrganisation, type Principal } from './access.js';
import { writeAudit } from './audit.js';
import { bumpRevision } from './catalogue/catalogue.js';
import { OgcError } from './errors.js';
import {
  ORGANISATION_COLUMNS,
  organisationFromRow,
  type Organisation,
  type OrganisationType,
} from './organisations.js';

const KINDS: readonly OrganisationType[] = ['PD', 'BUMD', 'kecamatan'];
const text = (max: number) => (v: unknown) => typeof v === 'string' && v.trim().length > 0 && v.length <= max;

interface Field {
  column: string;
  /** The Organisation property it is read back as. */
  prop: keyof Organisation;
  check: (v: unknown) => boolean;
  takes: string;
  /** May be set to null (unknown). */
  nullable: boolean;
  /** Only the walidata and admins change it (not the organisation's own admin). */
  keepersOnly?: boolean;
}

/** The JSON API's field names and what each takes. A Map: `__proto__` and the like are unknown. */
export const ORGANISATION_FIELDS = new Map<string, Field>([
  ['name', { column: 'name', prop: 'name', check: text(200), takes: 'text of 1–200 characters', nullable: false }],
  [
    'acronym',
    { column: 'short_name', prop: 'shortName', check: text(40), takes: 'text of 1–40 characters', nullable: false },
  ],
  [
    'kind',
    {
      column: 'type',
      prop: 'type',
      check: (v) => (KINDS as readonly unknown[]).includes(v),
      takes: `one of ${KINDS.join(', ')}`,
      nullable: false,
      keepersOnly: true,
    },
  ],
  [
    'address',
    { column: 'address', prop: 'address', check: text(500), takes: 'text of at most 500 characters', nullable: true },
  ],
  [
    'phone',
    {
      column: 'phone',
      prop: 'phone',
      check: (v) => typeof v === 'string' && /^\+?[0-9][0-9 ()./-]{4,29}$/.test(v),
      takes: 'a telephone number (digits, spaces, + ( ) - . /)',
      nullable: true,
    },
  ],
  [
    'email',
    {
      column: 'email',
      prop: 'email',
      check: (v) => typeof v === 'string' && v.length <= 254 && /^[^\s@<>"]+@[^\s@<>"]+\.[a-z]{2,}$/i.test(v),
      takes: 'an e-mail address',
      nullable: true,
    },
  ],
  [
    'website',
    {
      column: 'website',
      prop: 'website',
      check: (v) => typeof v === 'string' && v.length <= 500 && /^https?:\/\/[^\s<>"]+$/.test(v),
      takes: 'an http(s) URL',
      nullable: true,
    },
  ],
  [
    'contactName',
    {
      column: 'contact_name',
      prop: 'contactName',
      check: text(200),
      takes: 'text of 1–200 characters',
      nullable: true,
    },
  ],
  [
    'contactPosition',
    {
      column: 'contact_position',
      prop: 'contactPosition',
      check: text(200),
      takes: 'text of 1–200 characters',
      nullable: true,
    },
  ],
]);

/** An organisation as the JSON API shows it. */
export function organisationJson(o: Organisation) {
  return {
    code: o.code,
    name: o.name,
    acronym: o.shortName,
    kind: o.type,
    dataRole: o.dataRole,
    address: o.address,
    phone: o.phone,
    email: o.email,
    website: o.website,
    contactName: o.contactName,
    contactPosition: o.contactPosition,
  };
}

/** Changes the fields named in `patch` (JSON API names); returns the profile after. */
export async function updateOrganisation(
  db: Db,
  actor: Principal,
  code: string,
  patch: Record<string, unknown>,
  address: string | null,
): Promise<Organisation> {
  if (actor.kind !== 'user') throw new OgcError('Unauthorized', 'A token is required');
  const body = new Map<string, unknown>(Object.entries(patch));
  const unknown = [...body.keys()].filter((k) => !ORGANISATION_FIELDS.has(k));
  if (unknown.length)
    throw new OgcError(
      'InvalidParameterValue',
      `Unknown field(s) ${unknown.map((k) => JSON.stringify(k)).join(', ')} (allowed: ${[...ORGANISATION_FIELDS.keys()].join(', ')})`,
    );
  if (!body.size)
    throw new OgcError('InvalidParameterValue', `Send at least one of ${[...ORGANISATION_FIELDS.keys()].join(', ')}`);
  for (const [k, v] of body) {
    const f = ORGANISATION_FIELDS.get(k)!;
    if (v === null ? !f.nullable : !f.check(v))
      throw new OgcError(
        'InvalidParameterValue',
        `Invalid value for ${k}: it takes ${f.takes}${f.nullable ? ' (or null: unknown)' : ''}`,
        k,
      );
  }
  return db.transaction(async (tx) => {
    const current = await tx.query(
      `SELECT ${ORGANISATION_COLUMNS} FROM simpul.organisation WHERE code = $1 FOR UPDATE`,
      [code],
    );
    if (!current.rows.length) throw new OgcError('NotFound', `No organisation ${code}`);
    if (!canEditOrganisation(actor, code))
      throw new OgcError('Forbidden', `Your account may not edit the profile of ${code}`);
    const keepers = actor.role === 'admin' || actor.role === 'walidata';
    const locked = [...body.keys()].filter((k) => ORGANISATION_FIELDS.get(k)!.keepersOnly && !keepers);
    if (locked.length) throw new OgcError('Forbidden', `Only the walidata or an admin changes ${locked.join(', ')}`);
    const before = organisationFromRow(current.rows[0]);
    const sets: string[] = [];
    const values: unknown[] = [code];
    for (const [k, v] of body) {
      values.push(typeof v === 'string' ? v.trim() : v);
      sets.push(`${ORGANISATION_FIELDS.get(k)!.column} = $${values.length}`);
    }
    const r = await tx.query(
      `UPDATE simpul.organisation SET ${sets.join(', ')} WHERE code = $1 RETURNING ${ORGANISATION_COLUMNS}`,
      values,
    );
    const after = organisationFromRow(r.rows[0]);
    const changed = (side: Organisation) =>
      Object.fromEntries([...body.keys()].map((k) => [k, side[ORGANISATION_FIELDS.get(k)!.prop]]));
    await writeAudit(tx, actor, {
      action: 'organisation.update',
      organisation: code,
      subject: code,
      address,
      before: changed(before),
      after: changed(after),
    });
    await bumpRevision(tx);
    return after;
  });
}
