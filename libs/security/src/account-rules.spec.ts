import {
  accountChangeRefusal,
  accountShapeProblem,
  applyAccountChange,
  type AccountState,
} from './account-rules';

describe('accountShapeProblem', () => {
  it.each([
    ['an agency user with its agency', { role: 'agency', agencyCode: 'STC' }, null],
    ['an agency user without one', { role: 'agency', agencyCode: null }, 'agency_required'],
    ['the secretariat without one', { role: 'secretariat', agencyCode: null }, null],
    [
      'the committee head with one',
      { role: 'committee_head', agencyCode: 'STC' },
      'agency_not_allowed',
    ],
  ] as const)('%s → %s', (_name, shape, expected) => {
    expect(accountShapeProblem(shape)).toBe(expected);
  });
});

describe('applyAccountChange', () => {
  const agencyUser: AccountState = { id: 'u', role: 'agency', agencyCode: 'STC', disabled: false };
  it('keeps the agency of an agency user whose role stays', () => {
    expect(applyAccountChange(agencyUser, { disabled: true })).toEqual({
      ...agencyUser,
      disabled: true,
    });
  });
  it('drops the agency when the role leaves agency', () => {
    expect(applyAccountChange(agencyUser, { role: 'committee_head' })).toMatchObject({
      role: 'committee_head',
      agencyCode: null,
    });
  });
  it('moves an agency user to another agency', () => {
    expect(applyAccountChange(agencyUser, { agencyCode: 'SXD' }).agencyCode).toBe('SXD');
  });
});

describe('accountChangeRefusal', () => {
  const me: AccountState = { id: 'me', role: 'secretariat', agencyCode: null, disabled: false };
  const other: AccountState = { ...me, id: 'other' };
  const head: AccountState = {
    id: 'head',
    role: 'committee_head',
    agencyCode: null,
    disabled: false,
  };

  // The last number: the other secretariats who can log in.
  it.each([
    ['disabling oneself', me, { disabled: true }, 1, 'self'],
    ['demoting oneself', me, { role: 'committee_head' }, 1, 'self'],
    ['re-stating one’s own role', me, { role: 'secretariat' }, 1, null],
    ['enabling oneself (a no-op)', me, { disabled: false }, 1, null],
    ['disabling another secretariat', other, { disabled: true }, 1, null],
    ['disabling the last secretariat', other, { disabled: true }, 0, 'last_secretariat'],
    [
      'demoting the last secretariat',
      other,
      { role: 'agency', agencyCode: 'STC' },
      0,
      'last_secretariat',
    ],
    ['disabling the committee head', head, { disabled: true }, 0, null],
    ['promoting the head to secretariat', head, { role: 'secretariat' }, 0, null],
    [
      're-enabling a disabled secretariat',
      { ...other, disabled: true },
      { disabled: false },
      0,
      null,
    ],
  ] as const)('%s → %s', (_name, target, change, others, expected) => {
    expect(accountChangeRefusal('me', target, change, others)).toBe(expected);
  });
});
