import {
  hashOpaqueToken,
  mayMailPasswordLink,
  newOpaqueToken,
  PASSWORD_LINK_TTL_MS,
  PASSWORD_MAIL_COOLDOWN_MS,
  passwordLinkState,
  setPasswordUrl,
} from './password-token';

describe('opaque tokens', () => {
  it('are 256 random bits in base64url, stored as their SHA-256', () => {
    const a = newOpaqueToken();
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashOpaqueToken(a.token)).toBe(a.hash);
    expect(newOpaqueToken().token).not.toBe(a.token);
  });

  it('make a link to the web page, whatever the base URL ends with', () => {
    expect(setPasswordUrl('https://dondoc.tinh.gov.vn/', 'a-b_c')).toBe(
      'https://dondoc.tinh.gov.vn/dat-mat-khau?t=a-b_c',
    );
    expect(setPasswordUrl('http://localhost:3000', 'x')).toBe(
      'http://localhost:3000/dat-mat-khau?t=x',
    );
  });
});

describe('passwordLinkState', () => {
  const now = 1_000_000;
  const link = { expiresAtMs: now + 1, usedAtMs: null, revokedAtMs: null };
  it.each([
    ['unused, before its expiry', link, 'usable'],
    ['at its expiry', { ...link, expiresAtMs: now }, 'expired'],
    ['used', { ...link, usedAtMs: now - 5 }, 'used'],
    ['used, then expired', { ...link, usedAtMs: now - 5, expiresAtMs: now - 1 }, 'used'],
    ['replaced by a newer link', { ...link, revokedAtMs: now - 5 }, 'revoked'],
  ] as const)('%s → %s', (_name, l, expected) => {
    expect(passwordLinkState(l, now)).toBe(expected);
  });

  it('gives an invitation a week and a reset an hour', () => {
    expect(PASSWORD_LINK_TTL_MS.invitation).toBe(7 * 24 * 3600 * 1000);
    expect(PASSWORD_LINK_TTL_MS.reset).toBe(3600 * 1000);
  });
});

describe('mayMailPasswordLink', () => {
  it('mails once per cooldown', () => {
    expect(mayMailPasswordLink(null, 0)).toBe(true);
    expect(mayMailPasswordLink(0, PASSWORD_MAIL_COOLDOWN_MS - 1)).toBe(false);
    expect(mayMailPasswordLink(0, PASSWORD_MAIL_COOLDOWN_MS)).toBe(true);
  });
});
