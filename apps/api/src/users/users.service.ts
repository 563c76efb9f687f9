import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, IsNull, Not, Repository } from 'typeorm';
import { toVnIso } from '../../../../libs/domain/src';
import {
  AccountError,
  type AccountProblem,
  accountSearchCondition,
  AgencyEntity,
  agencyProblem,
  createAccount,
  PasswordLinkEntity,
  UserEntity,
} from '../../../../libs/persistence/src';
import {
  accountChangeRefusal,
  type AccountChange,
  accountShapeProblem,
  applyAccountChange,
} from '../../../../libs/security/src';
import { AuthService } from '../auth/auth.service';
import type { ApiError } from '../common/api-error';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { PasswordLinksService, passwordMailRecent } from '../auth/password-links.service';
import type { PasswordMailResponse } from '../auth/auth.responses';
import {
  accountChangeRefusalError,
  accountDisabledConflict,
  accountProblemError,
  userNotFound,
} from './account-errors';
import type {
  CreatedUserResponse,
  CreateUserDto,
  ListUsersQuery,
  UpdateUserDto,
  UserResponse,
  UserStatus,
} from './users.dto';

const statusOf = (u: UserEntity): UserStatus =>
  u.disabledAt ? 'disabled' : u.passwordHash === null ? 'invited' : 'active';

export const toUserResponse = (u: UserEntity): UserResponse => ({
  id: u.id,
  email: u.email,
  name: u.displayName,
  role: u.role,
  agencyCode: u.agencyCode,
  status: statusOf(u),
  createdAt: toVnIso(u.createdAt.getTime()),
  disabledAt: u.disabledAt ? toVnIso(u.disabledAt.getTime()) : null,
});

/** The secretariat's administration of accounts (ADR 0020); the rules are libs/security's. */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly auth: AuthService,
    private readonly passwordLinks: PasswordLinksService,
  ) {}

  /** The account without a password, and its invitation mailed (one-time link, a week). */
  async create(dto: CreateUserDto, actor: AuthenticatedUser): Promise<CreatedUserResponse> {
    const agencyCode = dto.agency ?? null;
    let created: Awaited<ReturnType<typeof createAccount>>;
    try {
      created = await createAccount(
        this.db,
        {
          email: dto.email,
          displayName: dto.name,
          role: dto.role,
          agencyCode,
          createdBy: actor.id,
        },
        Date.now(),
      );
    } catch (err) {
      if (err instanceof AccountError) {
        throw await this.problemError(this.db.manager, err.problem, agencyCode);
      }
      throw err;
    }
    const mail = await this.passwordLinks.mail(created.user, created.link);
    return {
      ...toUserResponse(created.user),
      invitation: { expiresAt: mail.expiresAt, mailed: mail.mailed, mailError: mail.mailError },
    };
  }

  async list(q: ListUsersQuery): Promise<{ total: number; users: UserResponse[] }> {
    const query = this.users.createQueryBuilder('u');
    if (q.role) query.andWhere('u.role = :role', { role: q.role });
    if (q.agency) query.andWhere('u.agency_code = :agency', { agency: q.agency });
    if (q.q?.trim()) {
      const search = accountSearchCondition('u', q.q);
      query.andWhere(search.sql, search.params);
    }
    switch (q.status) {
      case 'disabled':
        query.andWhere('u.disabled_at IS NOT NULL');
        break;
      case 'invited':
        query.andWhere('u.disabled_at IS NULL AND u.password_hash IS NULL');
        break;
      case 'active':
        query.andWhere('u.disabled_at IS NULL AND u.password_hash IS NOT NULL');
        break;
      case undefined:
        break;
    }
    const [rows, total] = await query
      .orderBy('u.email', 'ASC')
      .take(q.limit ?? 50)
      .skip(q.offset ?? 0)
      .getManyAndCount();
    return { total, users: rows.map(toUserResponse) };
  }

  async get(id: string): Promise<UserResponse> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw userNotFound();
    return toUserResponse(user);
  }

  /** The refusal of an account's shape or agency, the agency named by its name when known. */
  private async problemError(
    em: EntityManager,
    problem: AccountProblem,
    code: string | null,
  ): Promise<ApiError> {
    const agency =
      problem === 'agency_inactive' && code !== null
        ? await em.findOneBy(AgencyEntity, { code })
        : null;
    return accountProblemError(problem, { code, ...(agency ? { name: agency.name } : {}) });
  }

  /**
   * Renames, changes the role or agency, disables or re-enables. Disabling ends the account's
   * sessions and set-password links; the rules refuse a change of one's own account and the loss
   * of the last active secretariat.
   */
  async update(id: string, dto: UpdateUserDto, actor: AuthenticatedUser): Promise<UserResponse> {
    const change: AccountChange = {
      ...(dto.role !== undefined ? { role: dto.role } : {}),
      ...(dto.agency !== undefined ? { agencyCode: dto.agency } : {}),
      ...(dto.disabled !== undefined ? { disabled: dto.disabled } : {}),
    };
    const { user, disabledNow } = await this.db.transaction(async (em) => {
      // Serialises administration: two secretariats cannot each disable the other last one.
      await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['dondoc:accounts']);
      const target = await em.findOneBy(UserEntity, { id });
      if (!target) throw userNotFound();
      const before = {
        id: target.id,
        role: target.role,
        agencyCode: target.agencyCode,
        disabled: target.disabledAt !== null,
      };
      const refusal = accountChangeRefusal(
        actor.id,
        before,
        change,
        await this.otherSecretariats(em, target.id),
      );
      if (refusal) throw accountChangeRefusalError(refusal);
      const after = applyAccountChange(before, change);
      const shape = accountShapeProblem(after);
      if (shape) throw await this.problemError(em, shape, after.agencyCode);
      if (after.agencyCode !== null && after.agencyCode !== before.agencyCode) {
        const problem = await agencyProblem(em, after.agencyCode);
        if (problem) throw await this.problemError(em, problem, after.agencyCode);
      }
      const disabledNow = after.disabled && !before.disabled;
      await em.update(
        UserEntity,
        { id },
        {
          role: after.role,
          agencyCode: after.agencyCode,
          ...(dto.name !== undefined ? { displayName: dto.name } : {}),
          ...(after.disabled !== before.disabled
            ? { disabledAt: after.disabled ? new Date() : null }
            : {}),
        },
      );
      if (disabledNow) {
        await em.update(
          PasswordLinkEntity,
          { userId: id, usedAt: IsNull(), revokedAt: IsNull() },
          { revokedAt: new Date() },
        );
      }
      return { user: await em.findOneByOrFail(UserEntity, { id }), disabledNow };
    });
    if (disabledNow) await this.auth.revokeSessions(id);
    return toUserResponse(user);
  }

  /** A set-password mail: an invitation again while no password was set, else a reset. */
  async sendPasswordMail(id: string, actor: AuthenticatedUser): Promise<PasswordMailResponse> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw userNotFound();
    if (user.disabledAt) throw accountDisabledConflict();
    const outcome = await this.passwordLinks.issueAndMail(id, actor.id);
    if (!outcome) throw passwordMailRecent();
    return outcome;
  }

  /** Those who can log in: an invited secretariat may never set its password. */
  private otherSecretariats(em: EntityManager, targetId: string): Promise<number> {
    return em.countBy(UserEntity, {
      id: Not(targetId),
      role: 'secretariat',
      disabledAt: IsNull(),
      passwordHash: Not(IsNull()),
    });
  }
}
