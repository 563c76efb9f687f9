import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import {
  type Client,
  isGrpcDeadlineError,
  type WorkflowHandle,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import { ApplicationFailure, WorkflowNotFoundError } from '@temporalio/common';
import { randomUUID } from 'node:crypto';
import {
  acceptUpdate,
  cancelUpdate,
  changeDeadlineUpdate,
  decideExtensionUpdate,
  reassignUpdate,
  reportProgressUpdate,
  requestExtensionUpdate,
  returnUpdate,
  submitUpdate,
  UPDATE_REJECTION,
  type CommandBase,
  type CommandChannel,
  type DueSpec,
  type ItemView,
} from '../../../../libs/contracts/src';
import { isClosed, resolveNewDue, vnPublicSectorCalendar } from '../../../../libs/domain/src';
import type { ItemEntity } from '../../../../libs/persistence/src';
import { AgenciesService, toAgencyRef } from '../agencies/agencies.module';
import { type AuthenticatedUser, toActor } from '../auth/authenticated-user';
import { ApiError } from '../common/api-error';
import type {
  AcceptDto,
  ExtensionDecisionDto,
  ExtensionRequestDto,
  ProgressDto,
  ChangeDeadlineDto,
  ReasonDto,
  ReassignDto,
  SubmitDto,
} from './dto/item.dto';
import { isLeadAgency } from './item-access';
import type { ItemResponse } from '../common/item-response';
import { ItemsService } from './items.service';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';

/** How long a command may wait for the item's workflow before the API answers 503. */
export const COMMAND_WAIT_MS = 10_000;
/** What a handler needs after its validator (recording the event and the projection). */
const HANDLER_MARGIN_MS = 3_000;

/** Stamps a command with the instant after which the workflow must refuse it. */
type Stamp = <C extends CommandBase>(cmd: C) => C;
/** Sends one typed Update to the item's workflow. */
type Exec = (handle: WorkflowHandle, stamp: Stamp) => Promise<ItemView>;

/**
 * Every command is an Update on the item's workflow: its validator decides (status, content), the
 * handler records the event and the projection before answering, so the item read afterwards
 * already shows the change. The API itself never writes item state.
 */
@Injectable()
export class ItemCommandsService {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    private readonly items: ItemsService,
    private readonly agencies: AgenciesService,
  ) {}

  /**
   * The lead agency's commands (progress, submit, extension request) take the `channel` they
   * came through when it was not the agency's login: a mail's signed link (ADR 0011).
   */
  progress(
    id: string,
    dto: ProgressDto,
    user: AuthenticatedUser,
    channel?: CommandChannel,
  ): Promise<ItemResponse> {
    return this.asLead(id, user, (h, stamp) =>
      h.executeUpdate(reportProgressUpdate, {
        args: [
          stamp({
            actor: toActor(user),
            note: dto.note,
            ...(dto.percent === undefined ? {} : { percent: dto.percent }),
            ...viaChannel(channel),
          }),
        ],
      }),
    );
  }

  submit(
    id: string,
    dto: SubmitDto,
    user: AuthenticatedUser,
    channel?: CommandChannel,
  ): Promise<ItemResponse> {
    return this.asLead(id, user, (h, stamp) =>
      h.executeUpdate(submitUpdate, {
        args: [stamp({ actor: toActor(user), note: dto.note, ...viaChannel(channel) })],
      }),
    );
  }

  /** The item, plus the new request's id (what approve/reject take as `:rid`). */
  async requestExtension(
    id: string,
    dto: ExtensionRequestDto,
    user: AuthenticatedUser,
    channel?: CommandChannel,
  ): Promise<ItemResponse & { requestId: string }> {
    const due = dueSpec(dto.due);
    const requestId = randomUUID();
    const item = await this.asLead(id, user, (h, stamp) =>
      h.executeUpdate(requestExtensionUpdate, {
        args: [
          stamp({
            actor: toActor(user),
            requestId,
            due,
            reason: dto.reason,
            ...viaChannel(channel),
          }),
        ],
      }),
    );
    return { ...item, requestId };
  }

  accept(id: string, dto: AcceptDto, user: AuthenticatedUser): Promise<ItemResponse> {
    return this.run(id, user, (h, stamp) =>
      h.executeUpdate(acceptUpdate, {
        args: [stamp({ actor: toActor(user), ...(dto.note ? { note: dto.note } : {}) })],
      }),
    );
  }

  returnSubmission(id: string, dto: ReasonDto, user: AuthenticatedUser): Promise<ItemResponse> {
    return this.run(id, user, (h, stamp) =>
      h.executeUpdate(returnUpdate, {
        args: [stamp({ actor: toActor(user), reason: dto.reason })],
      }),
    );
  }

  decideExtension(
    id: string,
    requestId: string,
    approve: boolean,
    dto: ExtensionDecisionDto,
    user: AuthenticatedUser,
  ): Promise<ItemResponse> {
    return this.run(id, user, (h, stamp) =>
      h.executeUpdate(decideExtensionUpdate, {
        args: [
          stamp({
            actor: toActor(user),
            requestId,
            approve,
            ...(dto.reason ? { reason: dto.reason } : {}),
            ...(approve && dto.due ? { due: dueSpec(dto.due) } : {}),
          }),
        ],
      }),
    );
  }

  async reassign(id: string, dto: ReassignDto, user: AuthenticatedUser): Promise<ItemResponse> {
    const [lead] = await this.agencies.require([dto.lead]);
    return this.run(id, user, (h, stamp) =>
      h.executeUpdate(reassignUpdate, {
        args: [
          stamp({
            actor: toActor(user),
            lead: toAgencyRef(lead!),
            ...(dto.reason ? { reason: dto.reason } : {}),
          }),
        ],
      }),
    );
  }

  changeDeadline(
    id: string,
    dto: ChangeDeadlineDto,
    user: AuthenticatedUser,
  ): Promise<ItemResponse> {
    return this.run(id, user, (h, stamp) =>
      h.executeUpdate(changeDeadlineUpdate, {
        args: [stamp({ actor: toActor(user), due: dueSpec(dto.due), reason: dto.reason })],
      }),
    );
  }

  cancel(id: string, dto: ReasonDto, user: AuthenticatedUser): Promise<ItemResponse> {
    return this.run(id, user, (h, stamp) =>
      h.executeUpdate(cancelUpdate, {
        args: [stamp({ actor: toActor(user), reason: dto.reason })],
      }),
    );
  }

  private async asLead(id: string, user: AuthenticatedUser, exec: Exec): Promise<ItemResponse> {
    const row = await this.items.findVisible(id, user);
    if (!isLeadAgency(user, row)) {
      throw ApiError.forbidden('Chỉ cơ quan chủ trì nhiệm vụ mới được thực hiện thao tác này.');
    }
    return this.send(row, user, exec);
  }

  private async run(id: string, user: AuthenticatedUser, exec: Exec): Promise<ItemResponse> {
    return this.send(await this.items.findVisible(id, user), user, exec);
  }

  private async send(row: ItemEntity, user: AuthenticatedUser, exec: Exec): Promise<ItemResponse> {
    if (isClosed(row.status)) {
      throw ApiError.conflict(
        'ITEM_CLOSED',
        'Nhiệm vụ đã kết thúc; không thể thực hiện thao tác này.',
      );
    }
    if (row.workflowState !== 'started') {
      throw ApiError.conflict(
        'ITEM_NOT_STARTED',
        'Nhiệm vụ đang được khởi tạo; vui lòng thử lại sau giây lát.',
      );
    }
    // The API waits COMMAND_WAIT_MS at most; the workflow refuses the command once its clock
    // passes notAfter, earlier by the time a handler needs, so a 503 leaves the item unchanged.
    const sentAt = Date.now();
    const notAfter = sentAt + COMMAND_WAIT_MS - HANDLER_MARGIN_MS;
    const stamp: Stamp = (cmd) => ({ ...cmd, notAfter });
    try {
      await this.client.withDeadline(sentAt + COMMAND_WAIT_MS, () =>
        exec(this.client.workflow.getHandle(row.workflowId), stamp),
      );
    } catch (err) {
      throw toApiError(err);
    }
    return this.items.get(row.id, user);
  }
}

const viaChannel = (channel: CommandChannel | undefined): { channel?: CommandChannel } =>
  channel ? { channel } : {};

function dueSpec(input: string): DueSpec {
  const due = resolveNewDue(input, vnPublicSectorCalendar);
  return { date: due.dueDate ?? null, at: due.dueAt };
}

/** Update rejections carry the workflow's Vietnamese message and a type the API maps to a status. */
export function toApiError(err: unknown): unknown {
  if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
    const { type, message } = err.cause;
    if (type === UPDATE_REJECTION.invalidTransition) {
      return ApiError.conflict('INVALID_TRANSITION', message);
    }
    if (type === UPDATE_REJECTION.notFound) return ApiError.notFound('NOT_FOUND', message);
    if (type === UPDATE_REJECTION.invalidCommand) {
      return ApiError.badRequest('INVALID_COMMAND', message);
    }
  }
  if (
    isGrpcDeadlineError(err) ||
    (err instanceof WorkflowUpdateFailedError &&
      err.cause instanceof ApplicationFailure &&
      err.cause.type === UPDATE_REJECTION.expired)
  ) {
    return new ApiError(
      HttpStatus.SERVICE_UNAVAILABLE,
      'WORKFLOW_UNAVAILABLE',
      'Hệ thống đang bận, thao tác chưa được thực hiện; vui lòng thử lại sau ít phút.',
    );
  }
  if (err instanceof WorkflowNotFoundError) {
    return ApiError.conflict(
      'ITEM_CLOSED',
      'Nhiệm vụ đã kết thúc; không thể thực hiện thao tác này.',
    );
  }
  return err;
}
