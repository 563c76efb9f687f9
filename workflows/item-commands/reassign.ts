import type { ReassignCommand } from '../../libs/contracts/src';
import { transition } from '../../libs/domain/src';
import { emit, leadMail } from '../item-transition';
import { blank, deadlineContext, invalid, refused, type Reducer } from './decision';

/** The secretariat gives the item to another lead agency, which is told by mail. */
export const reassign: Reducer<ReassignCommand> = (state, cmd, ctx) => {
  const t = transition(state.status, 'reassign', deadlineContext(ctx, state.due));
  if (!t.ok) return refused(t.error);
  if (blank(cmd.lead.code) || blank(cmd.lead.contactEmail)) {
    return invalid('Cơ quan chủ trì mới không hợp lệ.');
  }
  if (cmd.lead.code === state.lead.code) {
    return invalid(`${state.lead.name} đang là cơ quan chủ trì nhiệm vụ này.`);
  }
  const [s, ev] = emit(
    { ...state, status: t.status, lead: cmd.lead },
    ctx.now,
    'reassigned',
    cmd.actor,
    { from: state.lead.code, to: cmd.lead.code, reason: cmd.reason ?? null },
  );
  const fields = { reason: cmd.reason ?? null, previousLeadName: state.lead.name };
  // The former lead is told it no longer leads (sent once the workflow has the patch
  // 'reassigned-away-mail'), unless it shares the new lead's address.
  const former = state.lead.contactEmail;
  const away = leadMail(s, `reassigned-away-${s.seq}`, 'reassigned_away', {
    ...fields,
    recipients: [former],
  });
  return {
    state: s,
    events: [ev],
    mails: [
      leadMail(s, `reassigned-${s.seq}`, 'reassigned', fields),
      ...(former !== cmd.lead.contactEmail ? [away] : []),
    ],
  };
};
