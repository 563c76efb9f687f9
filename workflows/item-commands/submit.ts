import type { SubmitCommand } from '../../libs/contracts/src';
import { transition } from '../../libs/domain/src';
import { emit, leadMail } from '../item-transition';
import { blank, channelDetail, deadlineContext, invalid, refused, type Reducer } from './decision';

/** The lead agency reports the item done; it waits for the secretariat's decision. */
export const submit: Reducer<SubmitCommand> = (state, cmd, ctx) => {
  const t = transition(state.status, 'submit', deadlineContext(ctx, state.due));
  if (!t.ok) return refused(t.error);
  if (blank(cmd.note)) return invalid('Báo cáo hoàn thành phải có nội dung kết quả thực hiện.');
  const [s, ev] = emit(
    { ...state, status: t.status, submittedAt: ctx.now, returnedFor: null },
    ctx.now,
    'submitted',
    cmd.actor,
    { note: cmd.note, from: state.status, ...channelDetail(cmd.channel) },
  );
  // The secretariat decides: it is told at once (issue 8 blind check), behind the patch
  // 'submitted-mail' (item.workflow.ts). One mail per report: a returned item reports again.
  const mail = leadMail(s, `submitted-${ev.seq}`, 'submitted', {
    recipients: [ctx.input.secretariatEmail],
    reason: cmd.note,
    // A report after a return says so, and what the return asked for.
    ...(typeof state.returnedFor === 'string' ? { returnedFor: state.returnedFor } : {}),
  });
  return { state: s, events: [ev], mails: [mail] };
};
