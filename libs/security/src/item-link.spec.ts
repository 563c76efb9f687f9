import { createHmac } from 'node:crypto';
import {
  ITEM_LINK_TTL_MS,
  itemLinkScope,
  signItemLink,
  verifyItemLink,
  type ItemLinkClaims,
} from './item-link';

const SECRET = 'test-link-secret';
const issuedAtMs = Date.parse('2026-03-02T01:00:00Z');
const claims: ItemLinkClaims = {
  itemId: '3f1c9a52-8a3b-4d7e-9a61-0d2c6b0b9e11',
  agencyCode: 'STC',
  deadlineVersion: 2,
  issuedAtMs,
};
const token = signItemLink(claims, SECRET);

describe('signed item links', () => {
  it('round-trips its claims and is deterministic', () => {
    expect(token).toMatch(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(signItemLink(claims, SECRET)).toBe(token);
    expect(verifyItemLink(token, SECRET, issuedAtMs + 1000)).toEqual({ ok: true, claims });
  });

  it('is invalid when any character is changed, removed or added', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.';
    for (let i = 0; i < token.length; i++) {
      const current = token[i]!;
      // Two substitutions per position, one of them the neighbour in the alphabet (a padding bit).
      const next = alphabet[(alphabet.indexOf(current) + 1) % alphabet.length]!;
      for (const c of [next, current === 'A' ? 'B' : 'A']) {
        const tampered = token.slice(0, i) + c + token.slice(i + 1);
        expect(verifyItemLink(tampered, SECRET, issuedAtMs)).toEqual({
          ok: false,
          reason: 'invalid',
        });
      }
      const removed = token.slice(0, i) + token.slice(i + 1);
      expect(verifyItemLink(removed, SECRET, issuedAtMs).ok).toBe(false);
    }
    expect(verifyItemLink(`${token}A`, SECRET, issuedAtMs).ok).toBe(false);
  });

  it('is invalid under another secret, and for malformed input', () => {
    expect(verifyItemLink(token, 'other-secret', issuedAtMs)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    for (const bad of ['', 'v1', 'v1..', 'v2.a.b', 'x.y.z.w', token.replace(/^v1/, 'v2')]) {
      expect(verifyItemLink(bad, SECRET, issuedAtMs)).toEqual({ ok: false, reason: 'invalid' });
    }
  });

  it('rejects a correctly signed payload of the wrong shape', () => {
    // Signed as the module documents it, so only the shape check can refuse these.
    const signed = (json: string): string => {
      const payload = Buffer.from(json, 'utf8').toString('base64url');
      const mac = createHmac('sha256', SECRET).update(`dondoc-link.v1.${payload}`).digest();
      return `v1.${payload}.${mac.toString('base64url')}`;
    };
    expect(verifyItemLink(signed('{"i":"x","a":"STC","v":1,"t":0}'), SECRET, 0).ok).toBe(true);
    for (const json of [
      '{"i":1,"a":"STC","v":1,"t":0}',
      '{"i":"x","a":null,"v":1,"t":0}',
      '{"i":"x","a":"STC","v":1.5,"t":0}',
      '{"i":"x","a":"STC","v":1}',
      'null',
      '[]',
      'not json',
    ]) {
      expect(verifyItemLink(signed(json), SECRET, 0)).toEqual({ ok: false, reason: 'invalid' });
    }
  });

  it('expires 30 days after issue: valid 1 ms before, expired at the instant', () => {
    const end = issuedAtMs + ITEM_LINK_TTL_MS;
    expect(ITEM_LINK_TTL_MS).toBe(30 * 24 * 3600 * 1000);
    expect(verifyItemLink(token, SECRET, end - 1).ok).toBe(true);
    expect(verifyItemLink(token, SECRET, end)).toEqual({ ok: false, reason: 'expired' });
    expect(verifyItemLink(token, SECRET, end + 86_400_000)).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('a tampered expired token is invalid, not expired', () => {
    const t = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    expect(verifyItemLink(t, SECRET, issuedAtMs + ITEM_LINK_TTL_MS)).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });

  describe('scope against the item as it is now', () => {
    const item = { id: claims.itemId, leadCode: 'STC', status: 'open', deadlineVersion: 2 };
    it.each([
      ['the same lead, deadline and an open item', item, 'ok'],
      ['an overdue item', { ...item, status: 'overdue' }, 'ok'],
      ['a submitted item (still the same agency)', { ...item, status: 'submitted' }, 'ok'],
      ['a completed item', { ...item, status: 'completed' }, 'closed'],
      ['a cancelled item', { ...item, status: 'cancelled' }, 'closed'],
      ['another lead agency', { ...item, leadCode: 'SXD' }, 'reassigned'],
      ['an extended deadline', { ...item, deadlineVersion: 3 }, 'deadline_changed'],
      ['another item', { ...item, id: '00000000-0000-4000-8000-000000000001' }, 'other_item'],
    ] as const)('%s → %s', (_name, target, expected) => {
      expect(itemLinkScope(claims, target)).toBe(expected);
    });
  });
});
