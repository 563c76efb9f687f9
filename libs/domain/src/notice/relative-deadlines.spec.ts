import { vnPublicSectorCalendar } from '../calendar/working-calendar';
import { parseDeadline, type DeadlineContext } from './deadlines';
import { parseNotice } from './parse-notice';

const ctx = (
  issuedOn: string | null = '2026-01-20',
  reference = '2026-01-15',
): DeadlineContext => ({
  reference,
  issuedOn,
  calendar: vnPublicSectorCalendar,
});

describe('deadlines counted from an explicit start (working days from the day after it)', () => {
  it.each([
    ['trong thời hạn 10 ngày làm việc kể từ ngày 15/01/2026', '2026-01-29'],
    ['trong thời hạn 10 ngày làm việc, kể từ ngày 15/01/2026', '2026-01-29'],
    // Tết 2026 (14–22/02) does not count.
    ['trong 10 ngày làm việc kể từ ngày 10/02/2026', '2026-03-03'],
    // Year end: 01/01/2027 is a day off.
    ['trong thời hạn 05 ngày làm việc kể từ ngày 30/12/2026', '2027-01-07'],
    ['15 ngày kể từ ngày 15/01/2026', '2026-01-30'],
    ['trong thời hạn 10 ngày kể từ ngày 20 tháng 01 năm 2026', '2026-01-30'],
    ['trong 01 tháng kể từ ngày 31/01/2026', '2026-02-28'],
    ['chậm nhất 07 ngày làm việc tính từ ngày 05/3/2026', '2026-03-16'],
  ])('%s → %s', (text, due) => {
    expect(parseDeadline(text, ctx()).deadline).toEqual({
      kind: 'date',
      due,
      phrase: text,
    });
  });

  it('reads a start date at the end of a sentence', () => {
    expect(
      parseDeadline('rà soát trong 10 ngày làm việc kể từ ngày 15/01/2026. Sở Y tế phối hợp', ctx())
        .deadline,
    ).toMatchObject({ kind: 'date', due: '2026-01-29' });
  });

  it('reads a start without its year in the year of the meeting, and says so', () => {
    const r = parseDeadline('trong 10 ngày làm việc kể từ ngày 15/01', ctx());
    expect(r.deadline).toMatchObject({ kind: 'date', due: '2026-01-29' });
    expect(r.notes.join(' ')).toMatch(/không ghi năm/u);
  });

  it.each([
    ['trong thời hạn 10 ngày làm việc kể từ ngày ký Thông báo này', '2026-02-03'],
    ['trong thời hạn 10 ngày làm việc kể từ ngày ban hành, Sở Tài chính báo cáo', '2026-02-03'],
    ['10 ngày làm việc kể từ ngày ký Thông báo này22/01/2026', '2026-02-03'],
    ['trong 10 ngày kể từ ngày ký ban hành Thông báo kết luận này', '2026-01-30'],
  ])('"%s" counts from the signing date of the notice', (text, due) => {
    const d = parseDeadline(text, ctx()).deadline;
    expect(d).toMatchObject({ kind: 'date', due });
    expect(d.kind === 'date' && /\d\d\/\d\d\/\d{4}/u.test(d.phrase)).toBe(false);
  });

  it.each([
    ['trong 5 ngày làm việc kể từ ngày kết thúc Hội nghị', 'kết thúc Hội nghị'],
    [
      'trong 30 ngày kể từ ngày ban hành Quyết định phê duyệt dự án',
      'ban hành Quyết định phê duyệt dự án',
    ],
    ['trong 10 ngày kể từ ngày ban hành văn bản số 12/UBND-KT', 'ban hành văn bản số 12/UBND-KT'],
  ])('"%s" hangs on an event: relative', (text, from) => {
    expect(parseDeadline(text, ctx()).deadline).toMatchObject({ kind: 'relative', from });
  });

  it('stays relative, with a warning, when the notice states no signing date', () => {
    const got = parseNotice(
      [
        'THÔNG BÁO',
        '1. Giao Sở Tài chính rà soát, hoàn thành trong thời hạn 10 ngày làm việc kể từ ngày ký Thông báo này.',
      ].join('\n'),
    );
    expect(got.items[0]?.deadline).toMatchObject({ kind: 'relative', days: 10, workingDays: true });
    expect(got.warnings).toContain(
      'Mục 1: thông báo không ghi ngày ban hành nên chưa tính được hạn "trong thời hạn 10 ngày làm việc kể từ ngày ký Thông báo này"; cần nhập hạn.',
    );
  });
});
