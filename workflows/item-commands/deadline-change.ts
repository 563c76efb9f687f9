import type { ChangeDeadlineCommand } from '../../libs/contracts/src';
import { transition } from '../../libs/domain/src';
import { skipPast } from '../item-schedule';
import { deadlineCopies, emit, leadMail, type ItemState } from '../item-transition';
import { blank, deadlineContext, invalid, refused, type Reducer } from './decision';

/**
 * The secretariat sets another deadline without a request (a slip at intake, a new instruction):
 * a new deadline version with a fresh plan, as an approved extension, and the lead agency is
 * told (with a new calendar invite). Not an extension: while no extension moved the deadline, the
 * corrected one is also the original one the on-time counts use.
 */
export const changeDeadline: Reducer<ChangeDeadlineCommand> = (state, cmd, ctx) => {
  const t0 = transition(state.status, 'changeDeadline', deadlineContext(ctx, state.due));
  if (!t0.ok) return refused(t0.error);
  if (blank(cmd.reason)) return invalid('Phải nêu lý do thay đổi thời hạn.');
  if (!Number.isFinite(cmd.due.at)) return invalid('Thời hạn mới không hợp lệ.');
  if (cmd.due.at <= ctx.now) return invalid('Thời hạn mới phải ở tương lai.');
  if (state.due && cmd.due.at === state.due.at && cmd.due.date === state.due.date) {
    return invalid('Thời hạn mới trùng thời hạn hiện tại.');
  }
  const t = transition(state.status, 'changeDeadline', deadlineContext(ctx, cmd.due));
  if (!t.ok) return refused(t.error);
  const extended =
    state.originalDue !== null &&
    state.due !== null &&
    (state.originalDue.at !== state.due.at || state.originalDue.date !== state.due.date);
  const moved: ItemState = {
    ...state,
    status: t.status,
    due: cmd.due,
    originalDue: extended ? state.originalDue : cmd.due,
    deadlineVersion: state.deadlineVersion + 1,
    escalationLevel: 0,
    doneSteps: [],
    lastWeeklyReminderAt: null,
  };
  const [s, ev] = emit(skipPast(moved, ctx), ctx.now, 'deadline_changed', cmd.actor, {
    from: state.due,
    to: cmd.due,
    originalDue: moved.originalDue,
    deadlineVersion: moved.deadlineVersion,
    reason: cmd.reason,
  });
  return {
    state: s,
    events: [ev],
    mails: [
      leadMail(s, `deadline-${s.seq}`, 'deadline_changed', {
        reason: cmd.reason,
        previousDue: state.due,
      }),
      ...deadlineCopies(s, `deadline-${s.seq}`, state.due),
    ],
  };
};
