import type { ExtensionDecisionCommand } from '../../libs/contracts/src';
import { UPDATE_REJECTION } from '../../libs/contracts/src';
import { transition } from '../../libs/domain/src';
import { skipPast } from '../item-schedule';
import { deadlineCopies, emit, leadMail, unchanged, type ItemState } from '../item-transition';
import { deadlineContext, invalid, refused, reject, type Reducer } from './decision';

/**
 * The secretariat decides the pending extension request. Approved: a new deadline version with
 * a fresh plan (steps already past are skipped), the original deadline kept; the deadline is the
 * one asked for unless the secretariat grants another (`cmd.due`). A decision already taken (same
 * request id) changes nothing.
 */
export const decideExtension: Reducer<ExtensionDecisionCommand> = (state, cmd, ctx) => {
  if (state.decidedExtensionIds.includes(cmd.requestId)) return unchanged(state);
  const pending = state.pendingExtension;
  if (!pending || pending.id !== cmd.requestId) {
    return reject(
      UPDATE_REJECTION.notFound,
      `Không có đề nghị gia hạn "${cmd.requestId}" đang chờ xử lý.`,
    );
  }
  const decided = [...state.decidedExtensionIds, pending.id];
  const step = `extension-${pending.id}`;
  const reason = cmd.reason ?? null;
  if (!cmd.approve) {
    const t = transition(state.status, 'rejectExtension', deadlineContext(ctx, state.due));
    if (!t.ok) return refused(t.error);
    const [s, ev] = emit(
      { ...state, status: t.status, pendingExtension: null, decidedExtensionIds: decided },
      ctx.now,
      'extension_rejected',
      cmd.actor,
      { requestId: pending.id, requestedDue: pending.due, reason },
    );
    return {
      state: s,
      events: [ev],
      mails: [leadMail(s, step, 'extension_rejected', { reason })],
    };
  }
  if (cmd.due) {
    // Checked as the request's date was: a grant is still an extension, in the future.
    if (!Number.isFinite(cmd.due.at)) return invalid('Hạn gia hạn không hợp lệ.');
    if (state.due && cmd.due.at <= state.due.at) {
      return invalid('Hạn gia hạn phải sau thời hạn hiện tại.');
    }
    if (cmd.due.at <= ctx.now) return invalid('Hạn gia hạn phải ở tương lai.');
  }
  const granted = cmd.due ?? pending.due;
  const t = transition(state.status, 'approveExtension', deadlineContext(ctx, granted));
  if (!t.ok) return refused(t.error);
  const moved: ItemState = {
    ...state,
    status: t.status,
    due: granted,
    originalDue: state.originalDue ?? state.due,
    deadlineVersion: state.deadlineVersion + 1,
    escalationLevel: 0,
    doneSteps: [],
    lastWeeklyReminderAt: null,
    pendingExtension: null,
    decidedExtensionIds: decided,
  };
  const [s, ev] = emit(skipPast(moved, ctx), ctx.now, 'extension_approved', cmd.actor, {
    requestId: pending.id,
    from: state.due,
    to: granted,
    ...(cmd.due ? { requestedDue: pending.due } : {}),
    originalDue: moved.originalDue,
    deadlineVersion: moved.deadlineVersion,
    reason,
  });
  return {
    state: s,
    events: [ev],
    mails: [
      leadMail(s, step, 'extension_approved', {
        reason,
        previousDue: state.due,
        // A grant other than the request says so (issue 8 blind check); activity input only.
        ...(cmd.due ? { requestedDue: pending.due } : {}),
      }),
      ...deadlineCopies(s, step, state.due),
    ],
  };
};
