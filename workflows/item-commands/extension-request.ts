import type { ExtensionRequestCommand } from '../../libs/contracts/src';
import { transition } from '../../libs/domain/src';
import { emit, leadMail, unchanged } from '../item-transition';
import { blank, channelDetail, deadlineContext, invalid, refused, type Reducer } from './decision';

/** The lead agency asks for a later deadline; one request may wait for a decision at a time. */
export const requestExtension: Reducer<ExtensionRequestCommand> = (state, cmd, ctx) => {
  // A retried request (same id) changes nothing and is not an error.
  if (
    state.pendingExtension?.id === cmd.requestId ||
    state.decidedExtensionIds.includes(cmd.requestId)
  ) {
    return unchanged(state);
  }
  const t = transition(state.status, 'requestExtension', deadlineContext(ctx, state.due));
  if (!t.ok) return refused(t.error);
  if (state.pendingExtension) {
    return invalid(
      'Đang có một đề nghị gia hạn chờ xử lý; chỉ gửi đề nghị mới sau khi đề nghị trước được quyết định.',
    );
  }
  if (blank(cmd.requestId)) return invalid('Thiếu mã đề nghị gia hạn.');
  if (blank(cmd.reason)) return invalid('Phải nêu lý do đề nghị gia hạn.');
  if (!Number.isFinite(cmd.due.at)) return invalid('Thời hạn đề nghị không hợp lệ.');
  if (state.due && cmd.due.at <= state.due.at) {
    return invalid('Thời hạn đề nghị phải sau thời hạn hiện tại.');
  }
  if (cmd.due.at <= ctx.now) return invalid('Thời hạn đề nghị phải ở tương lai.');
  const pendingExtension = {
    id: cmd.requestId,
    due: cmd.due,
    reason: cmd.reason,
    requestedBy: cmd.actor.email,
    requestedAt: ctx.now,
  };
  const [s, ev] = emit(
    { ...state, status: t.status, pendingExtension },
    ctx.now,
    'extension_requested',
    cmd.actor,
    {
      requestId: cmd.requestId,
      due: cmd.due,
      currentDue: state.due,
      reason: cmd.reason,
      ...channelDetail(cmd.channel),
    },
  );
  // The secretariat decides: it is told at once, not by the next digest (issue 11). Sent behind
  // the patch 'extension-request-mail' (item.workflow.ts).
  const mail = leadMail(s, `extension-requested-${cmd.requestId}`, 'extension_requested', {
    recipients: [ctx.input.secretariatEmail],
    requestedDue: cmd.due,
    reason: cmd.reason,
  });
  return { state: s, events: [ev], mails: [mail] };
};
