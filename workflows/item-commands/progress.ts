import type { ProgressCommand } from '../../libs/contracts/src';
import { transition } from '../../libs/domain/src';
import { emit } from '../item-transition';
import { blank, channelDetail, deadlineContext, invalid, refused, type Reducer } from './decision';

/** The lead agency reports progress: a note and optionally a percentage; the status stays. */
export const reportProgress: Reducer<ProgressCommand> = (state, cmd, ctx) => {
  const t = transition(state.status, 'progress', deadlineContext(ctx, state.due));
  if (!t.ok) return refused(t.error);
  if (blank(cmd.note)) return invalid('Nội dung báo cáo tiến độ không được để trống.');
  if (
    cmd.percent !== undefined &&
    (!Number.isInteger(cmd.percent) || cmd.percent < 0 || cmd.percent > 100)
  ) {
    return invalid('Tỷ lệ hoàn thành phải là số nguyên từ 0 đến 100.');
  }
  const [s, ev] = emit(
    { ...state, status: t.status, progressPercent: cmd.percent ?? state.progressPercent },
    ctx.now,
    'progress_reported',
    cmd.actor,
    { note: cmd.note, percent: cmd.percent ?? null, ...channelDetail(cmd.channel) },
  );
  return { state: s, events: [ev], mails: [] };
};
