import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Brackets, Repository } from 'typeorm';
import { itemWorkflowId } from '../../../../libs/contracts/src';
import { resolveDue, resolvePolicy, vnPublicSectorCalendar } from '../../../../libs/domain/src';
import { ItemEntity, ItemEventEntity } from '../../../../libs/persistence/src';
import { AgenciesService } from '../agencies/agencies.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ApiError } from '../common/api-error';
import type { CreateItemDto, ListItemsQuery } from './dto/item.dto';
import { canRead } from './item-access';
import {
  type ItemEventResponse,
  type ItemResponse,
  toEventResponse,
  toItemResponse,
} from './item-response';
import { ItemWorkflowStarter } from './item-workflow-starter';

/** Reads come from PostgreSQL (the projection the workflow's activities write); creation starts a workflow. */
@Injectable()
export class ItemsService {
  constructor(
    @InjectRepository(ItemEntity) private readonly items: Repository<ItemEntity>,
    @InjectRepository(ItemEventEntity) private readonly events: Repository<ItemEventEntity>,
    private readonly agencies: AgenciesService,
    private readonly starter: ItemWorkflowStarter,
  ) {}

  async create(dto: CreateItemDto, user: AuthenticatedUser): Promise<ItemResponse> {
    const support = [...new Set(dto.support ?? [])].filter((c) => c !== dto.lead);
    await this.agencies.require([dto.lead, ...support]);
    // Domain errors (INVALID_DUE, INVALID_DURATION) become 400s before anything is written.
    const due = resolveDue(dto.due, vnPublicSectorCalendar);
    const policy = resolvePolicy(dto.policy);
    const id = randomUUID();
    const row = this.items.create({
      id,
      workflowId: itemWorkflowId(id),
      noticeId: null,
      code: null,
      text: dto.text,
      leadCode: dto.lead,
      supportCodes: support,
      reportTo: dto.reportTo ?? null,
      dueDate: due.dueDate ?? null,
      dueAt: new Date(due.dueAt),
      originalDueDate: due.dueDate ?? null,
      originalDueAt: new Date(due.dueAt),
      deadline: {
        kind: due.dueDate ? 'date' : 'instant',
        input: dto.due,
        movedToWorkingDay: due.movedToWorkingDay,
      },
      policy,
      status: 'open',
      version: 0,
      workflowState: 'pending',
    });
    await this.items.save(row);
    await this.starter.tryStart(row, user.email);
    return this.get(id, user);
  }

  async list(q: ListItemsQuery, user: AuthenticatedUser): Promise<ItemResponse[]> {
    const qb = this.items
      .createQueryBuilder('i')
      .orderBy('i.due_at', 'ASC', 'NULLS LAST')
      .addOrderBy('i.created_at', 'ASC');
    if (user.role === 'agency') {
      qb.andWhere(
        new Brackets((w) =>
          w
            .where('i.lead_code = :own', { own: user.agencyCode })
            .orWhere(':own = ANY(i.support_codes)'),
        ),
      );
    }
    if (q.status) qb.andWhere('i.status = :status', { status: q.status });
    if (q.lead) qb.andWhere('i.lead_code = :lead', { lead: q.lead });
    if (q.noticeId) qb.andWhere('i.notice_id = :noticeId', { noticeId: q.noticeId });
    if (q.overdue === true) qb.andWhere(OVERDUE_SQL);
    if (q.overdue === false) qb.andWhere(`NOT (${OVERDUE_SQL})`);
    qb.take(q.limit ?? 200).skip(q.offset ?? 0);
    const [rows, names] = await Promise.all([qb.getMany(), this.agencies.namesByCode()]);
    const now = Date.now();
    return rows.map((r) => toItemResponse(r, names, now));
  }

  /** The row, or 404; 403 when the caller may not read it. */
  async findVisible(id: string, user: AuthenticatedUser): Promise<ItemEntity> {
    const row = await this.items.findOneBy({ id });
    if (!row) throw ApiError.notFound('ITEM_NOT_FOUND', 'Không tìm thấy nhiệm vụ.');
    if (!canRead(user, row)) throw ApiError.forbidden('Nhiệm vụ này không thuộc cơ quan của bạn.');
    return row;
  }

  async get(id: string, user: AuthenticatedUser): Promise<ItemResponse> {
    const row = await this.findVisible(id, user);
    return toItemResponse(row, await this.agencies.namesByCode(), Date.now());
  }

  async history(id: string, user: AuthenticatedUser): Promise<ItemEventResponse[]> {
    const row = await this.findVisible(id, user);
    const events = await this.events.find({
      where: { workflowId: row.workflowId },
      order: { seq: 'ASC' },
    });
    return events.map(toEventResponse);
  }
}

/** Past the legal due instant and still open (the workflow marks it 'overdue' at that instant). */
export const OVERDUE_SQL = `(i.status = 'overdue' OR (i.status = 'open' AND i.due_at <= now()))`;
