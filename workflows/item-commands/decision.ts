/** What a command reducer returns: a transition, or a rejection the update validator throws. */
import type { CommandChannel, DueSpec } from '../../libs/contracts/src';
import { COMMAND_CHANNELS, UPDATE_REJECTION } from '../../libs/contracts/src';
import {
  isPastDue,
  type DomainError,
  type ItemAction,
  type TransitionContext,
} from '../../libs/domain/src';
import type { Context, ItemState, Transition } from '../item-transition';

export type UpdateRejectionType = (typeof UPDATE_REJECTION)[keyof typeof UPDATE_REJECTION];

export interface Rejection {
  readonly rejected: true;
  readonly type: UpdateRejectionType;
  readonly message: string;
}

export type Decision = Transition | Rejection;

/** A command reducer: the state, the command, the clock → the decision. */
export type Reducer<C> = (state: ItemState, cmd: C, ctx: Context) => Decision;

export const isRejection = (d: Decision): d is Rejection => 'rejected' in d;

export const reject = (type: UpdateRejectionType, message: string): Rejection => ({
  rejected: true,
  type,
  message,
});

export const invalid = (message: string): Rejection =>
  reject(UPDATE_REJECTION.invalidCommand, message);

/** The domain's refusal of a status change, as an update rejection (→ 409). */
export const refused = (error: DomainError): Rejection =>
  reject(UPDATE_REJECTION.invalidTransition, error.message);

/**
 * What the status model needs to know of the deadline: whether `due` (the current one, or the
 * one an approved extension brings) has passed.
 */
export const deadlineContext = (ctx: Context, due: DueSpec | null): TransitionContext => ({
  overdueNow: isPastDue(due?.at ?? null, ctx.now),
});

/**
 * The event detail's channel when a command came another way than a login (ADR 0011):
 * `channel` is the label people read ("qua liên kết trong thư"), `channelCode` the stable code.
 */
export const channelDetail = (
  channel: CommandChannel | undefined,
): { channel?: string; channelCode?: string } =>
  channel
    ? { channel: COMMAND_CHANNELS[channel].label, channelCode: COMMAND_CHANNELS[channel].code }
    : {};

export const blank = (s: string | undefined | null): boolean => (s ?? '').trim().length === 0;

export type { ItemAction };
