/**
 * Login-free signed links in the lead agency's mails (ADR 0011). A token names one item, one
 * agency and one deadline version, and when it was issued; it is signed with HMAC-SHA256 under
 * the server's LINK_SIGNING_SECRET. Everything here is pure apart from Node's crypto: the clock
 * is always the caller's.
 *
 * Format: `v1.<payload>.<signature>`, both base64url without padding; the payload is the JSON
 * `{"i": itemId, "a": agencyCode, "v": deadlineVersion, "t": issuedAtMs}` and the signature is
 * HMAC-SHA256(secret, "dondoc-link.v1." + <payload>), compared as text, so changing any character
 * of a token (even a padding bit of the base64) makes it invalid.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a link is about: signed into the token, checked against the item on every use. */
export interface ItemLinkClaims {
  readonly itemId: string;
  readonly agencyCode: string;
  readonly deadlineVersion: number;
  /** Epoch ms; the workflow's time of the mail, so a retried mail carries the same token. */
  readonly issuedAtMs: number;
}

/** The item as it is now, for the scope check. */
export interface ItemLinkTarget {
  readonly id: string;
  readonly leadCode: string;
  readonly status: string;
  readonly deadlineVersion: number;
}

/** A link lives 30 days from its mail. */
export const ITEM_LINK_TTL_MS = 30 * 86_400_000;

const VERSION = 'v1';
const CONTEXT = `dondoc-link.${VERSION}.`;
const CLOSED_STATUSES: readonly string[] = ['completed', 'cancelled'];

export type LinkVerification =
  | { readonly ok: true; readonly claims: ItemLinkClaims }
  /** invalid: not ours (tampered, malformed, other secret); expired: 30 days are over. */
  | { readonly ok: false; readonly reason: 'invalid' | 'expired' };

/** Why a genuine, unexpired link no longer works. */
export type LinkScope =
  | 'ok'
  /** The token names another item (never true for a token found under the right id). */
  | 'other_item'
  | 'closed'
  | 'reassigned'
  | 'deadline_changed';

const sign = (payload: string, secret: string): string =>
  createHmac('sha256', secret)
    .update(CONTEXT + payload, 'utf8')
    .digest('base64url');

/** The token for these claims: deterministic (same claims and secret, same token). */
export function signItemLink(claims: ItemLinkClaims, secret: string): string {
  const payload = Buffer.from(
    JSON.stringify({
      i: claims.itemId,
      a: claims.agencyCode,
      v: claims.deadlineVersion,
      t: claims.issuedAtMs,
    }),
    'utf8',
  ).toString('base64url');
  return `${VERSION}.${payload}.${sign(payload, secret)}`;
}

/** Signature first, then the payload's shape, then the 30 days (`now >= issued + 30 d`: expired). */
export function verifyItemLink(token: string, secret: string, nowMs: number): LinkVerification {
  const invalid: LinkVerification = { ok: false, reason: 'invalid' };
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== VERSION) return invalid;
  const [, payload = '', signature = ''] = parts;
  const expected = Buffer.from(sign(payload, secret), 'utf8');
  const given = Buffer.from(signature, 'utf8');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return invalid;
  const claims = parseClaims(payload);
  if (!claims) return invalid;
  if (nowMs >= claims.issuedAtMs + ITEM_LINK_TTL_MS) return { ok: false, reason: 'expired' };
  return { ok: true, claims };
}

/** Whether the link still speaks for the item's lead agency on its current deadline. */
export function itemLinkScope(claims: ItemLinkClaims, item: ItemLinkTarget): LinkScope {
  if (claims.itemId !== item.id) return 'other_item';
  if (CLOSED_STATUSES.includes(item.status)) return 'closed';
  if (claims.agencyCode !== item.leadCode) return 'reassigned';
  if (claims.deadlineVersion !== item.deadlineVersion) return 'deadline_changed';
  return 'ok';
}

function parseClaims(payload: string): ItemLinkClaims | null {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null) return null;
  const { i, a, v, t } = raw as Record<string, unknown>;
  if (typeof i !== 'string' || typeof a !== 'string') return null;
  if (!Number.isSafeInteger(v) || !Number.isSafeInteger(t)) return null;
  return { itemId: i, agencyCode: a, deadlineVersion: v as number, issuedAtMs: t as number };
}
