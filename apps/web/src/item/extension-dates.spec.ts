import { describe, expect, it } from '@jest/globals';
import { extensionBound, laterDateRule } from './extension-dates';

// 10:00 on Wednesday 02/12/2026 in UTC+7.
const NOW = Date.parse('2026-12-02T03:00:00Z');
/** A deadline as the API gives it: the named date and its legal due instant (end of day, UTC+7). */
const due = (named: string | null, legalDay: string) => ({
  due: named,
  dueAt: new Date(Date.parse(`${legalDay}T17:00:00Z`)).toISOString(),
});

describe('extensionBound', () => {
  it('is the day after a future deadline', () => {
    expect(extensionBound(due('2027-03-31', '2027-03-31'), NOW)).toEqual({
      first: '2027-04-01',
      why: 'Hạn đề nghị phải sau hạn hiện tại (31/03/2027).',
      pick: 'Chọn từ ngày 01/04/2027 trở đi.',
    });
  });

  it('is the day after the legal due date when the named one is a day off', () => {
    // Saturday 05/12/2026 is due at the end of Monday 07/12: asking for Sunday changes nothing.
    expect(extensionBound(due('2026-12-05', '2026-12-07'), NOW)).toEqual({
      first: '2026-12-08',
      why: 'Hạn đề nghị phải sau hạn hiện tại (05/12/2026 là ngày nghỉ, nên hạn tính đến hết ngày 07/12/2026).',
      pick: 'Chọn từ ngày 08/12/2026 trở đi.',
    });
  });

  it('is today when the deadline has passed or there is none', () => {
    const today = {
      first: '2026-12-02',
      why: 'Hạn đề nghị không được ở quá khứ.',
      pick: 'Chọn từ hôm nay (02/12/2026) trở đi.',
    };
    expect(extensionBound(due('2026-11-02', '2026-11-02'), NOW)).toEqual(today);
    expect(extensionBound(due('2026-12-01', '2026-12-01'), NOW)).toEqual(today);
    expect(extensionBound({ due: null, dueAt: null }, NOW)).toEqual(today);
    expect(extensionBound(due('2026-12-02', '2026-12-02'), NOW).first).toBe('2026-12-03');
  });

  it("takes an exact instant's day in UTC+7 (midnight ends the day before)", () => {
    const at = (iso: string) => ({ due: iso, dueAt: iso });
    expect(extensionBound(at('2027-01-15T17:00:00.000Z'), NOW).first).toBe('2027-01-16');
    expect(extensionBound(at('2027-01-16T01:00:00.000Z'), NOW).first).toBe('2027-01-17');
  });

  it('refuses a picked day before the bound, naming it, and lets the rest through', async () => {
    const rule = laterDateRule(extensionBound(due('2027-01-15', '2027-01-15'), NOW));
    const day = (d: string) => ({ format: () => d });
    await expect(rule.validator(null, day('2027-01-15'))).rejects.toThrow(
      'Không chọn được ngày 15/01/2027.',
    );
    await expect(rule.validator(null, day('2027-01-16'))).resolves.toBeUndefined();
    await expect(rule.validator(null, null)).resolves.toBeUndefined();
  });
});
