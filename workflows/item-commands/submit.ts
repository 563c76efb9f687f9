import type { SubmitCommand } from '../../libs/contracts/src';
import { transition } from '../../libs/domain/src';
import { emit } from '../item-transition';
import { blank, channelDetail, deadlineContext, invalid, refused, type Reducer } from './decision';

/** The lead agency reports the item done; it waits for the secretariat's decision. */
export const submit: Reducer<SubmitCommand> = (state, cmd, ctx) => {
  const t = transition(state.status, 'submit', deadlineContext(ctx, state.due));
  if (!t.ok) return refused(t.error);
  if (blank(cmd.note)) return invalid('Báo cáo hoàn thành phải có nội dung kết quả thực hiện.');
  const [s, ev] = emit(
    { ...state, status: t.status, submittedAt: ctx.now },
    ctx.now,
    'submitted',
    cmd.actor,
    { note: cmd.note, from: state.status, ...channelDetail(cmd.channel) },
  );
  return { state: s, events: [ev], mails: [] };
};
