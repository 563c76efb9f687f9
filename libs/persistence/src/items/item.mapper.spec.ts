import { instantAt, vnPublicSectorCalendar, type ItemStatus } from '../../../domain/src';
import type { ExtensionRequestView } from '../../../contracts/src';
import { ItemEntity } from '../entities/item.entity';
import { toItemRecord } from './item.mapper';

const NOW = instantAt('2026-01-26', 8); // Monday
const DUE = new Date(instantAt('2026-01-23')); // end of Thursday 22/01

function row(status: ItemStatus, dueAt: Date | null = DUE): ItemEntity {
  return Object.assign(new ItemEntity(), {
    id: 'i1',
    workflowId: 'item-n1-2',
    noticeId: 'n1',
    position: 2,
    code: '2.a',
    text: 'Việc',
    leadCode: 'STC',
    supportCodes: ['SXD', 'XYZ'],
    reportTo: null,
    dueDate: dueAt ? '2026-01-22' : null,
    dueAt,
    originalDueDate: null,
    originalDueAt: null,
    deadline: null,
    policy: { remindBefore: [], escalateAfter: [] },
    status,
    completedLate: null,
    escalationLevel: 0,
    progressPercent: null,
    pendingExtension: null,
    version: 1,
    workflowState: 'started',
    closedAt: null,
    createdAt: new Date('2026-01-02T03:04:05.678Z'),
    updatedAt: new Date('2026-01-02T17:00:00Z'),
  });
}

const ctx = {
  names: new Map([
    ['STC', 'Sở Tài chính'],
    ['SXD', 'Sở Xây dựng'],
  ]),
  notices: new Map([['n1', { number: '12/TB-BCĐ', title: 'Kết luận của Trưởng Ban' }]]),
  nowMs: NOW,
  calendar: vnPublicSectorCalendar,
};

describe('toItemRecord', () => {
  it('writes instants in +07:00 and names the lead agency and the notice', () => {
    expect(toItemRecord(row('open'), ctx)).toMatchObject({
      position: 2,
      noticeNumber: '12/TB-BCĐ',
      noticeTitle: 'Kết luận của Trưởng Ban',
      leadName: 'Sở Tài chính',
      support: ['SXD', 'XYZ'],
      supportNames: ['Sở Xây dựng', 'XYZ'],
      due: '2026-01-22',
      dueAt: '2026-01-23T00:00:00+07:00',
      originalDue: null,
      createdAt: '2026-01-02T10:04:05+07:00',
      updatedAt: '2026-01-03T00:00:00+07:00',
    });
  });

  it('names no notice for an item created on its own', () => {
    const single = Object.assign(row('open'), { noticeId: null, position: null, code: null });
    expect(toItemRecord(single, ctx)).toMatchObject({ noticeNumber: null, noticeTitle: null });
  });

  it.each([
    ['open', true, 2],
    ['overdue', true, 2],
    ['submitted', false, 0],
    ['completed', false, 0],
    ['cancelled', false, 0],
  ] as const)('%s past due: overdue %s, %i working days', (status, overdue, days) => {
    expect(toItemRecord(row(status), ctx)).toMatchObject({ overdue, daysOverdue: days });
  });

  it('an item marked overdue without a deadline is overdue, 0 days', () => {
    expect(toItemRecord(row('overdue', null), ctx)).toMatchObject({
      overdue: true,
      daysOverdue: 0,
      due: null,
    });
  });
});

describe('toItemRecord warnings', () => {
  it('says when the deadline falls in a year whose holidays are not known (2028 onward)', () => {
    const due = new Date(instantAt('2028-03-16'));
    const r = Object.assign(row('open', due), { dueDate: '2028-03-15' });
    expect(toItemRecord(r, ctx).warnings).toEqual([
      'Chưa có lịch nghỉ lễ chính thức của năm 2028: hạn được tính chỉ theo ngày nghỉ cuối tuần.',
    ]);
  });

  it('says nothing for a year with holiday data, or without a deadline', () => {
    expect(toItemRecord(row('open'), ctx).warnings).toEqual([]);
    expect(toItemRecord(row('open', null), ctx).warnings).toEqual([]);
  });
});

describe('a pending extension request', () => {
  const pending: ExtensionRequestView = {
    id: 'r1',
    due: { date: '2026-02-27', at: instantAt('2026-02-28') },
    reason: 'Chờ ý kiến các sở',
    requestedBy: 'Sở Tài chính',
    requestedAt: NOW,
  };
  it('is shown while the item is open and dropped once it is closed', () => {
    const withRequest = (status: ItemStatus) =>
      Object.assign(row(status), { pendingExtension: pending });
    expect(toItemRecord(withRequest('submitted'), ctx).pendingExtension).toEqual(pending);
    expect(toItemRecord(withRequest('completed'), ctx).pendingExtension).toBeNull();
    expect(toItemRecord(withRequest('cancelled'), ctx).pendingExtension).toBeNull();
  });
});
