import type { AcceptCommand } from '../../libs/contracts/src';
import { transition } from '../../libs/domain/src';
import { closingMail, emit } from '../item-transition';
import { deadlineContext, refused, type Reducer } from './decision';

/**
 * The secretariat accepts a submission: completed, late or not against the current deadline
 * (and, for reports, against the original one).
 */
export const accept: Reducer<AcceptCommand> = (state, cmd, ctx) => {
  const t = transition(state.status, 'accept', deadlineContext(ctx, state.due));
  if (!t.ok) return refused(t.error);
  const lateVsAdjusted = state.due ? ctx.now > state.due.at : null;
  const lateVsOriginal = state.originalDue ? ctx.now > state.originalDue.at : null;
  const [s, ev] = emit(
    { ...state, status: t.status, completedLate: lateVsAdjusted, closedAt: ctx.now },
    ctx.now,
    'completed',
    cmd.actor,
    {
      note: cmd.note ?? null,
      late: lateVsAdjusted,
      lateVsAdjusted,
      lateVsOriginal,
      submittedAt: state.submittedAt,
      due: state.due,
      originalDue: state.originalDue,
    },
  );
  // Its mail goes out after the loop, once the workflow has the patch (ADR 0027).
  return { state: s, events: [ev], mails: [closingMail(s, 'completed', cmd.note ?? null)] };
};
