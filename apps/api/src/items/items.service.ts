import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { itemWorkflowId } from '../../../../libs/contracts/src';
import { resolveNewDue, resolvePolicy, vnPublicSectorCalendar } from '../../../../libs/domain/src';
import {
  ItemReadRepository,
  ItemStartRepository,
  type ItemEntity,
  type ItemEventRecord,
  type ItemPage,
} from '../../../../libs/persistence/src';
import { AgenciesService } from '../agencies/agencies.module';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ApiError } from '../common/api-error';
import type { CreateItemDto, ListItemsQuery } from './dto/item.dto';
import { canRead } from './item-access';
import { allowedCommands, type ItemCommand } from './item-actions';
import type { ItemResponse } from '../common/item-response';
import { ItemWorkflowStarter } from './item-workflow-starter';

/** Reads come from PostgreSQL (the projection the workflow's activities write); creation starts a workflow. */
@Injectable()
export class ItemsService {
  constructor(
    private readonly read: ItemReadRepository,
    private readonly rows: ItemStartRepository,
    private readonly agencies: AgenciesService,
    private readonly starter: ItemWorkflowStarter,
  ) {}

  async create(dto: CreateItemDto, user: AuthenticatedUser): Promise<ItemResponse> {
    const support = [...new Set(dto.support ?? [])].filter((c) => c !== dto.lead);
    await this.agencies.require([dto.lead, ...support]);
    // Domain errors (INVALID_DUE, INVALID_DURATION) become 400s before anything is written.
    const due = resolveNewDue(dto.due, vnPublicSectorCalendar);
    const policy = resolvePolicy(dto.policy);
    const id = randomUUID();
    const [row] = await this.rows.insertPending([
      {
        id,
        workflowId: itemWorkflowId(id),
        noticeId: null,
        position: null,
        code: null,
        text: dto.text,
        leadCode: dto.lead,
        supportCodes: support,
        reportTo: dto.reportTo ?? null,
        dueDate: due.dueDate ?? null,
        dueAt: due.dueAt,
        deadline: {
          kind: due.dueDate ? 'date' : 'instant',
          input: dto.due,
          movedToWorkingDay: due.movedToWorkingDay,
        },
        policy,
      },
    ]);
    if (row) await this.starter.tryStart(row, user.email);
    return this.get(id, user);
  }

  /** One page of the items the caller may read, and how many match. */
  list(q: ListItemsQuery, user: AuthenticatedUser): Promise<ItemPage> {
    const visibleTo = user.role === 'agency' ? (user.agencyCode ?? '') : undefined;
    return this.read.page({ ...q, ...(visibleTo === undefined ? {} : { visibleTo }) }, Date.now());
  }

  /** The row, or 404; 403 when the caller may not read it. */
  async findVisible(id: string, user: AuthenticatedUser): Promise<ItemEntity> {
    const row = await this.read.findRow(id);
    if (!row) throw ApiError.notFound('ITEM_NOT_FOUND', 'Không tìm thấy nhiệm vụ.');
    if (!canRead(user, row)) throw ApiError.forbidden('Nhiệm vụ này không thuộc cơ quan của bạn.');
    return row;
  }

  async get(id: string, user: AuthenticatedUser): Promise<ItemResponse> {
    return this.read.record(await this.findVisible(id, user), Date.now());
  }

  /** The commands the caller may send to the item now (the buttons the web app shows). */
  async actions(id: string, user: AuthenticatedUser): Promise<{ actions: ItemCommand[] }> {
    return { actions: allowedCommands(user, await this.findVisible(id, user)) };
  }

  async history(id: string, user: AuthenticatedUser): Promise<ItemEventRecord[]> {
    return this.read.history((await this.findVisible(id, user)).workflowId);
  }
}
