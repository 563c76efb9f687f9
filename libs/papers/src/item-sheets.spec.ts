import type { ItemRecord } from '../../persistence/src';
import { ITEM_COLUMNS, tallyByLead } from './item-sheets';

const item = (over: Partial<ItemRecord>): ItemRecord => ({
  id: 'i',
  workflowId: 'w',
  noticeId: null,
  noticeNumber: null,
  noticeTitle: null,
  position: null,
  code: null,
  text: 'Nhiệm vụ',
  lead: 'STC',
  leadName: 'Sở Tài chính',
  support: [],
  supportNames: [],
  reportTo: null,
  due: '2026-10-15',
  dueAt: '2026-10-16T00:00:00+07:00',
  originalDue: null,
  originalDueAt: null,
  status: 'open',
  overdue: false,
  daysOverdue: 0,
  completedLate: null,
  escalationLevel: 0,
  progressPercent: null,
  pendingExtension: null,
  policy: { remindBefore: [], escalateAfter: [] },
  deadline: null,
  workflowState: 'started',
  createdAt: '2026-09-01T08:00:00+07:00',
  updatedAt: '2026-09-01T08:00:00+07:00',
  closedAt: null,
  warnings: [],
  ...over,
});

const column = (header: string) => {
  const c = ITEM_COLUMNS.find((x) => x.header === header);
  if (!c) throw new Error(header);
  return c;
};

describe('tallyByLead', () => {
  it('counts each lead agency by what people see, most overdue first, then a total row', () => {
    const rows = tallyByLead([
      item({ lead: 'SXD', leadName: 'Sở Xây dựng', status: 'completed', completedLate: false }),
      item({ lead: 'SXD', leadName: 'Sở Xây dựng', status: 'completed', completedLate: true }),
      item({ status: 'open', overdue: true, daysOverdue: 3 }),
      item({ status: 'submitted' }),
      item({ status: 'cancelled' }),
    ]);
    expect(rows.map((r) => [r.name, r.total, r.open, r.overdue, r.submitted, r.cancelled])).toEqual(
      [
        ['Sở Tài chính', 3, 0, 1, 1, 1],
        ['Sở Xây dựng', 2, 0, 0, 0, 0],
        ['Tổng cộng', 5, 0, 1, 1, 1],
      ],
    );
    const sxd = rows[1];
    expect([sxd?.completed, sxd?.completedOnTime, sxd?.completedLate]).toEqual([2, 1, 1]);
    expect(sxd?.onTimeRate).toBe(0.5);
    expect(rows[0]?.completionRate).toBe(0);
    expect(rows[2]?.completionRate).toBe(0.5);
  });

  it('is only the total row for an empty list', () => {
    expect(tallyByLead([]).map((r) => [r.name, r.total, r.onTimeRate])).toEqual([
      ['Tổng cộng', 0, null],
    ]);
  });
});

describe('ITEM_COLUMNS', () => {
  it('writes a named date as a date and an exact instant as date and time', () => {
    const due = column('Hạn hoàn thành');
    expect(due.cell(item({}), 0)).toEqual({ kind: 'date', value: '2026-10-15' });
    expect(due.cell(item({ due: '2026-10-15T14:30:00+07:00', dueAt: null }), 0)).toEqual({
      kind: 'dateTime',
      epochMs: Date.parse('2026-10-15T07:30:00Z'),
    });
    expect(due.cell(item({ due: null, dueAt: null }), 0)).toBeNull();
  });

  it('shows an open item past its due as overdue, and how a completed one ended', () => {
    const status = column('Trạng thái');
    expect(status.cell(item({ overdue: true }), 0)).toEqual({ kind: 'text', value: 'Quá hạn' });
    const done = item({
      status: 'completed',
      completedLate: true,
      closedAt: '2026-10-20T23:30:00+07:00',
    });
    expect(column('Kết quả').cell(done, 0)).toEqual({ kind: 'text', value: 'Hoàn thành trễ hạn' });
    expect(column('Ngày hoàn thành').cell(done, 0)).toEqual({ kind: 'date', value: '2026-10-20' });
    expect(column('Số ngày làm việc quá hạn').cell(item({}), 0)).toBeNull();
  });
});
