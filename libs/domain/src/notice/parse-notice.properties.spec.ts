import fc from 'fast-check';
import { addDays } from '../time/civil-date';
import { parseNotice } from './parse-notice';

const ws = (s: string): string => s.replace(/\s+/g, ' ').trim();

describe('properties', () => {
  const tokens = fc.constantFrom(
    'Lạng Sơn, ngày 20 tháng 01 năm 2026\n',
    'Ngày 15/12/2025, đồng chí Nguyễn Văn A chủ trì cuộc họp.\n',
    'kết luận như sau:\n',
    '1. Nhiệm vụ\n',
    'a) ',
    'b) ',
    'đ) ',
    '- ',
    '+ ',
    '2. ',
    '2.1. ',
    'II. ',
    '\n',
    '\r\n',
    '\f',
    ' ',
    'Sở Tài chính ',
    'Ban Quản lý dự án tỉnh ',
    'chủ trì, phối hợp với ',
    'Sở Y tế',
    'chậm nhất ngày ',
    'trước ngày ',
    'trước ',
    'trong ',
    'hoàn thành ',
    '31/02/2026',
    '22/01/2026',
    '30/6',
    '29/2',
    '0/0',
    '99/99/9999',
    'tháng 13 năm 2026',
    'tháng 3',
    'quý V/2026',
    'quý I',
    'Tết Nguyên đán',
    'tuần này',
    '6 tháng đầu năm',
    'năm ',
    '2026',
    'Kế hoạch số 1/KH-UBND ngày ',
    '10 ngày làm việc kể từ ngày ký Thông báo này',
    '999 ngày làm việc',
    'hằng tháng',
    'trước ngày 99 hằng tháng',
    'Nơi nhận:',
    './.',
    '\u0301',
    '\u0323',
    '3',
    '1 Chú thích.\n',
  );
  const arbitrary = fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.string({ unit: 'grapheme', maxLength: 200 }),
    fc.array(tokens, { maxLength: 80 }).map((t) => t.join('')),
  );
  /** Day and month written in a phrase ("22/01/2026", "ngày 22 tháng 01 năm 2026", "30/6"). */
  const writtenDayMonth = (phrase: string): [number, number] | null => {
    const m =
      /(\d{1,2})\s*[/.-]\s*(\d{1,2})/u.exec(phrase) ??
      /(\d{1,2})\s+tháng\s+(\d{1,2})/u.exec(phrase);
    return m && /ngày|^\D*\d{1,2}\s*[/.-]/u.test(phrase) ? [Number(m[1]), Number(m[2])] : null;
  };

  it('never throws, outputs NFC, and never invents a date deadline', () => {
    fc.assert(
      fc.property(arbitrary, (text) => {
        const parsed = parseNotice(text);
        const json = JSON.stringify(parsed);
        expect(json).toBe(json.normalize('NFC'));
        const input = ws(text.normalize('NFC')).replace(/\s*([/.-])\s*(?=\d)/g, '$1');
        for (const item of parsed.items) {
          const d = item.deadline;
          if (d.kind !== 'date') continue;
          expect(d.due).toMatch(/^20\d\d-\d\d-\d\d$/u);
          // The phrase is written in the input (in the item or in its heading).
          expect(input).toContain(d.phrase);
          // A written day/month is the due date, or the day after it ("trước ngày X").
          const written = writtenDayMonth(d.phrase);
          if (written) {
            const [day, month] = written;
            const next = addDays(d.due, 1);
            const dueDm = [Number(d.due.slice(8, 10)), Number(d.due.slice(5, 7))];
            const nextDm = [Number(next.slice(8, 10)), Number(next.slice(5, 7))];
            expect([dueDm, nextDm]).toContainEqual([day, month]);
            expect(input).toMatch(new RegExp(`0?${day}\\D`, 'u'));
          } else {
            expect(d.phrase).toMatch(/\d|quý|này|nay|sau|tới|Tết|tuần/iu);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });
});
