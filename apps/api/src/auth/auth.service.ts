import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { LessThan, Not, Repository } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../../libs/config/src';
import {
  normalizeEmail,
  SessionEntity,
  UserEntity,
  type UserRole,
} from '../../../../libs/persistence/src';
import {
  FailedAttempts,
  hashOpaqueToken,
  hashPassword,
  needsRehash,
  newOpaqueToken,
  passwordProblem,
  sessionVerdict,
  shouldTouchSession,
  verifyPassword,
} from '../../../../libs/security/src';
import { authErrors, passwordTooWeak } from './auth-errors';
import type { AuthenticatedUser } from './authenticated-user';

/** Issue 9: five failed logins within 15 minutes lock the address, and the client address. */
export const LOGIN_FAILURES = { limit: 5, windowMs: 15 * 60_000 } as const;

/** A session and its user (null columns when the user row is gone), as `authenticate` reads it. */
type SessionUserRow = {
  readonly expires_at: Date;
  readonly last_used_at: Date;
} & (
  | {
      readonly id: string;
      readonly email: string;
      readonly role: UserRole;
      readonly agency_code: string | null;
      readonly display_name: string;
      readonly disabled_at: Date | null;
    }
  | { readonly id: null; readonly disabled_at: null }
);

const SESSION_USER_SQL = `SELECT s.expires_at, s.last_used_at, u.id, u.email, u.role, u.agency_code,
       u.display_name, u.disabled_at
  FROM sessions s LEFT JOIN users u ON u.id = s.user_id
 WHERE s.token_hash = $1`;

export interface LoginResult {
  accessToken: string;
  tokenType: 'Bearer';
  expiresAt: string;
}

/**
 * Password login and opaque bearer tokens, stored only as their SHA-256; a session dies at its
 * absolute expiry (AUTH_TOKEN_TTL_SECONDS), after AUTH_IDLE_TIMEOUT_SECONDS unused, when its user
 * is disabled or logs out everywhere, and on a password change (the other sessions).
 */
@Injectable()
export class AuthService {
  /** Hash of a random password nobody knows, checked when the e-mail is unknown. */
  private readonly unknownUserHash = hashPassword(randomBytes(16).toString('hex'));
  /** In memory: one API process per province (ADR 0019); a restart forgets the counts. */
  private readonly failures = new FailedAttempts(LOGIN_FAILURES);

  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(email: string, password: string, clientAddress: string): Promise<LoginResult> {
    const address = normalizeEmail(email);
    const keys = [`address:${address}`, `client:${clientAddress}`];
    this.refuseWhileLocked(keys);
    const user = await this.users.findOneBy({ email: address });
    // Verify against a fixed hash when there is no password, so timing does not reveal who exists.
    const stored = user?.passwordHash ?? (await this.unknownUserHash);
    const ok = await verifyPassword(password, stored);
    if (!user?.passwordHash || !ok) {
      for (const key of keys) this.failures.recordFailure(key);
      throw authErrors.invalidCredentials();
    }
    this.failures.clear(keys[0]!);
    // Only whoever knows the password learns that the account is disabled.
    if (user.disabledAt) throw authErrors.accountDisabled();
    if (needsRehash(user.passwordHash)) {
      // Only if unchanged meanwhile: a concurrent password change wins.
      await this.users.update(
        { id: user.id, passwordHash: user.passwordHash },
        { passwordHash: await hashPassword(password) },
      );
    }
    return this.openSession(user.id);
  }

  async authenticate(token: string): Promise<AuthenticatedUser> {
    const tokenHash = hashOpaqueToken(token);
    // The session and its user in one statement (bench api, ADR 0023): the guard runs on every
    // request. No row: no such session (a revoked one is deleted).
    const [row] = await this.sessions.query<SessionUserRow[]>(SESSION_USER_SQL, [tokenHash]);
    if (!row) throw authErrors.invalidSession();
    const now = Date.now();
    const idleMs = this.config.auth.idleTimeoutSeconds * 1000;
    const times = {
      expiresAtMs: row.expires_at.getTime(),
      lastUsedAtMs: row.last_used_at.getTime(),
    };
    switch (sessionVerdict(times, now, idleMs)) {
      case 'expired':
        throw authErrors.expired();
      case 'idle':
        throw authErrors.idle(Math.round(this.config.auth.idleTimeoutSeconds / 60));
      case 'active':
        break;
    }
    if (row.id === null) throw authErrors.invalidSession();
    if (row.disabled_at !== null) {
      await this.revokeSessions(row.id);
      throw authErrors.accountDisabled();
    }
    if (shouldTouchSession(times.lastUsedAtMs, now, idleMs)) {
      await this.sessions.update({ tokenHash }, { lastUsedAt: new Date(now) });
    }
    return {
      id: row.id,
      email: row.email,
      role: row.role,
      agencyCode: row.agency_code,
      name: row.display_name,
    };
  }

  async logout(token: string): Promise<void> {
    await this.sessions.delete({ tokenHash: hashOpaqueToken(token) });
  }

  /** Ends every session of the user, or every one but `keepToken`'s; returns how many. */
  async revokeSessions(userId: string, keepToken?: string): Promise<number> {
    const result = await this.sessions.delete(
      keepToken === undefined ? { userId } : { userId, tokenHash: Not(hashOpaqueToken(keepToken)) },
    );
    return result.affected ?? 0;
  }

  /**
   * The signed-in user's new password; a wrong current one counts as a failed login of the
   * address (a stolen session cannot guess it), and the user's other sessions end.
   */
  async changePassword(
    user: AuthenticatedUser,
    current: string,
    next: string,
    token: string,
  ): Promise<void> {
    const key = `address:${user.email}`;
    this.refuseWhileLocked([key]);
    const row = await this.users.findOneBy({ id: user.id });
    if (!row) throw authErrors.invalidSession();
    if (!row.passwordHash || !(await verifyPassword(current, row.passwordHash))) {
      this.failures.recordFailure(key);
      throw authErrors.currentPasswordWrong();
    }
    this.requireStrong(next, row.email);
    if (next.normalize('NFC') === current.normalize('NFC')) throw authErrors.passwordUnchanged();
    await this.users.update({ id: row.id }, { passwordHash: await hashPassword(next) });
    await this.revokeSessions(row.id, token);
  }

  requireStrong(password: string, email: string): void {
    const problem = passwordProblem(password, email);
    if (problem) throw passwordTooWeak(problem);
  }

  private refuseWhileLocked(keys: readonly string[]): void {
    const waitMs = Math.max(...keys.map((k) => this.failures.lockedForMs(k)));
    if (waitMs > 0) throw authErrors.tooManyAttempts(waitMs);
  }

  private async openSession(userId: string): Promise<LoginResult> {
    const { token, hash } = newOpaqueToken();
    const now = Date.now();
    const expiresAt = new Date(now + this.config.auth.tokenTtlSeconds * 1000);
    await this.sessions.insert({ tokenHash: hash, userId, expiresAt, lastUsedAt: new Date(now) });
    // Expired sessions are dead weight; sweep them opportunistically.
    await this.sessions.delete({ expiresAt: LessThan(new Date(now)) });
    return { accessToken: token, tokenType: 'Bearer', expiresAt: expiresAt.toISOString() };
  }
}
