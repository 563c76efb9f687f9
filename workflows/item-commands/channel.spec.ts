/**
 * The channel of a command made through a mail's signed link (ADR 0011): recorded in the event
 * detail only, so a command without it records exactly what it did before.
 */
import { resolveDue, vnPublicSectorCalendar } from '../../libs/domain/src';
import { initialState } from '../item-state';
import type { Context } from '../item-transition';
import { itemInput, STC_USER } from '../test/harness';
import { isRejection, reportProgress, requestExtension, submit, type Decision } from '.';

const now = Date.parse('2026-03-02T02:00:00+07:00');
const due = { date: '2026-03-20', at: resolveDue('2026-03-20', vnPublicSectorCalendar).dueAt };
const later = { date: '2026-04-10', at: resolveDue('2026-04-10', vnPublicSectorCalendar).dueAt };
const input = itemInput(due);
const ctx: Context = { now, input };
const { state } = initialState(input, 'item-x', now);

const detailOf = (d: Decision): Readonly<Record<string, unknown>> | null | undefined => {
  if (isRejection(d)) throw new Error(d.message);
  return d.events[0]?.detail;
};

describe('commands through a signed link', () => {
  const link = { channel: 'qua liên kết trong thư', channelCode: 'email_link' };
  it.each([
    [
      'progress',
      () =>
        reportProgress(
          state,
          { actor: STC_USER, note: 'Đạt 50%', percent: 50, channel: 'link' },
          ctx,
        ),
    ],
    ['submit', () => submit(state, { actor: STC_USER, note: 'Đã xong', channel: 'link' }, ctx)],
    [
      'extension request',
      () =>
        requestExtension(
          state,
          { actor: STC_USER, requestId: 'r1', due: later, reason: 'Chờ số liệu', channel: 'link' },
          ctx,
        ),
    ],
  ])('%s: the event names the channel', (_name, run) => {
    expect(detailOf(run())).toMatchObject(link);
  });

  it('without a channel the detail is what it always was', () => {
    expect(detailOf(reportProgress(state, { actor: STC_USER, note: 'Đạt 50%' }, ctx))).toEqual({
      note: 'Đạt 50%',
      percent: null,
    });
    expect(detailOf(submit(state, { actor: STC_USER, note: 'Đã xong' }, ctx))).toEqual({
      note: 'Đã xong',
      from: 'open',
    });
  });
});
