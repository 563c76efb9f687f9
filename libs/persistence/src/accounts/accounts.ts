import { randomUUID } from 'node:crypto';
import { type DataSource, type EntityManager, IsNull, QueryFailedError } from 'typeorm';
import {
  accountShapeProblem,
  newOpaqueToken,
  PASSWORD_LINK_TTL_MS,
  type PasswordLinkPurpose,
} from '../../../security/src';
import { AgencyEntity } from '../entities/agency.entity';
import { PasswordLinkEntity } from '../entities/password-link.entity';
import { UserEntity, type UserRole } from '../entities/user.entity';
import { searchPattern } from '../items/search-fold';

/**
 * The condition "the account's address or name contains the query", diacritics and case aside
 * ("nguyen thi hoa" finds "Nguyễn Thị Hoa"), as the items search does (ADR 0017); `alias` is the
 * users table's alias in the query, the pattern its one parameter.
 */
export function accountSearchCondition(
  alias: string,
  query: string,
): { sql: string; params: { accountSearch: string } } {
  return {
    sql: `(${alias}.email ~ :accountSearch OR ${alias}.display_name ~ :accountSearch)`,
    params: { accountSearch: searchPattern(query.trim()) },
  };
}

/**
 * Creating an account and issuing its one-time set-password link: shared by the API
 * (`POST /api/users`, resets) and the admin CLI (`npm run admin -- create-user`).
 */
export interface NewAccount {
  readonly email: string;
  readonly displayName: string;
  readonly role: UserRole;
  readonly agencyCode: string | null;
  /** The secretariat user creating it; null for the admin CLI. */
  readonly createdBy: string | null;
}

export interface IssuedPasswordLink {
  readonly id: string;
  /** The link's secret: mailed or printed once, stored only as its SHA-256. */
  readonly token: string;
  readonly purpose: PasswordLinkPurpose;
  readonly expiresAt: Date;
}

export type AccountProblem =
  'email_taken' | 'agency_required' | 'agency_not_allowed' | 'unknown_agency' | 'agency_inactive';

export class AccountError extends Error {
  override readonly name = 'AccountError';
  constructor(readonly problem: AccountProblem) {
    super(problem);
  }
}

const PG_UNIQUE_VIOLATION = '23505';

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

/** Why `agencyCode` cannot be given to a user or an item now, or null. */
export async function agencyProblem(
  em: EntityManager,
  agencyCode: string,
): Promise<'unknown_agency' | 'agency_inactive' | null> {
  const agency = await em.findOneBy(AgencyEntity, { code: agencyCode });
  if (!agency) return 'unknown_agency';
  return agency.active ? null : 'agency_inactive';
}

/** The user (without a password) and its invitation link, in one transaction. */
export async function createAccount(
  dataSource: DataSource,
  account: NewAccount,
  nowMs: number,
): Promise<{ user: UserEntity; link: IssuedPasswordLink }> {
  const shape = accountShapeProblem(account);
  if (shape) throw new AccountError(shape);
  try {
    return await dataSource.transaction(async (em) => {
      if (account.agencyCode !== null) {
        const problem = await agencyProblem(em, account.agencyCode);
        if (problem) throw new AccountError(problem);
      }
      const user = em.create(UserEntity, {
        id: randomUUID(),
        email: normalizeEmail(account.email),
        displayName: account.displayName.trim(),
        passwordHash: null,
        role: account.role,
        agencyCode: account.agencyCode,
        disabledAt: null,
      });
      await em.insert(UserEntity, user);
      const link = await issuePasswordLink(em, user.id, 'invitation', account.createdBy, nowMs);
      return { user: await em.findOneByOrFail(UserEntity, { id: user.id }), link };
    });
  } catch (err) {
    if (
      err instanceof QueryFailedError &&
      (err.driverError as { code?: string }).code === PG_UNIQUE_VIOLATION
    ) {
      throw new AccountError('email_taken');
    }
    throw err;
  }
}

/** A new one-time link for the user; the user's older links that are still usable die. */
export async function issuePasswordLink(
  em: EntityManager,
  userId: string,
  purpose: PasswordLinkPurpose,
  createdBy: string | null,
  nowMs: number,
): Promise<IssuedPasswordLink> {
  const now = new Date(nowMs);
  await em.update(
    PasswordLinkEntity,
    { userId, usedAt: IsNull(), revokedAt: IsNull() },
    { revokedAt: now },
  );
  const { token, hash } = newOpaqueToken();
  const id = randomUUID();
  const expiresAt = new Date(nowMs + PASSWORD_LINK_TTL_MS[purpose]);
  await em.insert(PasswordLinkEntity, {
    id,
    userId,
    tokenHash: hash,
    purpose,
    expiresAt,
    usedAt: null,
    revokedAt: null,
    createdBy,
    mailedAt: null,
    mailError: null,
  });
  return { id, token, purpose, expiresAt };
}
