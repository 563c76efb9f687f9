import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Request } from 'express';
import { Repository } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../../libs/config/src';
import { endOfDay, instantAt, parseCivilDate, toVnIso } from '../../../../libs/domain/src';
import {
  AuditLogEntity,
  auditTargetLabels,
  targetKey,
  type AuditOutcome,
} from '../../../../libs/persistence/src';
import { verifyItemLink } from '../../../../libs/security/src';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { failureFacts, outcomeOf } from './audit-outcome';
import type { AuditRouteContext, RouteAudit } from './audit-routes';

export interface AuditActor {
  readonly id: string | null;
  readonly email: string | null;
  readonly role: string | null;
}

export interface AuditEntry {
  readonly action: string;
  readonly outcome: AuditOutcome;
  readonly statusCode: number | null;
  readonly code: string | null;
  readonly actor: AuditActor | null;
  readonly targetType: string | null;
  readonly targetId: string | null;
  readonly detail: Record<string, unknown> | null;
}

export interface AuditFilter {
  readonly limit: number;
  readonly offset: number;
  readonly action?: string;
  /** Part of the actor's address, case aside. */
  readonly actor?: string;
  readonly outcome?: AuditOutcome;
  readonly targetId?: string;
  /** Civil dates (UTC+7), both included. */
  readonly from?: string;
  readonly to?: string;
}

export interface AuditRecord {
  id: string;
  at: string;
  actorId: string | null;
  actorEmail: string | null;
  actorRole: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  /** The target's name people read (item code, notice number, account or agency name). */
  targetLabel: string | null;
  outcome: AuditOutcome;
  statusCode: number | null;
  code: string | null;
  clientAddress: string | null;
  request: string | null;
  detail: Record<string, unknown> | null;
}

type AuditedRequest = Request & { user?: AuthenticatedUser };

/**
 * What PostgreSQL can store of what a client sent: text and jsonb refuse U+0000, so it becomes
 * U+FFFD (the entry of a request carrying one must not be lost).
 */
export function storable<T>(value: T): T {
  if (typeof value === 'string') return value.split('\u0000').join('\uFFFD') as T;
  if (Array.isArray(value)) return value.map(storable) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [storable(k), storable(v as unknown)]),
    ) as T;
  }
  return value;
}

/** The route as declared (`/api/items/:id/progress`), never the URL with its ids or tokens. */
export function routeOf(req: Request): string {
  const route = (req as { route?: { path?: unknown } }).route;
  const path = typeof route?.path === 'string' ? route.path : req.path;
  return `${req.method} ${path}`;
}

const actorOf = (user: AuthenticatedUser | undefined): AuditActor | null =>
  user
    ? { id: user.id.startsWith('link:') ? null : user.id, email: user.email, role: user.role }
    : null;

/**
 * Writes the audit log (ADR 0020). A failed write is logged and never fails the request it
 * describes: the change has happened, and refusing to answer would not undo it.
 */
@Injectable()
export class AuditService {
  private readonly logger = new Logger('Audit');

  constructor(
    @InjectRepository(AuditLogEntity) private readonly log: Repository<AuditLogEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async record(req: Request, entry: AuditEntry): Promise<void> {
    try {
      const row = Object.assign(new AuditLogEntity(), {
        actorId: entry.actor?.id ?? null,
        actorEmail: storable(entry.actor?.email ?? null),
        actorRole: entry.actor?.role ?? null,
        action: entry.action,
        targetType: entry.targetType,
        targetId: storable(entry.targetId),
        outcome: entry.outcome,
        statusCode: entry.statusCode,
        code: entry.code,
        clientAddress: (req.ip ?? '').slice(0, 64) || null,
        request: storable(routeOf(req)),
        detail: storable(entry.detail),
      });
      await this.log.save(row, { reload: false });
    } catch (err) {
      this.logger.error(
        `audit entry ${entry.action} (${entry.outcome}) not written: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }

  /** A 401 or 403 on a route that records nothing itself. */
  refused(req: AuditedRequest, err: unknown): Promise<void> {
    const { statusCode, code } = failureFacts(err);
    return this.record(req, {
      action: 'access.refused',
      outcome: outcomeOf(statusCode),
      statusCode,
      code,
      actor: actorOf(req.user),
      targetType: null,
      targetId: null,
      detail: null,
    });
  }

  /** A route of AUDITED_ROUTES, after its handler answered (`statusCode`) or threw (`err`). */
  routeDone(
    req: AuditedRequest,
    audit: RouteAudit,
    outcome: { statusCode: number; result: unknown } | { err: unknown },
  ): Promise<void> {
    const c: AuditRouteContext = {
      params: req.params as Record<string, string | undefined>,
      body: req.body as unknown,
      result: 'result' in outcome ? outcome.result : undefined,
    };
    const { statusCode, code } =
      'err' in outcome ? failureFacts(outcome.err) : { statusCode: outcome.statusCode, code: null };
    const link = audit.link ? this.linkClaims(c.params.token) : null;
    const detail = {
      ...(audit.detail?.(c) ?? {}),
      ...(audit.link ? { channel: 'link', ...(link ? { agency: link.agencyCode } : {}) } : {}),
    };
    const actor =
      actorOf(req.user) ??
      (link ? { id: null, email: null, role: 'agency' } : null) ??
      (audit.actorEmail ? { id: null, email: audit.actorEmail(c), role: null } : null);
    return this.record(req, {
      action: audit.action,
      outcome: outcomeOf(statusCode),
      statusCode,
      code,
      actor: actor && (actor.email !== null || actor.role !== null) ? actor : null,
      targetType: audit.targetType ?? null,
      targetId: audit.link ? (link?.itemId ?? null) : (audit.target?.(c) ?? null),
      detail: Object.keys(detail).length > 0 ? detail : null,
    });
  }

  /** The item and agency a link names, even an expired one; null when it is not ours. */
  private linkClaims(token: string | undefined): { itemId: string; agencyCode: string } | null {
    if (!token) return null;
    const verified = verifyItemLink(token, this.config.linkSigningSecret, 0);
    return verified.ok ? verified.claims : null;
  }

  async list(f: AuditFilter): Promise<{ total: number; entries: AuditRecord[] }> {
    const q = this.log.createQueryBuilder('a');
    if (f.action) q.andWhere('a.action = :action', { action: f.action });
    if (f.outcome) q.andWhere('a.outcome = :outcome', { outcome: f.outcome });
    if (f.targetId) q.andWhere('a.target_id = :targetId', { targetId: f.targetId });
    if (f.actor) {
      const like = `%${f.actor.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      q.andWhere('lower(a.actor_email) LIKE :like', { like });
    }
    // parseCivilDate: a day that does not exist (2026-02-30) is a 400 INVALID_DATE.
    if (f.from) q.andWhere('a.at >= :from', { from: new Date(instantAt(parseCivilDate(f.from))) });
    if (f.to) q.andWhere('a.at < :to', { to: new Date(endOfDay(parseCivilDate(f.to))) });
    const [rows, total] = await q
      .orderBy('a.at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .take(f.limit)
      .skip(f.offset)
      .getManyAndCount();
    const labels = await auditTargetLabels(this.log.manager, rows);
    return {
      total,
      entries: rows.map((a) => ({ ...toRecord(a), targetLabel: labels.get(targetKey(a)) ?? null })),
    };
  }
}

const toRecord = (a: AuditLogEntity): Omit<AuditRecord, 'targetLabel'> => ({
  id: a.id,
  at: toVnIso(a.at.getTime()),
  actorId: a.actorId,
  actorEmail: a.actorEmail,
  actorRole: a.actorRole,
  action: a.action,
  targetType: a.targetType,
  targetId: a.targetId,
  outcome: a.outcome,
  statusCode: a.statusCode,
  code: a.code,
  clientAddress: a.clientAddress,
  request: a.request,
  detail: a.detail,
});
