import { chosenDueDay, namedVnDay } from './due-day';
import { vnPublicSectorCalendar as calendar } from './working-calendar';

describe('chosenDueDay', () => {
  it('a Sunday is due at the end of Monday, and the note names both days', () => {
    expect(chosenDueDay(calendar, '2026-12-20')).toEqual({
      date: '2026-12-20',
      legalDate: '2026-12-21',
      dayOff: true,
      note: 'Chủ nhật 20/12/2026 là ngày nghỉ: hạn tính đến hết thứ Hai 21/12/2026.',
    });
  });

  it('a Saturday before a holiday Monday moves past both (National Day 2026: 31/08 to 02/09 off)', () => {
    const d = chosenDueDay(calendar, '2026-08-29');
    expect(d.legalDate).toBe('2026-09-03');
    expect(d.note).toBe('Thứ Bảy 29/08/2026 là ngày nghỉ: hạn tính đến hết thứ Năm 03/09/2026.');
  });

  it('a working day: nothing to say', () => {
    expect(chosenDueDay(calendar, '2026-12-22')).toEqual({
      date: '2026-12-22',
      legalDate: '2026-12-22',
      dayOff: false,
      note: null,
    });
  });

  it('a year without official holidays says so, even on a working day', () => {
    expect(chosenDueDay(calendar, '2031-03-04').note).toBe(
      'Chưa có lịch nghỉ lễ chính thức của năm 2031: hạn được tính chỉ theo ngày nghỉ cuối tuần.',
    );
  });

  it('names the weekday', () => {
    expect(namedVnDay('2027-01-01')).toBe('thứ Sáu 01/01/2027');
  });
});
