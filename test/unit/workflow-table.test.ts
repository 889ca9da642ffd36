import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import {
  actionsFor,
  canDelete,
  mayTakeAction,
  workflowMarkdown,
  LAYER_STATUSES,
  WORKFLOW,
  WORKFLOW_ACTIONS,
  type Guarded,
  type LayerStatus,
  type Principal,
  type Role,
  type WorkflowAction,
} from '../../data/access.js';
import { checkStandard, DEFAULT_STANDARD, parseStandard, titleLooksLikeFileName } from '../../data/layers/standard.js';
import type { Layer } from '../../data/catalogue/layer.js';
import { ORGANISATIONS } from '../../data/organisations.js';

const user = (role: Role, organisation: string | null): Principal => ({
  kind: 'user',
  userId: 1,
  username: role,
  role,
  organisation,
});
const layer = (status: LayerStatus, organisation = 'dpupr') => ({
  organisation,
  accessClass: 'PUBLIC' as const,
  status,
});

// Written out by hand (not read from WORKFLOW): who may take each step on a dpupr layer.
const CALLERS: Record<string, Principal> = {
  'produsen dpupr': user('produsen', 'dpupr'),
  'produsen dinkes': user('produsen', 'dinkes'),
  walidata: user('walidata', 'diskominfo'),
  pembina: user('pembina', 'bappeda'),
  admin: user('admin', null),
};
const MAY: Record<WorkflowAction, string[]> = {
  submit: ['produsen dpupr', 'admin'],
  withdraw: ['produsen dpupr', 'admin'],
  verify: ['walidata', 'pembina', 'admin'],
  return: ['walidata', 'pembina', 'admin'],
  publish: ['walidata', 'admin'],
  'request-retirement': ['produsen dpupr', 'admin'],
  'decline-retirement': ['walidata', 'admin'],
  retire: ['walidata', 'admin'],
  restore: ['walidata', 'admin'],
  'verify-version': ['walidata', 'pembina', 'admin'],
  'return-version': ['walidata', 'pembina', 'admin'],
  'withdraw-version': ['produsen dpupr', 'admin'],
  'publish-version': ['walidata', 'admin'],
  rollback: ['walidata', 'admin'],
};

describe('workflow table (data/access.ts WORKFLOW)', () => {
  for (const t of WORKFLOW) {
    for (const [who, p] of Object.entries(CALLERS)) {
      const expected = MAY[t.action].includes(who);
      it(`${who} ${expected ? 'may' : 'may not'} ${t.action} (${t.from.join('/')} → ${t.to})`, () => {
        for (const from of t.from) expect(mayTakeAction(p, layer(from), t.action), from).to.equal(expected);
      });
    }
    it(`nobody may ${t.action} from another status`, () => {
      for (const from of LAYER_STATUSES.filter((s) => !t.from.includes(s))) {
        for (const p of Object.values(CALLERS))
          expect(mayTakeAction(p, layer(from), t.action), `${from}`).to.equal(false);
      }
    });
  }

  it('lets the walidata publish only a verified layer, never a draft', () => {
    const w = CALLERS.walidata;
    expect(mayTakeAction(w, layer('draft'), 'publish')).to.equal(false);
    expect(mayTakeAction(w, layer('submitted'), 'publish')).to.equal(false);
    expect(mayTakeAction(w, layer('verified'), 'publish')).to.equal(true);
  });

  it('takes the pembina out of verifying when SIMPUL_PEMBINA_VERIFIES is off', () => {
    const off = { pembinaVerifies: false };
    expect(mayTakeAction(CALLERS.pembina, layer('submitted'), 'verify', off)).to.equal(false);
    expect(mayTakeAction(CALLERS.pembina, layer('submitted'), 'return', off)).to.equal(false);
    expect(mayTakeAction(CALLERS.walidata, layer('submitted'), 'verify', off)).to.equal(true);
    expect(actionsFor(CALLERS.pembina, layer('submitted'), off)).to.deep.equal([]);
  });

  it('offers a version step only when the layer has such a version (when its versions are known)', () => {
    const w = CALLERS.walidata;
    const none = { ...layer('published'), versions: { waiting: null, archived: [] } };
    const pending = { ...layer('published'), versions: { waiting: { status: 'pending' as const }, archived: [1] } };
    const verified = { ...layer('published'), versions: { waiting: { status: 'verified' as const }, archived: [] } };
    const versionSteps = (l: Guarded) => actionsFor(w, l).filter((a) => WORKFLOW.find((t) => t.action === a)!.version);
    expect(versionSteps(none)).to.deep.equal([]);
    expect(versionSteps(pending)).to.deep.equal(['verify-version', 'return-version', 'rollback']);
    expect(versionSteps(verified)).to.deep.equal(['return-version', 'publish-version']);
    expect(actionsFor(CALLERS['produsen dpupr'], pending))
      .to.include('withdraw-version')
      .and.not.include('publish-version');
  });

  it('offers to decline a retirement only when one was asked for, and to ask only once', () => {
    const asked = { ...layer('published'), retirementRequestedAt: new Date('2026-12-01T00:00:00Z') };
    const quiet = { ...layer('published'), retirementRequestedAt: null };
    expect(actionsFor(CALLERS.walidata, quiet)).to.not.include('decline-retirement');
    expect(actionsFor(CALLERS.walidata, asked)).to.include('decline-retirement');
    expect(actionsFor(CALLERS['produsen dpupr'], quiet)).to.include('request-retirement');
    expect(actionsFor(CALLERS['produsen dpupr'], asked)).to.not.include('request-retirement');
    // Unknown (a Guarded without the field): offered, and the step itself checks.
    expect(actionsFor(CALLERS.walidata, layer('published'))).to.include('decline-retirement');
  });

  it('requires a note to return and to retire', () => {
    const noted = WORKFLOW.filter((t) => t.noteRequired).map((t) => t.action);
    expect(noted).to.include.members(['return', 'retire', 'request-retirement', 'return-version', 'rollback']);
  });

  it('lets a produsen delete only what was never published', () => {
    const pu = CALLERS['produsen dpupr'];
    expect(LAYER_STATUSES.filter((s) => canDelete(pu, layer(s)))).to.deep.equal(['draft', 'returned']);
    expect(canDelete(CALLERS['produsen dinkes'], layer('draft'))).to.equal(false);
    expect(canDelete(CALLERS.pembina, layer('draft'))).to.equal(false);
    expect(LAYER_STATUSES.filter((s) => canDelete(CALLERS.admin, layer(s)))).to.deep.equal([...LAYER_STATUSES]);
  });

  it('is documented in the README by the table made from it', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme).to.contain(workflowMarkdown());
    for (const a of WORKFLOW_ACTIONS) expect(workflowMarkdown()).to.contain(`\`${a}\``);
  });
});

describe('publication standard (data/layers/standard.ts)', () => {
  const base: Layer = {
    id: '00000000-0000-0000-0000-000000000001',
    name: 'dpupr:taman',
    organisation: 'dpupr',
    localName: 'taman',
    schema: 'org_dpupr',
    table: 'taman',
    title: 'Taman Kota',
    abstract: 'Taman kota Tangerang',
    keywords: ['taman'],
    kugiFcode: 'TM01',
    geometryType: 'Point',
    nativeSrid: 4326,
    bbox: [106.6, -6.2, 106.7, -6.1],
    featureCount: 1,
    attributes: [],
    accessClass: 'PUBLIC',
    status: 'draft',
    createdAt: new Date(),
    updatedAt: new Date(),
    publishedAt: null,
    dataVersion: 1,
    styleVersion: 1,
    version: 1,
    metadata: {
      topicCategory: 'environment',
      lineage: 'Survei',
      licence: 'https://creativecommons.org/licenses/by/4.0/',
    },
  };
  // Seeded organisations have no contact of their own (migration 7): the walidata fills it in.
  const dpupr = { ...ORGANISATIONS.find((o) => o.code === 'dpupr')!, email: 'dpupr@tangerangkota.go.id' };

  it('passes a complete layer', () => {
    expect(checkStandard(base, dpupr, DEFAULT_STANDARD)).to.deep.equal([]);
  });

  it('asks a thematic layer for a KUGI code, not a boundary layer', () => {
    expect(checkStandard({ ...base, kugiFcode: null }, dpupr, DEFAULT_STANDARD).map((m) => m.element)).to.deep.equal([
      'kugiFcode',
    ]);
    expect(
      checkStandard(
        { ...base, kugiFcode: null, metadata: { ...base.metadata, topicCategory: 'boundaries' } },
        dpupr,
        DEFAULT_STANDARD,
      ),
    ).to.deep.equal([]);
  });

  it('refuses titles that are file or layer names', () => {
    for (const t of ['taman', 'taman_kota', 'Taman.shp', 'data.gpkg', 'dpupr:taman', 'Taman Kota.geojson'])
      expect(titleLooksLikeFileName(t, 'taman', DEFAULT_STANDARD.fileExtensions), t).to.equal(true);
    for (const t of ['Taman Kota', 'Jaringan Jalan 2024', 'Ruang Terbuka Hijau (RTH)'])
      expect(titleLooksLikeFileName(t, 'taman', DEFAULT_STANDARD.fileExtensions), t).to.equal(false);
  });

  it('needs a contact: a BUMD without e-mail or phone fails', () => {
    const bumd = ORGANISATIONS.find((o) => o.type === 'BUMD');
    expect(
      checkStandard({ ...base, organisation: bumd!.code }, bumd, DEFAULT_STANDARD).map((m) => m.element),
    ).to.deep.equal(['contact']);
  });

  it('takes only known fields with valid values', () => {
    expect(parseStandard({ minCompleteness: 50 }, DEFAULT_STANDARD).minCompleteness).to.equal(50);
    expect(() => parseStandard({ minCompleteness: 150 }, DEFAULT_STANDARD)).to.throw(/minCompleteness/);
    expect(() => parseStandard({ requiredElements: ['colour'] }, DEFAULT_STANDARD)).to.throw(/requiredElements/);
    expect(() => parseStandard({ __proto__x: 1 }, DEFAULT_STANDARD)).to.throw(/unknown/);
  });
});
