import { vnPublicSectorCalendar } from '../calendar/working-calendar';
import { nextOccurrence, recurrenceOf } from '../reminders/recurrence';
import { parseDeadline, type DeadlineContext } from './deadlines';

/** The grammar reference's context: notice of Tue 20/01/2026 after a meeting on Thu 15/01/2026. */
const ctx = (issuedOn = '2026-01-20', reference = '2026-01-15'): DeadlineContext => ({
  reference,
  issuedOn,
  calendar: vnPublicSectorCalendar,
});
const dueOf = (text: string, c = ctx()): string => {
  const d = parseDeadline(text, c).deadline;
  return d.kind === 'date' ? d.due : d.kind;
};

describe('deadline phrases: one row per line of the grammar table (vn-notice-grammar.md §1.7)', () => {
  it.each([
    // 1. "chậm nhất ngày" and its synonyms: that date.
    ['1', 'hoàn thành chậm nhất ngày 22/01/2026', '2026-01-22'],
    ['1', 'trình UBND tỉnh chậm nhất vào ngày 22/1/2026', '2026-01-22'],
    ['1', 'không muộn hơn ngày 22-01-2026', '2026-01-22'],
    ['1', 'đến hết ngày 31.03.2026', '2026-03-31'],
    ['1', 'hạn chót là ngày 25/12/2026', '2026-12-25'],
    ['1', 'hoàn thành ngày 22 tháng 01 năm 2026', '2026-01-22'],
    // 2. "trước ngày X": strict, the day before (ADR 0004).
    ['2', 'trình UBND tỉnh trước ngày 15/02/2026', '2026-02-14'],
    // 3. Year omitted: the first such date not before the meeting, then rule 2.
    ['3', 'hoàn thành trước 30/6', '2026-06-29'],
    ['3', 'hoàn thành chậm nhất ngày 10/1', '2027-01-10'],
    // 4. Months.
    ['4', 'trình UBND tỉnh trong tháng 01 năm 2026', '2026-01-31'],
    ['4', 'trong tháng 02/2026', '2026-02-28'],
    ['4', 'báo cáo trong T2/2026', '2026-02-28'],
    ['4', 'hoàn thành trong tháng 3', '2026-03-31'],
    ['4', 'hoàn thành trong tháng này', '2026-01-31'],
    ['4', 'trước tháng 6/2026', '2026-05-31'],
    // 5. Beginning, middle and end of a month.
    ['5', 'hoàn thành đầu tháng 3/2026', '2026-03-01'],
    ['5', 'hoàn thành giữa tháng 3/2026', '2026-03-15'],
    ['5', 'báo cáo UBND tỉnh cuối tháng 7/2026', '2026-07-31'],
    // 6. Quarters.
    ['6', 'trong quý II năm 2026', '2026-06-30'],
    ['6', 'hoàn thành Quý II/2026', '2026-06-30'],
    ['6', 'trong quý 1/2026', '2026-03-31'],
    ['6', 'hoàn thành trong Q3/2026', '2026-09-30'],
    ['6', 'hoàn thành trong quý IV', '2026-12-31'],
    ['6', 'trước quý III/2026', '2026-06-30'],
    // 7. Halves and nine months.
    ['7', 'trong 6 tháng đầu năm 2026', '2026-06-30'],
    ['7', 'trong 6 tháng cuối năm 2026', '2026-12-31'],
    ['7', 'trong 9 tháng đầu năm 2026', '2026-09-30'],
    ['7', 'hoàn thành trong 6 tháng đầu năm', '2026-06-30'],
    // 8. Years.
    ['8', 'trong năm 2026', '2026-12-31'],
    ['8', 'cuối năm 2026', '2026-12-31'],
    ['8', 'hoàn thành trong năm nay', '2026-12-31'],
    // 9. "đầu năm" as a deadline: 1 January.
    ['9', 'hoàn thành đầu năm 2027', '2027-01-01'],
    // 10. Working days from the notice, counted from the next day.
    ['10', 'trong thời hạn 10 ngày làm việc kể từ ngày ký Thông báo này', '2026-02-03'],
    ['10', 'trong 05 ngày làm việc', '2026-01-27'],
    // 11. Calendar days (and months) from the notice.
    ['11', 'trong thời hạn 10 ngày kể từ ngày ban hành Thông báo này', '2026-01-30'],
    ['11', 'trong thời hạn 03 tháng kể từ ngày ban hành Thông báo này', '2026-04-20'],
    // 12. From receipt: the notice date stands in for it.
    ['12', 'trong 07 ngày làm việc kể từ ngày nhận được Thông báo này', '2026-01-29'],
    ['12', 'trong 5 ngày làm việc kể từ ngày kết thúc Hội nghị', 'relative'],
    // 13–15. Recurring.
    ['13', 'định kỳ hằng tháng, trước ngày 20 hằng tháng, báo cáo UBND tỉnh', 'recurring'],
    ['14', 'Định kỳ hằng quý, trước ngày 20 của tháng cuối quý, báo cáo UBND tỉnh', 'recurring'],
    ['15', 'định kỳ 6 tháng, báo cáo UBND tỉnh', 'recurring'],
    ['15', 'tổng kết, báo cáo hằng năm', 'recurring'],
    // 16. Ongoing: no deadline.
    ['16', 'thực hiện thường xuyên', 'none'],
    ['16', 'duy trì, theo dõi liên tục', 'none'],
    // 17. "khẩn trương": urgency, the date when there is one.
    ['17', 'khẩn trương triển khai', 'none'],
    [
      '17',
      'khẩn trương hoàn thiện phần mềm; phấn đấu đưa vào sử dụng trong tháng 02 năm 2026',
      '2026-02-28',
    ],
    // 18. "ngay": urgency without a date.
    ['18', 'triển khai ngay các giải pháp', 'none'],
    // 19. Event-relative: no computable date.
    ['19', 'hoàn thành trước kỳ họp HĐND tỉnh', 'none'],
    ['19', 'báo cáo ngay sau khi kết thúc Hội nghị', 'none'],
    ['19', 'hoàn thành trước kỳ họp thường lệ giữa năm 2026', 'none'],
    // 20. Before Tết: the last working day before the break.
    ['20', 'trình UBND tỉnh trước Tết Nguyên đán', '2026-02-13'],
    ['20', 'hoàn thành trước Tết Nguyên đán Bính Ngọ', '2026-02-13'],
    // 21. "phấn đấu": same date maths (flagged soft).
    ['21', 'phấn đấu tổ chức thực hiện trong năm 2026', '2026-12-31'],
    // 22. "từ nay đến hết".
    ['22', 'từ nay đến hết ngày 31/3/2026', '2026-03-31'],
    // 23. "trong tuần này/sau": the Friday of that week.
    ['23', 'hoàn thành phương án trong tuần này', '2026-01-23'],
    ['23', 'hoàn thành trong tuần sau', '2026-01-30'],
    // 24. A recipient between the verb and the date.
    ['24', 'trình Trưởng Ban Chỉ đạo trong tháng 01 năm 2026', '2026-01-31'],
    ['24', 'hoàn thành, trình UBND tỉnh chậm nhất ngày 25/01/2026', '2026-01-25'],
  ])('row %s: %s → %s', (_row, text, expected) => {
    expect(dueOf(text)).toBe(expected);
  });
});

describe('dates that are not deadlines', () => {
  it.each([
    ['tổ chức thực hiện'],
    ['theo Kế hoạch số 197/KH-UBND ngày 22/7/2025 của UBND tỉnh'],
    ['thực hiện Nghị quyết số 68-NQ/TW, ngày 04/5/2025 của Bộ Chính trị'],
    ['thực hiện Công văn số 123/VP-KT ngày 5/1/2026'],
    ['theo Quyết định số 15/2025/QĐ-UBND ngày 10/3/2025 của UBND tỉnh'],
    ['giai đoạn 2026 - 2030'],
    ['theo Kế hoạch năm 2026'],
    ['áp dụng từ ngày 01/3/2026'],
    ['số liệu tính đến ngày 28/02/2026'],
    ['phát huy kết quả đạt được trong năm 2025'],
    ['bố trí lực lượng trực cấp cứu 24/24 giờ'],
  ])('%s → none', (text) => {
    expect(dueOf(text)).toBe('none');
  });

  it('keeps the deadline next to a referenced document', () => {
    expect(
      dueOf('thay thế Quyết định số 53/QĐ-BCĐ ngày 04/4/2025; trình trong tháng 01 năm 2026'),
    ).toBe('2026-01-31');
    expect(
      dueOf(
        'báo cáo (đã được giao tại Thông báo số 350/TB-UBND ngày 20/11/2026) trước 30/12',
        ctx('2026-12-18', '2026-12-15'),
      ),
    ).toBe('2026-12-29');
  });

  it('takes the latest "finish by" date when a sentence names several', () => {
    expect(
      dueOf(
        'thu hồi nợ đọng, hạn chót là ngày 25/12/2026; gửi báo cáo về Sở Nội vụ không muộn hơn ngày 05/01/2027',
      ),
    ).toBe('2027-01-05');
    expect(dueOf('tổng hợp tình hình quý III, quý IV; báo cáo UBND tỉnh cuối tháng 7/2026')).toBe(
      '2026-07-31',
    );
  });
});

describe('calendar arithmetic', () => {
  it.each([
    ['2026-02-10', '2026-03-03'],
    ['2026-08-20', '2026-09-07'],
  ])(
    '10 working days from a notice of %s (Tết, make-up Saturday, National Day) → %s',
    (issuedOn, due) => {
      expect(
        dueOf(
          'trong thời hạn 10 ngày làm việc kể từ ngày ký Thông báo này',
          ctx(issuedOn, issuedOn),
        ),
      ).toBe(due);
    },
  );

  it('rolls a year-less date, month or quarter over into the next year after a December meeting', () => {
    const december = ctx('2025-12-10', '2025-12-08');
    expect(dueOf('trình UBND tỉnh trong tháng 01', december)).toBe('2026-01-31');
    expect(dueOf('hoàn thành trước 15/1', december)).toBe('2026-01-14');
    expect(dueOf('hoàn thành chậm nhất ngày 20/12', december)).toBe('2025-12-20');
    expect(dueOf('hoàn thành trong quý I', december)).toBe('2026-03-31');
    expect(dueOf('hoàn thành trong tháng 01 năm sau', december)).toBe('2026-01-31');
  });

  it('stays relative when the notice has no date to count from', () => {
    expect(
      parseDeadline('trong thời hạn 10 ngày làm việc kể từ ngày ký Thông báo này', {
        reference: null,
        issuedOn: null,
        calendar: vnPublicSectorCalendar,
      }).deadline,
    ).toMatchObject({ kind: 'relative', days: 10, workingDays: true });
  });
});

describe('recurring deadlines', () => {
  it.each([
    ['định kỳ hằng tháng, trước ngày 20 hằng tháng', { frequency: 'monthly', day: 19 }],
    ['báo cáo UBND tỉnh trước ngày 05 hằng tháng', { frequency: 'monthly', day: 4 }],
    ['vào ngày 25 hằng tháng, báo cáo tiến độ', { frequency: 'monthly', day: 25 }],
    ['Định kỳ hằng quý, trước ngày 20 của tháng cuối quý', { frequency: 'quarterly', day: 19 }],
    ['báo cáo hằng quý', { frequency: 'quarterly' }],
    ['báo cáo hàng tuần', { frequency: 'weekly' }],
    ['tổ chức giao ban vào thứ Hai hằng tuần', { frequency: 'weekly', day: 1 }],
    ['tổng kết hằng năm', { frequency: 'yearly' }],
    ['báo cáo UBND tỉnh trước ngày 15/12 hằng năm', { frequency: 'yearly', day: 14, month: 12 }],
    ['định kỳ 6 tháng, báo cáo', { frequency: 'monthly', interval: 6 }],
  ])('%s', (text, expected) => {
    expect(parseDeadline(text, ctx()).deadline).toMatchObject({ kind: 'recurring', ...expected });
  });

  it.each([
    [
      'báo cáo UBND tỉnh định kỳ hằng tháng, trước ngày 25',
      { frequency: 'monthly', day: 24, months: undefined },
    ],
    [
      'Định kỳ hằng quý, trước ngày 20 của tháng cuối quý',
      { frequency: 'quarterly', day: 19, months: undefined },
    ],
    [
      'báo cáo hằng quý, trước ngày 15 của tháng đầu quý sau',
      { frequency: 'quarterly', day: 14, months: [1, 4, 7, 10] },
    ],
    [
      'báo cáo vào ngày 10 tháng đầu tiên của quý tiếp theo, hằng quý',
      { frequency: 'quarterly', day: 10, months: [1, 4, 7, 10] },
    ],
    ['định kỳ 6 tháng, báo cáo', { frequency: 'monthly', months: [6, 12] }],
    ['định kỳ 06 tháng một lần báo cáo UBND tỉnh', { frequency: 'monthly', months: [6, 12] }],
    ['tổng hợp, báo cáo 6 tháng gửi Sở Tài chính', { frequency: 'monthly', months: [6, 12] }],
    [
      'Các chủ đầu tư báo cáo định kỳ 6 tháng, trước ngày 15/6 và 15/12, gửi Sở Tài chính',
      { frequency: 'monthly', day: 14, months: [6, 12] },
    ],
    [
      'định kỳ 6 tháng, báo cáo vào ngày 20/6 và 20/12',
      { frequency: 'monthly', day: 20, months: [6, 12] },
    ],
    [
      'báo cáo định kỳ 6 tháng, trước ngày 20/1 và 20/7 hằng năm',
      { frequency: 'monthly', day: 19, months: [1, 7] },
    ],
    [
      'báo cáo hằng quý, trước ngày 15/3, 15/6, 15/9 và 15/12',
      { frequency: 'quarterly', day: 14, months: undefined },
    ],
    [
      'Sở Tài chính báo cáo UBND tỉnh trước ngày 31/3 hằng năm',
      { frequency: 'yearly', day: 30, months: [3] },
    ],
    [
      'báo cáo UBND tỉnh trước ngày 15/12 hằng năm',
      { frequency: 'yearly', day: 14, months: undefined },
    ],
    ['tổng kết hằng năm', { frequency: 'yearly', months: undefined }],
    ['trước ngày 1/4 hằng năm', { frequency: 'yearly', day: 31, months: [3] }],
    ['báo cáo kết quả vào thứ Sáu hằng tuần', { frequency: 'weekly', day: 5 }],
    ['giao ban thứ Hai hằng tuần', { frequency: 'weekly', day: 1 }],
  ])('keeps the months a period ends in: %s', (text, expected) => {
    const { months, ...rest } = expected as { months?: number[] };
    const d = parseDeadline(text, ctx()).deadline;
    expect(d).toMatchObject({ kind: 'recurring', ...rest });
    // Absent when they are the frequency's own: stored as before months existed.
    expect(d.kind === 'recurring' ? d.months : null).toEqual(months);
  });

  it.each([
    ['báo cáo 6 tháng đầu năm 2026 gửi UBND tỉnh', '2026-06-30'],
    ['xây dựng báo cáo 6 tháng đầu năm', '2026-06-30'],
  ])('a half year with its year is a date, not a recurrence: %s', (text, due) => {
    expect(dueOf(text)).toBe(due);
  });

  it.each([
    ['Sở Tài chính báo cáo UBND tỉnh trước ngày 31/3 hằng năm', '2026-04-01', '2027-03-30'],
    ['định kỳ 6 tháng, báo cáo UBND tỉnh', '2026-07-01', '2026-12-31'],
    ['định kỳ 6 tháng, báo cáo UBND tỉnh', '2027-01-01', '2027-06-30'],
    ['báo cáo định kỳ 6 tháng, trước ngày 15/6 và 15/12', '2026-06-20', '2026-12-14'],
    ['báo cáo hằng quý, trước ngày 15 của tháng đầu quý sau', '2026-12-20', '2027-01-14'],
    ['báo cáo kết quả vào thứ Sáu hằng tuần', '2026-12-29', '2027-01-01'],
    ['báo cáo UBND tỉnh trước ngày 18 hằng tháng', '2026-02-01', '2026-02-17'], // in Tết: literal
  ])('%s: the engine reads it (from %s → %s)', (text, from, next) => {
    const r = recurrenceOf(parseDeadline(text, ctx()).deadline);
    expect(r && nextOccurrence(r, from)).toBe(next);
  });

  it('prefers the date of a dated task that merely mentions a yearly plan', () => {
    expect(dueOf('xây dựng kế hoạch hằng năm, trình UBND tỉnh trước 31/3/2026')).toBe('2026-03-30');
  });
});

describe('flags for a human', () => {
  it('marks soft targets, urgency without a date, events and assumptions', () => {
    expect(parseDeadline('phấn đấu hoàn thành trong năm 2026', ctx()).vague).toBe(true);
    expect(parseDeadline('khẩn trương triển khai', ctx()).vague).toBe(true);
    expect(parseDeadline('hoàn thành trước kỳ họp HĐND tỉnh', ctx()).event).toBe(
      'trước kỳ họp HĐND tỉnh',
    );
    expect(parseDeadline('hoàn thành trước 30/6', ctx()).notes.join(' ')).toMatch(/không ghi năm/u);
    expect(
      parseDeadline('trong 07 ngày làm việc kể từ ngày nhận được Thông báo này', ctx()).notes,
    ).toHaveLength(1);
  });
});
