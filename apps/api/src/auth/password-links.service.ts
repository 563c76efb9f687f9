import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { type DataSource, IsNull, MoreThan, Repository } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../../libs/config/src';
import { toVnIso } from '../../../../libs/domain/src';
import { MAILER, type Mailer, renderAccountMail } from '../../../../libs/mail/src';
import {
  AgencyEntity,
  type IssuedPasswordLink,
  issuePasswordLink,
  normalizeEmail,
  PasswordLinkEntity,
  SessionEntity,
  UserEntity,
} from '../../../../libs/persistence/src';
import {
  hashOpaqueToken,
  hashPassword,
  mayMailPasswordLink,
  PASSWORD_MAIL_COOLDOWN_MS,
  type PasswordLinkPurpose,
  passwordLinkState,
  setPasswordUrl,
} from '../../../../libs/security/src';
import { ApiError } from '../common/api-error';
import { authErrors } from './auth-errors';
import { AuthService } from './auth.service';

/** What became of a set-password mail. */
export interface PasswordMailOutcome {
  purpose: PasswordLinkPurpose;
  /** ISO-8601 (UTC+7): until when the link works. */
  expiresAt: string;
  /** Whether the SMTP server took the mail. */
  mailed: boolean;
  /** Why not, when it did not (the SMTP server's words). */
  mailError: string | null;
}

export interface PasswordLinkInfo {
  email: string;
  name: string;
  purpose: PasswordLinkPurpose;
  expiresAt: string;
}

/**
 * One-time set-password links (ADR 0020): mailing them (invitation, reset), reading one, and
 * setting a password with one. A link's mail goes out once: a newer link revokes the older ones,
 * and no second mail leaves for a user within PASSWORD_MAIL_COOLDOWN_MS of one that did not fail
 * and whose link is still unused.
 */
@Injectable()
export class PasswordLinksService {
  private readonly logger = new Logger('PasswordLinks');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(PasswordLinkEntity) private readonly links: Repository<PasswordLinkEntity>,
    @InjectRepository(AgencyEntity) private readonly agencies: Repository<AgencyEntity>,
    @Inject(MAILER) private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly auth: AuthService,
  ) {}

  /** Mails a link just issued (an invitation made with the account); records the outcome. */
  async mail(user: UserEntity, link: IssuedPasswordLink): Promise<PasswordMailOutcome> {
    const agency = user.agencyCode
      ? await this.agencies.findOneBy({ code: user.agencyCode })
      : null;
    const rendered = renderAccountMail({
      kind: link.purpose,
      name: user.displayName,
      email: user.email,
      role: user.role,
      agencyName: agency?.name ?? null,
      url: setPasswordUrl(this.config.publicBaseUrl, link.token),
      expiresAtMs: link.expiresAt.getTime(),
    });
    let mailError: string | null = null;
    try {
      await this.mailer.send({
        to: user.email,
        ...rendered,
        // One Message-ID per link: a mail server that sees it twice knows it is the same mail.
        messageId: `<password-link.${link.id}@${this.messageIdDomain()}>`,
      });
    } catch (err) {
      mailError = (err instanceof Error ? err.message : String(err)).slice(0, 500);
      this.logger.warn(`${link.purpose} mail to ${user.email} not sent: ${mailError}`);
    }
    await this.links.update(
      { id: link.id },
      mailError === null ? { mailedAt: new Date() } : { mailError },
    );
    return {
      purpose: link.purpose,
      expiresAt: toVnIso(link.expiresAt.getTime()),
      mailed: mailError === null,
      mailError,
    };
  }

  /**
   * A new link for `user`, mailed: an invitation while it has never set a password, else a reset.
   * Null when a mail for the user went out (or is going) less than the cooldown ago.
   */
  async issueAndMail(
    userId: string,
    createdBy: string | null,
    purpose?: PasswordLinkPurpose,
  ): Promise<PasswordMailOutcome | null> {
    const issued = await this.db.transaction(async (em) => {
      // The user's row lock serialises two requests for the same user: one mail, not two.
      const user = await em.findOne(UserEntity, {
        where: { id: userId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!user) return null;
      const now = Date.now();
      const recent = await em.findOne(PasswordLinkEntity, {
        where: {
          userId,
          mailError: IsNull(),
          usedAt: IsNull(),
          createdAt: MoreThan(new Date(now - PASSWORD_MAIL_COOLDOWN_MS)),
        },
        order: { createdAt: 'DESC' },
      });
      if (!mayMailPasswordLink(recent?.createdAt.getTime() ?? null, now)) return null;
      const kind = purpose ?? (user.passwordHash === null ? 'invitation' : 'reset');
      return { user, link: await issuePasswordLink(em, userId, kind, createdBy, now) };
    });
    return issued ? this.mail(issued.user, issued.link) : null;
  }

  /**
   * "Quên mật khẩu": a reset link for an enabled account, silently nothing otherwise. Done after
   * the answer, so that its time does not tell whether the address has an account.
   */
  requestReset(email: string): void {
    const send = async (): Promise<void> => {
      const user = await this.users.findOneBy({ email: normalizeEmail(email) });
      if (!user || user.disabledAt) return;
      await this.issueAndMail(user.id, null, 'reset');
    };
    send().catch((err: unknown) =>
      this.logger.error(
        `password reset for an address not handled: ${err instanceof Error ? err.message : String(err)}`,
      ),
    );
  }

  async inspect(token: string): Promise<PasswordLinkInfo> {
    const { link, user } = await this.usable(token);
    return {
      email: user.email,
      name: user.displayName,
      purpose: link.purpose,
      expiresAt: toVnIso(link.expiresAt.getTime()),
    };
  }

  /** Sets the password, uses the link up and ends every session of the user. */
  async setPassword(token: string, password: string): Promise<{ email: string }> {
    const { user } = await this.usable(token);
    this.auth.requireStrong(password, user.email);
    const passwordHash = await hashPassword(password);
    await this.db.transaction(async (em) => {
      const link = await em.findOne(PasswordLinkEntity, {
        where: { tokenHash: hashOpaqueToken(token) },
        lock: { mode: 'pessimistic_write' },
      });
      // A concurrent use of the same link got there first.
      if (!link || link.usedAt !== null) throw authErrors.linkUsed();
      const now = new Date();
      await em.update(PasswordLinkEntity, { id: link.id }, { usedAt: now });
      await em.update(
        PasswordLinkEntity,
        { userId: user.id, usedAt: IsNull(), revokedAt: IsNull() },
        { revokedAt: now },
      );
      await em.update(UserEntity, { id: user.id }, { passwordHash });
      await em.delete(SessionEntity, { userId: user.id });
    });
    return { email: user.email };
  }

  private async usable(token: string): Promise<{ link: PasswordLinkEntity; user: UserEntity }> {
    const link = await this.links.findOneBy({ tokenHash: hashOpaqueToken(token) });
    if (!link) throw authErrors.linkInvalid();
    const state = passwordLinkState(
      {
        expiresAtMs: link.expiresAt.getTime(),
        usedAtMs: link.usedAt?.getTime() ?? null,
        revokedAtMs: link.revokedAt?.getTime() ?? null,
      },
      Date.now(),
    );
    const user = await this.users.findOneBy({ id: link.userId });
    if (!user) throw authErrors.linkInvalid();
    switch (state) {
      case 'used':
        throw authErrors.linkUsed();
      case 'revoked':
        throw authErrors.linkRevoked();
      case 'expired':
        throw authErrors.linkExpired();
      case 'usable':
        if (user.disabledAt) throw authErrors.linkRevoked();
        return { link, user };
    }
  }

  private messageIdDomain(): string {
    const m = /@([A-Za-z0-9.-]+)>?\s*$/.exec(this.config.mailFrom);
    return m?.[1] ?? 'dondoc.local';
  }
}

export const passwordMailRecent = (): ApiError =>
  ApiError.conflict(
    'PASSWORD_MAIL_RECENT',
    `Thư đặt mật khẩu cho tài khoản này vừa được gửi; hãy chờ ${PASSWORD_MAIL_COOLDOWN_MS / 60_000} phút trước khi gửi lại.`,
  );
