import type { AuthenticatedUser } from '../auth/authenticated-user';
import { canRead, isLeadAgency } from './item-access';

const user = (
  role: AuthenticatedUser['role'],
  agencyCode: string | null = null,
): AuthenticatedUser => ({
  id: 'u',
  email: 'x@dondoc.local',
  role,
  agencyCode,
});
const item = { leadCode: 'STC', supportCodes: ['SXD'] };

describe('item access', () => {
  it.each([
    ['secretariat', null, true, false],
    ['committee_head', null, true, false],
    ['agency', 'STC', true, true],
    ['agency', 'SXD', true, false],
    ['agency', 'SYT', false, false],
    ['agency', null, false, false],
  ] as const)('%s %s: read %s, lead %s', (role, code, read, lead) => {
    expect(canRead(user(role, code), item)).toBe(read);
    expect(isLeadAgency(user(role, code), item)).toBe(lead);
  });
});
