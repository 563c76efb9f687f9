import { describe, expect, it } from '@jest/globals';
import type { Agency } from '../api/client';
import {
  curlyQuotes,
  deadlineEdited,
  emptyRow,
  missingOf,
  missingSummary,
  noticeWarnings,
  pastDueSummary,
  pastDueWarning,
  leadRenameWarning,
  rowWarnings,
  shownDeadlineNote,
  recurrenceText,
  rowsOf,
  toConfirmItems,
  type IntakeRow,
  type NoticePreview,
} from './intake-rows';

const agencies: Agency[] = [
  { code: 'STC', name: 'Sở Tài chính' },
  { code: 'SKHCN', name: 'Sở Khoa học và Công nghệ' },
] as Agency[];

const preview: NoticePreview = {
  notice: { title: null, number: '25/TB-VP', issuedOn: null, meetingDate: null, chair: null },
  items: [
    {
      code: '2.a',
      text: 'Chủ trì, phối hợp với Sở TC hoàn thành chậm nhất ngày 30/01/2026.',
      lead: ['Sở Khoa học và Công nghệ'],
      support: ['Sở Tài chính'],
      deadline: { kind: 'date', due: '2026-01-30', phrase: 'chậm nhất ngày 30/01/2026' },
      agencyPhrases: [
        { name: 'Sở Tài chính', phrase: 'Sở TC' },
        { name: 'Sở Khoa học và Công nghệ', phrase: 'Sở KH&CN' },
      ],
    },
    {
      code: '2.b',
      text: 'Định kỳ hằng quý, trước ngày 20 của tháng cuối quý, báo cáo UBND tỉnh.',
      lead: ['Sở Tài chính'],
      support: [],
      deadline: { kind: 'recurring', frequency: 'quarterly', day: 19, phrase: 'Định kỳ hằng quý' },
    },
    {
      code: '2.c',
      text: 'Thường xuyên kiểm tra.',
      lead: [],
      support: [],
      deadline: { kind: 'none', phrase: 'thường xuyên' },
    },
  ],
  warnings: ['Mục 2.c: chưa xác định cơ quan chủ trì; cần giao trước khi xác nhận.'],
  existingNotice: null,
};

const rows = rowsOf(preview, agencies);
const row = (code: string): IntakeRow => rows.find((r) => r.code === code)!;

describe('rowsOf', () => {
  it('takes no lead nor co-ordinator the directory lacks: the row needs a lead before confirming', () => {
    const [r] = rowsOf(
      {
        ...preview,
        items: [
          {
            code: '1',
            text: 'Văn phòng Ban Chỉ đạo chủ trì, phối hợp với Sở Tài chính và Hội Doanh nhân trẻ tổng hợp báo cáo.',
            lead: ['Văn phòng Ban Chỉ đạo'],
            support: ['Sở Tài chính', 'Hội Doanh nhân trẻ'],
            deadline: { kind: 'none', phrase: '' },
          },
        ],
        warnings: ['Mục 1: "Văn phòng Ban Chỉ đạo" không có trong danh mục cơ quan.'],
      },
      agencies,
    );
    expect([r?.lead, r?.support]).toEqual([undefined, ['STC']]);
    expect(missingOf(r!)).toBe('cơ quan chủ trì');
    // The summary under the confirm button names the rows (issue 8 blind check).
    expect(
      missingSummary([
        r!,
        { ...r!, code: '', text: 'Việc mới', lead: 'STC', due: undefined, mode: 'date' },
      ]),
    ).toBe(
      'Còn 2 nhiệm vụ chưa có nội dung, cơ quan chủ trì hoặc ngày hạn: Mục 1 (thiếu cơ quan chủ trì), Nhiệm vụ mới (thiếu ngày hạn).',
    );
    expect(missingSummary([{ ...r!, lead: 'STC' }])).toBeNull();
    expect(rowWarnings(r!)).toEqual([
      'Mục 1: “Văn phòng Ban Chỉ đạo” không có trong danh mục cơ quan.',
    ]);
    expect(rowWarnings({ ...r!, lead: 'STC' })).toEqual([]);
  });

  it('gives agency codes, the deadline mode, the warnings and what to find in the source', () => {
    expect(row('2.a')).toMatchObject({
      lead: 'SKHCN',
      support: ['STC'],
      mode: 'date',
      due: '2026-01-30',
      warnings: [],
      source: {
        deadlinePhrase: 'chậm nhất ngày 30/01/2026',
        agencies: [
          { code: 'STC', phrase: 'Sở TC' },
          { code: 'SKHCN', phrase: 'Sở KH&CN' },
        ],
      },
    });
    expect(row('2.b')).toMatchObject({
      mode: 'recurring',
      recurrence: { frequency: 'quarterly', day: 19 },
    });
    expect(row('2.c')).toMatchObject({
      lead: undefined,
      mode: 'none',
      warnings: [expect.any(String)],
    });
  });
});

describe('toConfirmItems', () => {
  it('sends an unchanged row as the parser read it', () => {
    expect(toConfirmItems(rows)).toEqual([
      {
        code: '2.a',
        text: preview.items[0]!.text,
        lead: 'SKHCN',
        support: ['STC'],
        deadline: preview.items[0]!.deadline,
      },
      {
        code: '2.b',
        text: preview.items[1]!.text,
        lead: 'STC',
        support: [],
        deadline: preview.items[1]!.deadline,
      },
      {
        code: '2.c',
        text: 'Thường xuyên kiểm tra.',
        support: [],
        deadline: preview.items[2]!.deadline,
      },
    ]);
  });

  it('sends a changed date as `due`, and a date replacing a recurrence alone', () => {
    const [a] = toConfirmItems([{ ...row('2.a'), due: '2026-12-31' }]);
    expect(a).toMatchObject({ deadline: preview.items[0]!.deadline, due: '2026-12-31' });
    const [b] = toConfirmItems([{ ...row('2.b'), mode: 'date', due: '2027-01-15' }]);
    expect(b).toMatchObject({ due: '2027-01-15' });
    expect(b).not.toHaveProperty('deadline');
  });

  it('sends a recurrence chosen by hand with its months and a phrase that says it', () => {
    const [c] = toConfirmItems([
      {
        ...row('2.c'),
        mode: 'recurring',
        recurrence: { frequency: 'yearly', day: 15, months: [3, 9] },
      },
    ]);
    expect(c!.deadline).toEqual({
      kind: 'recurring',
      frequency: 'yearly',
      day: 15,
      months: [3, 9],
      phrase: 'Hằng năm, tháng 3 và tháng 9, ngày 15',
    });
    expect(c).not.toHaveProperty('due');
    const [w] = toConfirmItems([
      { ...row('2.b'), recurrence: { frequency: 'weekly', day: 5, months: [3] } },
    ]);
    expect(w!.deadline).toEqual({
      kind: 'recurring',
      frequency: 'weekly',
      day: 5,
      phrase: 'Hằng tuần, thứ Sáu',
    });
  });

  it('sends "no deadline" as kind none, keeping what the parser said when it had none', () => {
    const [a, c] = toConfirmItems([{ ...row('2.a'), mode: 'none' }, row('2.c')]);
    expect(a!.deadline).toEqual({ kind: 'none' });
    expect(a).not.toHaveProperty('due');
    expect(c!.deadline).toEqual({ kind: 'none', phrase: 'thường xuyên' });
  });
});

describe('a row before confirming', () => {
  it('names what is missing: text, lead agency, a date when the deadline is a date', () => {
    expect(missingOf(row('2.a'))).toBeNull();
    expect(missingOf(row('2.c'))).toBe('cơ quan chủ trì');
    expect(missingOf({ ...row('2.a'), text: '  ' })).toBe('nội dung');
    expect(missingOf({ ...emptyRow(0), text: 'Việc mới', lead: 'STC' })).toBe('ngày hạn');
    expect(missingOf({ ...emptyRow(0), text: 'Việc mới', lead: 'STC', mode: 'none' })).toBeNull();
  });

  it('warns about a date already past, named like the other warnings, not about today or a recurrence', () => {
    expect(pastDueWarning(row('2.a'), '2026-12-02')).toBe(
      'Mục 2.a: hạn 30/01/2026 đã qua; nhiệm vụ sẽ quá hạn ngay khi giao. Thư báo quá hạn gửi ngay theo mức đã đến: quá 1–2 ngày làm việc, đến lãnh đạo cơ quan và Văn phòng; quá từ 3 ngày làm việc, đến Trưởng Ban Chỉ đạo.',
    );
    expect(pastDueWarning({ ...emptyRow(1), due: '2026-01-30' }, '2026-12-02')).toMatch(
      /^Nhiệm vụ mới: hạn 30\/01\/2026 đã qua; nhiệm vụ sẽ quá hạn ngay khi giao\. Thư báo quá hạn gửi ngay/,
    );
    expect(pastDueWarning(row('2.a'), '2026-01-30')).toBeNull();
    expect(pastDueWarning(row('2.b'), '2026-12-02')).toBeNull();
  });

  it('says a recurrence as the item page says it, the parsed one while unchanged', () => {
    const b = row('2.b');
    expect(recurrenceText(b)).toBe('Định kỳ: hằng quý, ngày 19 của tháng cuối quý');
    const halfYear: IntakeRow = {
      ...b,
      parsed: {
        kind: 'recurring',
        frequency: 'monthly',
        day: 25,
        months: [6, 12],
        interval: 6,
        phrase: 'định kỳ 6 tháng',
      },
      recurrence: { frequency: 'monthly', day: 25, months: [6, 12] },
    };
    expect(recurrenceText(halfYear)).toBe(
      'Định kỳ: 6 tháng một lần (tháng 6 và tháng 12), ngày 25',
    );
    expect(
      recurrenceText({ ...halfYear, recurrence: { frequency: 'monthly', months: [6, 12] } }),
    ).toBe('Định kỳ: vào tháng 6 và tháng 12');
    expect(recurrenceText({ ...b, recurrence: { frequency: 'weekly', day: 1 } })).toBe(
      'Định kỳ: hằng tuần, thứ Hai',
    );
    expect(recurrenceText(row('2.a'))).toBeNull();
    expect(recurrenceText({ ...row('2.a'), mode: 'recurring' })).toBe('Định kỳ: hằng tháng');
  });
});

describe('rowWarnings', () => {
  const warned: IntakeRow = {
    ...row('2.c'),
    warnings: [
      'Mục 2.c: chưa xác định cơ quan chủ trì; cần giao trước khi xác nhận.',
      'Mục 2.c: "Sở Du lịch" không có trong danh mục cơ quan.',
      'Mục 2.c: "trước" hiểu là hết ngày 14/01/2027',
    ],
  };

  it('keeps the parser warnings, quotes curled, while nothing was edited', () => {
    expect(rowWarnings(warned)).toEqual([
      'Mục 2.c: chưa xác định cơ quan chủ trì; cần giao trước khi xác nhận.',
      'Mục 2.c: “Sở Du lịch” không có trong danh mục cơ quan.',
      'Mục 2.c: “trước” hiểu là hết ngày 14/01/2027',
    ]);
  });

  it('drops the agency warnings once a lead is chosen, keeps the deadline ones', () => {
    expect(rowWarnings({ ...warned, lead: 'STC' })).toEqual([
      'Mục 2.c: “trước” hiểu là hết ngày 14/01/2027',
    ]);
  });

  it('drops the deadline warnings once the deadline is changed', () => {
    const dated = { ...warned, mode: 'date' as const, due: '2027-01-20' };
    expect(rowWarnings(dated)).toHaveLength(2);
    expect(rowWarnings(dated).join()).not.toContain('hiểu là');
    const a = row('2.a');
    const withNote = { ...a, warnings: ['Mục 2.a: "trước" hiểu là hết ngày 29/01/2026'] };
    expect(rowWarnings(withNote)).toHaveLength(1);
    expect(rowWarnings({ ...withNote, due: '2026-02-02' })).toEqual([]);
    expect(rowWarnings({ ...withNote, mode: 'recurring' })).toEqual([]);
  });

  it('keeps a lead list’s group ("là nhiều cơ quan") while the lead is the parsed one, whatever the date', () => {
    const a: IntakeRow = {
      ...row('2.a'),
      warnings: [
        'Mục 2.a: "Các sở, ngành" là nhiều cơ quan, không có trong danh mục nên chưa được giao; chỉ giao cho Sở Tài chính.',
      ],
    };
    expect(rowWarnings(a)).toHaveLength(1);
    expect(rowWarnings({ ...a, due: '2026-02-02' })).toHaveLength(1);
    expect(rowWarnings({ ...a, lead: 'SYT' })).toEqual([]);
  });

  it('keeps "named as co-ordinating too" while the lead is the parsed one, whatever the date', () => {
    const a: IntakeRow = {
      ...row('2.a'),
      warnings: [
        'Mục 2.a: "Sở Tài chính" vừa chủ trì vừa được nêu là cơ quan phối hợp; chỉ giữ vai trò chủ trì.',
      ],
    };
    const shown = [
      'Mục 2.a: “Sở Tài chính” vừa chủ trì vừa được nêu là cơ quan phối hợp; chỉ giữ vai trò chủ trì.',
    ];
    expect(rowWarnings(a)).toEqual(shown);
    expect(rowWarnings({ ...a, due: '2026-02-02' })).toEqual(shown);
    expect(rowWarnings({ ...a, lead: 'SYT' })).toEqual([]);
  });

  it('keeps a warning about an agency read from another name while that agency is on the row', () => {
    const a: IntakeRow = {
      ...row('2.a'),
      warnings: ['Mục 2.a: "Sở Kế hoạch và Đầu tư" được hiểu là "Sở Tài chính"; cần kiểm tra lại.'],
      source: {
        ...row('2.a').source!,
        agencies: [
          { code: 'STC', phrase: 'Sở Kế hoạch và Đầu tư' },
          { code: 'SKHCN', phrase: 'Sở KH&CN' },
        ],
      },
    };
    const shown = [
      'Mục 2.a: “Sở Kế hoạch và Đầu tư” được hiểu là “Sở Tài chính”; cần kiểm tra lại.',
    ];
    expect(rowWarnings(a)).toEqual(shown);
    // Not a warning about the deadline: a changed date keeps it.
    expect(rowWarnings({ ...a, due: '2026-02-02' })).toEqual(shown);
    expect(rowWarnings({ ...a, lead: 'STC', support: [] })).toEqual(shown);
    expect(rowWarnings({ ...a, support: [] })).toEqual([]);
  });

  it('gives none for a row added by hand', () => {
    expect(rowWarnings({ ...emptyRow(3), warnings: ['Mục : x'] })).toEqual([]);
  });
});

describe('deadlineEdited and shownDeadlineNote', () => {
  it('tells a changed deadline from the parsed one', () => {
    const b = row('2.b');
    expect(deadlineEdited(b)).toBe(false);
    expect(deadlineEdited({ ...b, recurrence: { ...b.recurrence, day: 20 } })).toBe(true);
    expect(deadlineEdited({ ...b, mode: 'none' })).toBe(true);
    expect(deadlineEdited(row('2.c'))).toBe(false);
  });

  it('shows the parsed note only while the kind of deadline is the parsed one', () => {
    const c = row('2.c');
    expect(shownDeadlineNote(c)).toBe('Không có hạn cụ thể: “thường xuyên”');
    expect(shownDeadlineNote({ ...c, mode: 'recurring' })).toBeNull();
    expect(shownDeadlineNote(emptyRow(1))).toBeNull();
    const a = row('2.a');
    expect(shownDeadlineNote({ ...a, due: '2026-02-02' })).toBe(
      'Theo văn bản: “chậm nhất ngày 30/01/2026”',
    );
  });
});

describe('summaries', () => {
  it('words the past-due count by number', () => {
    expect(pastDueSummary(1)).toMatch(/^1 nhiệm vụ có hạn đã qua: nhiệm vụ này sẽ quá hạn/);
    expect(pastDueSummary(3)).toMatch(/^3 nhiệm vụ có hạn đã qua: các nhiệm vụ này sẽ quá hạn/);
  });

  it('keeps the notice-wide warnings, not the items’ nor the empty-text one', () => {
    const p: NoticePreview = {
      ...preview,
      warnings: [
        'Mục 2.c: chưa xác định cơ quan chủ trì; cần giao trước khi xác nhận.',
        'Không tìm thấy nhiệm vụ nào trong văn bản.',
        'Mốc "sau Tết" chưa rõ',
      ],
    };
    expect(noticeWarnings(p)).toEqual(['Mốc “sau Tết” chưa rõ']);
    expect(curlyQuotes('a "b" c "d"')).toBe('a “b” c “d”');
  });
});

describe('leadRenameWarning', () => {
  const names: Record<string, string> = { STC: 'Sở Tài chính', SXD: 'Sở Xây dựng' };
  const nameOf = (code: string) => names[code] ?? code;
  const r = {
    ...emptyRow(0),
    code: '2.b',
    text: 'Sở TC chủ trì, phối hợp các đơn vị rà soát nợ đọng xây dựng cơ bản.',
    lead: 'STC',
    parsedLead: 'STC',
    source: {
      text: 'Sở TC chủ trì, phối hợp các đơn vị rà soát nợ đọng xây dựng cơ bản.',
      deadlinePhrase: undefined,
      agencies: [{ code: 'STC', phrase: 'Sở TC' }],
    },
  };

  it('warns when another lead is chosen while the text still names the parsed one', () => {
    expect(leadRenameWarning({ ...r, lead: 'SXD' }, nameOf)).toBe(
      'Mục 2.b: nội dung nhiệm vụ vẫn ghi “Sở TC”, nhưng cơ quan chủ trì đã đổi thành Sở Xây dựng; hãy sửa nội dung nếu cần.',
    );
  });

  it('says nothing while the lead is the parsed one, or once the text no longer names it', () => {
    expect(leadRenameWarning(r, nameOf)).toBeNull();
    expect(
      leadRenameWarning(
        { ...r, lead: 'SXD', text: 'Sở Xây dựng chủ trì rà soát nợ đọng.' },
        nameOf,
      ),
    ).toBeNull();
  });
});
