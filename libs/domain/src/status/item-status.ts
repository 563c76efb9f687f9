import { DomainError } from '../errors';

export const ITEM_STATUSES = ['open', 'overdue', 'submitted', 'completed', 'cancelled'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/** Each status as people read it (papers the server writes: spreadsheets, letters, digests). */
export const ITEM_STATUS_LABELS: Readonly<Record<ItemStatus, string>> = {
  open: 'Đang thực hiện',
  overdue: 'Quá hạn',
  submitted: 'Chờ xác nhận hoàn thành',
  completed: 'Đã hoàn thành',
  cancelled: 'Đã hủy',
};

/**
 * The status people are shown: an open item past its legal due reads "Quá hạn" at once, before
 * its workflow's timer marks it overdue (the web app's StatusTag reads it the same way).
 */
export const statusShown = (item: { status: ItemStatus; overdue: boolean }): ItemStatus =>
  item.overdue && item.status === 'open' ? 'overdue' : item.status;

export const ITEM_ACTIONS = [
  'progress',
  'submit',
  'accept',
  'return',
  'requestExtension',
  'approveExtension',
  'rejectExtension',
  'reassign',
  'cancel',
  'markOverdue',
  /** The secretariat corrects the deadline (a slip at intake, a new instruction): no request. */
  'changeDeadline',
] as const;
export type ItemAction = (typeof ITEM_ACTIONS)[number];

export interface TransitionContext {
  /** Whether now >= the legal due instant of the (possibly just extended) deadline. */
  overdueNow: boolean;
}

/** 'open|overdue' depends on the deadline: used after a return or an approved extension. */
type Target = ItemStatus | 'byDeadline';

/**
 * The whole status model. A missing entry is a forbidden transition.
 * - progress, extension requests and reassignment keep the status; they need an item that is being
 *   worked on (open or overdue), not one waiting for the secretariat's decision.
 * - approve/reject extension also work while submitted: the request may have been made before the
 *   submission, and deciding it must not change the submission.
 * - markOverdue only from open: while submitted the overdue mark is skipped (ADR 0002).
 * - completed and cancelled are final.
 */
export const TRANSITIONS: Readonly<
  Record<ItemStatus, Readonly<Partial<Record<ItemAction, Target>>>>
> = {
  open: {
    progress: 'open',
    submit: 'submitted',
    requestExtension: 'open',
    approveExtension: 'byDeadline',
    rejectExtension: 'open',
    reassign: 'open',
    cancel: 'cancelled',
    markOverdue: 'overdue',
    changeDeadline: 'byDeadline',
  },
  overdue: {
    progress: 'overdue',
    submit: 'submitted',
    requestExtension: 'overdue',
    approveExtension: 'byDeadline',
    rejectExtension: 'overdue',
    reassign: 'overdue',
    cancel: 'cancelled',
    changeDeadline: 'byDeadline',
  },
  submitted: {
    accept: 'completed',
    return: 'byDeadline',
    approveExtension: 'submitted',
    rejectExtension: 'submitted',
    cancel: 'cancelled',
    changeDeadline: 'submitted',
  },
  completed: {},
  cancelled: {},
};

export const STATUS_LABELS: Readonly<Record<ItemStatus, string>> = {
  open: 'đang thực hiện',
  overdue: 'quá hạn',
  submitted: 'đã báo cáo hoàn thành, chờ xác nhận',
  completed: 'đã hoàn thành',
  cancelled: 'đã hủy',
};

export const ACTION_LABELS: Readonly<Record<ItemAction, string>> = {
  progress: 'báo cáo tiến độ',
  submit: 'báo cáo hoàn thành',
  accept: 'xác nhận hoàn thành',
  return: 'trả lại',
  requestExtension: 'xin gia hạn',
  approveExtension: 'duyệt gia hạn',
  rejectExtension: 'từ chối gia hạn',
  reassign: 'giao lại cho cơ quan khác',
  cancel: 'hủy nhiệm vụ',
  markOverdue: 'đánh dấu quá hạn',
  changeDeadline: 'sửa thời hạn',
};

export function isItemStatus(s: unknown): s is ItemStatus {
  return typeof s === 'string' && (ITEM_STATUSES as readonly string[]).includes(s);
}

/** completed and cancelled: nothing more happens to the item. */
export function isClosed(status: ItemStatus): boolean {
  return status === 'completed' || status === 'cancelled';
}

export function canPerform(status: ItemStatus, action: ItemAction): boolean {
  return TRANSITIONS[status][action] !== undefined;
}

export function invalidTransition(status: ItemStatus, action: ItemAction): DomainError {
  return new DomainError(
    'INVALID_TRANSITION',
    `Không thể ${ACTION_LABELS[action]} khi nhiệm vụ ${STATUS_LABELS[status]}.`,
  );
}

export type TransitionResult = { ok: true; status: ItemStatus } | { ok: false; error: DomainError };

/** The status after the action, or the reason it is not allowed (never throws). */
export function transition(
  status: ItemStatus,
  action: ItemAction,
  ctx: TransitionContext,
): TransitionResult {
  const target = TRANSITIONS[status][action];
  if (target === undefined) return { ok: false, error: invalidTransition(status, action) };
  return {
    ok: true,
    status: target === 'byDeadline' ? (ctx.overdueNow ? 'overdue' : 'open') : target,
  };
}

/** The status after the action; throws DomainError('INVALID_TRANSITION') when not allowed. */
export function nextStatus(
  status: ItemStatus,
  action: ItemAction,
  ctx: TransitionContext,
): ItemStatus {
  const r = transition(status, action, ctx);
  if (!r.ok) throw r.error;
  return r.status;
}
