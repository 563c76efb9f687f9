import type { ReturnCommand } from '../../libs/contracts/src';
import { transition } from '../../libs/domain/src';
import { emit, leadMail } from '../item-transition';
import { blank, deadlineContext, invalid, refused, type Reducer } from './decision';

/**
 * The secretariat returns a submission with a reason: open or overdue again by the deadline;
 * weekly overdue reminders count again from now.
 */
export const returnSubmission: Reducer<ReturnCommand> = (state, cmd, ctx) => {
  const t = transition(state.status, 'return', deadlineContext(ctx, state.due));
  if (!t.ok) return refused(t.error);
  if (blank(cmd.reason)) return invalid('Phải nêu lý do trả lại.');
  const rearmed = t.status === 'overdue' ? { lastWeeklyReminderAt: ctx.now } : {};
  const [s, ev] = emit(
    { ...state, status: t.status, submittedAt: null, returnedFor: cmd.reason, ...rearmed },
    ctx.now,
    'returned',
    cmd.actor,
    { reason: cmd.reason, status: t.status },
  );
  return {
    state: s,
    events: [ev],
    mails: [leadMail(s, `returned-${s.seq}`, 'returned', { reason: cmd.reason })],
  };
};
