import { describe, expect, it } from '@jest/globals';
import {
  completionLabel,
  dayOffHint,
  dueSpecText,
  newPeriodLabel,
  recurrenceLabel,
  returnedBanner,
} from './due-labels';

describe('recurrenceLabel', () => {
  it('names a monthly deadline and its day', () => {
    expect(
      recurrenceLabel({ kind: 'recurring', frequency: 'monthly', day: 25, phrase: 'Hằng tháng' }),
    ).toBe('hằng tháng, ngày 25');
  });

  it('says "định kỳ 6 tháng" as six months apart, naming the months', () => {
    expect(
      recurrenceLabel({
        kind: 'recurring',
        frequency: 'monthly',
        months: [6, 12],
        interval: 6,
        phrase: 'định kỳ 6 tháng',
      }),
    ).toBe('6 tháng một lần (tháng 6 và tháng 12)');
  });

  it('names weekly, quarterly and yearly deadlines', () => {
    expect(recurrenceLabel({ kind: 'recurring', frequency: 'weekly', day: 5 })).toBe(
      'hằng tuần, thứ Sáu',
    );
    expect(recurrenceLabel({ kind: 'recurring', frequency: 'quarterly', day: 20 })).toBe(
      'hằng quý, ngày 20 của tháng cuối quý',
    );
    expect(recurrenceLabel({ kind: 'recurring', frequency: 'quarterly' })).toBe(
      'hằng quý, ngày cuối quý',
    );
    expect(recurrenceLabel({ kind: 'recurring', frequency: 'yearly', day: 31, months: [3] })).toBe(
      'hằng năm, tháng 3, ngày 31',
    );
  });

  it('is null for a one-off or missing deadline', () => {
    expect(recurrenceLabel({ kind: 'date', due: '2027-03-15' })).toBeNull();
    expect(recurrenceLabel(null)).toBeNull();
  });
});

describe('dayOffHint', () => {
  it('explains a due date on a day off (legal end of day 15/03/2027 = 16/03 00:00 UTC+7)', () => {
    expect(dayOffHint('2027-03-14', '2027-03-16T00:00:00+07:00')).toBe(
      '(trùng ngày nghỉ, tính đến hết ngày 15/03/2027)',
    );
  });

  it('says nothing when the literal date is the legal one, or for an exact instant', () => {
    expect(dayOffHint('2027-03-15', '2027-03-16T00:00:00+07:00')).toBeNull();
    expect(dayOffHint('2027-03-15T10:00:00+07:00', '2027-03-15T10:00:00+07:00')).toBeNull();
    expect(dayOffHint(null, null)).toBeNull();
  });
});

describe('dueSpecText', () => {
  it('says a workflow deadline ({date, at}) with the day-off hint when its date is a day off', () => {
    const legalEnd = Date.parse('2027-03-16T00:00:00+07:00');
    expect(dueSpecText({ date: '2027-03-14', at: legalEnd })).toBe(
      '14/03/2027 (trùng ngày nghỉ, tính đến hết ngày 15/03/2027)',
    );
    expect(dueSpecText({ date: '2027-03-15', at: legalEnd })).toBe('15/03/2027');
    expect(dueSpecText({ date: null, at: legalEnd })).toBeNull();
  });
});

describe('completionLabel', () => {
  it('says whether a completed item was on time', () => {
    expect(completionLabel('completed', false)).toBe('Đã hoàn thành đúng hạn');
    expect(completionLabel('completed', true)).toBe('Đã hoàn thành trễ hạn');
    expect(completionLabel('completed', null)).toBe('Đã hoàn thành');
    expect(completionLabel('in_progress', null)).toBeNull();
  });
});

describe('newPeriodLabel', () => {
  it("labels a 'created' event that opened the next period", () => {
    expect(newPeriodLabel({ period: true, due: { date: '2027-01-25', at: 0 } })).toBe(
      'Mở kỳ mới (hạn 25/01/2027)',
    );
    expect(newPeriodLabel({ lead: 'STC' })).toBeNull();
  });
});

describe('returnedBanner', () => {
  const submitted = { type: 'submitted', detail: null };
  const returned = { type: 'returned', detail: { reason: 'Thiếu biên bản' } };
  it('gives the reason of the last return of an open item', () => {
    expect(returnedBanner('open', [submitted, returned])).toBe(
      'Văn phòng đã trả lại: Thiếu biên bản',
    );
    expect(returnedBanner('overdue', [submitted, { type: 'returned', detail: {} }])).toBe(
      'Văn phòng đã trả lại báo cáo hoàn thành',
    );
  });

  it('is null once reported again, for a closed item, or without a return', () => {
    expect(returnedBanner('submitted', [submitted, returned, submitted])).toBeNull();
    expect(returnedBanner('open', [submitted, returned, submitted])).toBeNull();
    expect(returnedBanner('completed', [submitted, returned])).toBeNull();
    expect(returnedBanner('open', [submitted])).toBeNull();
    expect(returnedBanner('open', undefined)).toBeNull();
  });
});
