import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { LessThan, Repository } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../../libs/config/src';
import { SessionEntity, UserEntity } from '../../../../libs/persistence/src';
import { FailedAttempts, hashPassword, verifyPassword } from '../../../../libs/security/src';
import { ApiError } from '../common/api-error';
import type { AuthenticatedUser } from './authenticated-user';

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Issue 9: five failed logins within 15 minutes lock the address, and the client address. */
export const LOGIN_FAILURES = { limit: 5, windowMs: 15 * 60_000 } as const;

/** Password login and opaque bearer tokens, stored only as their SHA-256, expiring after a TTL. */
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

  async login(
    email: string,
    password: string,
    clientAddress: string,
  ): Promise<{ accessToken: string; tokenType: 'Bearer'; expiresAt: string }> {
    const address = email.trim().toLowerCase();
    const keys = [`address:${address}`, `client:${clientAddress}`];
    const waitMs = Math.max(...keys.map((k) => this.failures.lockedForMs(k)));
    if (waitMs > 0) {
      const minutes = Math.ceil(waitMs / 60_000);
      throw ApiError.tooManyRequests(
        'TOO_MANY_ATTEMPTS',
        `Đăng nhập sai quá nhiều lần; vui lòng thử lại sau ${minutes} phút.`,
        Math.ceil(waitMs / 1000),
      );
    }
    const user = await this.users.findOneBy({ email: address });
    // Verify against a fixed hash when the user is unknown, so timing does not reveal who exists.
    const ok = await verifyPassword(password, user?.passwordHash ?? (await this.unknownUserHash));
    if (!user || !ok) {
      for (const key of keys) this.failures.recordFailure(key);
      throw ApiError.unauthorized('INVALID_CREDENTIALS', 'Email hoặc mật khẩu không đúng.');
    }
    this.failures.clear(keys[0]!);
    const accessToken = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.auth.tokenTtlSeconds * 1000);
    await this.sessions.insert({ tokenHash: hashToken(accessToken), userId: user.id, expiresAt });
    // Expired sessions are dead weight; sweep them opportunistically.
    await this.sessions.delete({ expiresAt: LessThan(new Date()) });
    return { accessToken, tokenType: 'Bearer', expiresAt: expiresAt.toISOString() };
  }

  async authenticate(token: string): Promise<AuthenticatedUser> {
    const session = await this.sessions.findOneBy({ tokenHash: hashToken(token) });
    if (!session) {
      throw ApiError.unauthorized(
        'UNAUTHENTICATED',
        'Phiên đăng nhập không hợp lệ; vui lòng đăng nhập lại.',
      );
    }
    if (session.expiresAt.getTime() <= Date.now()) {
      throw ApiError.unauthorized(
        'TOKEN_EXPIRED',
        'Phiên đăng nhập đã hết hạn; vui lòng đăng nhập lại.',
      );
    }
    const user = await this.users.findOneBy({ id: session.userId });
    if (!user) {
      throw ApiError.unauthorized(
        'UNAUTHENTICATED',
        'Phiên đăng nhập không hợp lệ; vui lòng đăng nhập lại.',
      );
    }
    return { id: user.id, email: user.email, role: user.role, agencyCode: user.agencyCode };
  }

  async logout(token: string): Promise<void> {
    await this.sessions.delete({ tokenHash: hashToken(token) });
  }
}
