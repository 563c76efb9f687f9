import type { CancelCommand } from '../../libs/contracts/src';
import { transition } from '../../libs/domain/src';
import { closingMail, emit } from '../item-transition';
import { blank, deadlineContext, invalid, refused, type Reducer } from './decision';

/** The secretariat cancels the item with a reason; a pending extension request goes with it. */
export const cancel: Reducer<CancelCommand> = (state, cmd, ctx) => {
  const t = transition(state.status, 'cancel', deadlineContext(ctx, state.due));
  if (!t.ok) return refused(t.error);
  if (blank(cmd.reason)) return invalid('Phải nêu lý do hủy nhiệm vụ.');
  const [s, ev] = emit(
    { ...state, status: t.status, closedAt: ctx.now, pendingExtension: null },
    ctx.now,
    'cancelled',
    cmd.actor,
    { reason: cmd.reason, from: state.status },
  );
  // Its mail goes out after the loop, once the workflow has the patch (ADR 0027).
  return { state: s, events: [ev], mails: [closingMail(s, 'cancelled', cmd.reason)] };
};
