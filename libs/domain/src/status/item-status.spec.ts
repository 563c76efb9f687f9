import { DomainError } from '../errors';
import {
  ACTION_LABELS,
  canPerform,
  isClosed,
  isItemStatus,
  ITEM_ACTIONS,
  ITEM_STATUSES,
  nextStatus,
  STATUS_LABELS,
  transition,
  type ItemAction,
  type ItemStatus,
} from './item-status';

type Expect = ItemStatus | null;

/** Expected status per (status, action) for overdueNow = false and = true; null = not allowed. */
const TABLE: [ItemStatus, ItemAction, Expect, Expect][] = [
  ['open', 'progress', 'open', 'open'],
  ['open', 'submit', 'submitted', 'submitted'],
  ['open', 'accept', null, null],
  ['open', 'return', null, null],
  ['open', 'requestExtension', 'open', 'open'],
  ['open', 'approveExtension', 'open', 'overdue'],
  ['open', 'rejectExtension', 'open', 'open'],
  ['open', 'reassign', 'open', 'open'],
  ['open', 'cancel', 'cancelled', 'cancelled'],
  ['open', 'markOverdue', 'overdue', 'overdue'],
  ['open', 'changeDeadline', 'open', 'overdue'],

  ['overdue', 'progress', 'overdue', 'overdue'],
  ['overdue', 'submit', 'submitted', 'submitted'],
  ['overdue', 'accept', null, null],
  ['overdue', 'return', null, null],
  ['overdue', 'requestExtension', 'overdue', 'overdue'],
  ['overdue', 'approveExtension', 'open', 'overdue'],
  ['overdue', 'rejectExtension', 'overdue', 'overdue'],
  ['overdue', 'reassign', 'overdue', 'overdue'],
  ['overdue', 'cancel', 'cancelled', 'cancelled'],
  ['overdue', 'markOverdue', null, null],
  ['overdue', 'changeDeadline', 'open', 'overdue'],

  ['submitted', 'progress', null, null],
  ['submitted', 'submit', null, null],
  ['submitted', 'accept', 'completed', 'completed'],
  ['submitted', 'return', 'open', 'overdue'],
  ['submitted', 'requestExtension', null, null],
  ['submitted', 'approveExtension', 'submitted', 'submitted'],
  ['submitted', 'rejectExtension', 'submitted', 'submitted'],
  ['submitted', 'reassign', null, null],
  ['submitted', 'cancel', 'cancelled', 'cancelled'],
  ['submitted', 'markOverdue', null, null],
  ['submitted', 'changeDeadline', 'submitted', 'submitted'],

  ...ITEM_ACTIONS.map((a): [ItemStatus, ItemAction, Expect, Expect] => [
    'completed',
    a,
    null,
    null,
  ]),
  ...ITEM_ACTIONS.map((a): [ItemStatus, ItemAction, Expect, Expect] => [
    'cancelled',
    a,
    null,
    null,
  ]),
];

describe('item status transitions', () => {
  it('the table covers every (status, action) exactly once', () => {
    const pairs = TABLE.map(([s, a]) => `${s}/${a}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    expect(pairs.length).toBe(ITEM_STATUSES.length * ITEM_ACTIONS.length);
  });

  it.each(TABLE)('%s + %s → %p (on time) / %p (overdue now)', (status, action, onTime, late) => {
    expect(canPerform(status, action)).toBe(onTime !== null);
    for (const [overdueNow, expected] of [
      [false, onTime],
      [true, late],
    ] as const) {
      if (expected === null) {
        const r = transition(status, action, { overdueNow });
        expect(r.ok).toBe(false);
        let thrown: unknown;
        try {
          nextStatus(status, action, { overdueNow });
        } catch (e) {
          thrown = e;
        }
        expect(thrown).toBeInstanceOf(DomainError);
        expect((thrown as DomainError).code).toBe('INVALID_TRANSITION');
        expect((thrown as DomainError).message).toBe(
          `Không thể ${ACTION_LABELS[action]} khi nhiệm vụ ${STATUS_LABELS[status]}.`,
        );
      } else {
        expect(nextStatus(status, action, { overdueNow })).toBe(expected);
        expect(transition(status, action, { overdueNow })).toEqual({ ok: true, status: expected });
      }
    }
  });

  it('messages are Vietnamese', () => {
    expect(() => nextStatus('completed', 'submit', { overdueNow: false })).toThrow(
      'Không thể báo cáo hoàn thành khi nhiệm vụ đã hoàn thành.',
    );
    expect(() => nextStatus('open', 'accept', { overdueNow: false })).toThrow(
      'Không thể xác nhận hoàn thành khi nhiệm vụ đang thực hiện.',
    );
  });

  it.each([
    ['open', false],
    ['overdue', false],
    ['submitted', false],
    ['completed', true],
    ['cancelled', true],
  ] as const)('isClosed(%s) = %p', (s, closed) => expect(isClosed(s)).toBe(closed));

  it.each([
    ['open', true],
    ['cancelled', true],
    ['returned', false],
    ['', false],
    [null, false],
  ])('isItemStatus(%p) = %p', (s, ok) => expect(isItemStatus(s)).toBe(ok));
});
