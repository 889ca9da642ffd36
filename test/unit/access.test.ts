import { expect } from 'chai';
import {
  canChangeAccess,
  canChangeStatus,
  canRead,
  canWrite,
  visibilityScope,
  ANONYMOUS,
  type AccessClass,
  type LayerStatus,
  type Principal,
  type Role,
} from '../../data/access.js';

const user = (role: Role, organisation: string | null): Principal => ({
  kind: 'user',
  userId: 1,
  username: role,
  role,
  organisation,
});
const layer = (accessClass: AccessClass, status: LayerStatus = 'published', organisation = 'dinsos') => ({
  organisation,
  accessClass,
  status,
});

describe('access rules (the one authorisation function)', () => {
  // [who, access class, status, may read?]
  const table: Array<[string, Principal, AccessClass, LayerStatus, boolean]> = [
    ['anonymous', ANONYMOUS, 'PUBLIC', 'published', true],
    ['anonymous', ANONYMOUS, 'PUBLIC', 'verified', false],
    ['anonymous', ANONYMOUS, 'PUBLIC', 'draft', false],
    ['anonymous', ANONYMOUS, 'GOVERNMENT', 'published', false],
    ['anonymous', ANONYMOUS, 'PRIVATE', 'published', false],
    ['anonymous', ANONYMOUS, 'IGSTRATEGIS', 'published', false],
    ['produsen of another org', user('produsen', 'dpupr'), 'GOVERNMENT', 'published', true],
    ['produsen of another org', user('produsen', 'dpupr'), 'GOVERNMENT', 'draft', false],
    ['produsen of another org', user('produsen', 'dpupr'), 'PRIVATE', 'published', false],
    ['produsen of another org', user('produsen', 'dpupr'), 'IGSTRATEGIS', 'published', false],
    ['produsen of the owner', user('produsen', 'dinsos'), 'PRIVATE', 'draft', true],
    ['produsen of the owner', user('produsen', 'dinsos'), 'IGSTRATEGIS', 'published', false],
    ['walidata', user('walidata', 'diskominfo'), 'PRIVATE', 'draft', true],
    ['walidata', user('walidata', 'diskominfo'), 'IGSTRATEGIS', 'published', false],
    ['pembina', user('pembina', 'bappeda'), 'GOVERNMENT', 'draft', true],
    ['pembina', user('pembina', 'bappeda'), 'PRIVATE', 'published', false],
    ['admin', user('admin', null), 'IGSTRATEGIS', 'draft', true],
    ['anonymous', ANONYMOUS, 'PUBLIC', 'submitted', false],
    ['anonymous', ANONYMOUS, 'PUBLIC', 'retired', false],
    ['produsen of another org', user('produsen', 'dpupr'), 'PUBLIC', 'retired', false],
    ['produsen of another org', user('produsen', 'dpupr'), 'PUBLIC', 'returned', false],
    ['produsen of the owner', user('produsen', 'dinsos'), 'PUBLIC', 'retired', true],
    ['produsen of the owner', user('produsen', 'dinsos'), 'PUBLIC', 'returned', true],
    ['walidata', user('walidata', 'diskominfo'), 'PUBLIC', 'retired', true],
    ['pembina', user('pembina', 'bappeda'), 'PUBLIC', 'retired', false],
    ['pembina', user('pembina', 'bappeda'), 'PUBLIC', 'submitted', true],
    ['admin', user('admin', null), 'PUBLIC', 'retired', true],
  ];
  for (const [who, p, cls, status, expected] of table) {
    it(`${who} ${expected ? 'sees' : 'does not see'} a ${status} ${cls} layer`, () => {
      expect(canRead(p, layer(cls, status))).to.equal(expected);
    });
  }

  it('lets a produsen write only its own organisation', () => {
    expect(canWrite(user('produsen', 'dpupr'), 'dpupr')).to.equal(true);
    expect(canWrite(user('produsen', 'dpupr'), 'dinkes')).to.equal(false);
    expect(canWrite(ANONYMOUS, 'dpupr')).to.equal(false);
    expect(canWrite(user('walidata', 'diskominfo'), 'dinkes')).to.equal(true);
    expect(canWrite(user('pembina', 'bappeda'), 'dinkes')).to.equal(false);
  });

  it('follows the workflow: produsen submits, pembina verifies, walidata publishes', () => {
    const l = layer('PUBLIC', 'draft', 'dpupr');
    expect(canChangeStatus(user('produsen', 'dpupr'), l, 'submitted')).to.equal(true);
    expect(canChangeStatus(user('produsen', 'dpupr'), l, 'verified')).to.equal(false);
    expect(canChangeStatus(user('produsen', 'dpupr'), l, 'published')).to.equal(false);
    const submitted = layer('PUBLIC', 'submitted', 'dpupr');
    expect(canChangeStatus(user('pembina', 'bappeda'), submitted, 'verified')).to.equal(true);
    expect(canChangeStatus(user('pembina', 'bappeda'), submitted, 'published')).to.equal(false);
    expect(canChangeStatus(user('walidata', 'diskominfo'), l, 'published')).to.equal(false);
    expect(canChangeStatus(user('walidata', 'diskominfo'), layer('PUBLIC', 'verified', 'dpupr'), 'published')).to.equal(
      true,
    );
    expect(canChangeStatus(ANONYMOUS, l, 'draft')).to.equal(false);
  });

  it('lets only the walidata (and admin) widen an access class; the owner and the walidata may narrow it; the pembina neither', () => {
    const l = layer('PRIVATE', 'published', 'dpupr');
    expect(canChangeAccess(user('produsen', 'dpupr'), l, 'PUBLIC')).to.equal(false);
    expect(canChangeAccess(user('produsen', 'dpupr'), l, 'GOVERNMENT')).to.equal(false);
    expect(canChangeAccess(user('produsen', 'dpupr'), l, 'IGSTRATEGIS')).to.equal(true);
    expect(canChangeAccess(user('produsen', 'dinkes'), l, 'IGSTRATEGIS')).to.equal(false);
    expect(canChangeAccess(user('walidata', 'diskominfo'), l, 'PUBLIC')).to.equal(true);
    expect(canChangeAccess(user('pembina', 'bappeda'), layer('GOVERNMENT', 'draft', 'dpupr'), 'PRIVATE')).to.equal(
      false,
    );
    expect(
      canChangeAccess(user('walidata', 'diskominfo'), layer('IGSTRATEGIS', 'published', 'dpupr'), 'PUBLIC'),
    ).to.equal(false);
    expect(canChangeAccess(user('admin', null), layer('IGSTRATEGIS', 'published', 'dpupr'), 'PUBLIC')).to.equal(true);
    expect(canChangeAccess(ANONYMOUS, l, 'IGSTRATEGIS')).to.equal(false);
  });

  it('gives callers who see the same layers the same cache scope, and others different ones', () => {
    expect(visibilityScope(ANONYMOUS)).to.equal('anon');
    expect(visibilityScope(user('produsen', 'dpupr'))).to.not.equal(visibilityScope(user('produsen', 'dinkes')));
    expect(visibilityScope(user('walidata', 'diskominfo'))).to.not.equal(visibilityScope(ANONYMOUS));
  });
});
