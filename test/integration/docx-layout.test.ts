/**
 * The Nghị định 30 layout (libs/papers/src/docx-layout.ts) as python-docx reads it back: the
 * issuing body in bold (alone or under its parent), a signature block that never stands alone at
 * the top of a page, document numbers that do not break at their hyphens (issue 11 blind check).
 */
import { bodyParagraph, docxOf, type OfficialDocument } from '../../libs/papers/src';
import { readDocx } from '../support/office-readers';

const letter = (issuer: string[]): OfficialDocument => ({
  issuer,
  place: 'Lạng Sơn',
  numberLine: 'Số:        /BCĐ-VP',
  kind: null,
  about: 'đôn đốc thực hiện nhiệm vụ 2.c tại Thông báo kết luận số 98/TB-BCĐ ngày 05/09/2026',
  body: [
    bodyParagraph('Tại Thông báo kết luận số 98/TB-BCĐ, Ban Chỉ đạo giao nhiệm vụ.'),
    bodyParagraph('Đề nghị báo cáo kết quả.', { keepNext: true }),
  ],
  recipients: ['- Như trên;', '- Lưu: VT.'],
  signer: ['TL. TRƯỞNG BAN', 'CHÁNH VĂN PHÒNG'],
});

it('sets a body named alone in bold, and under its parent only the body itself', async () => {
  const alone = await readDocx(await docxOf(letter(['BAN CHỈ ĐẠO'])));
  expect(alone.tableParagraphs[0]?.find((p) => p.text === 'BAN CHỈ ĐẠO')?.bold).toBe(true);
  const under = await readDocx(await docxOf(letter(['UBND TỈNH LẠNG SƠN', 'BAN CHỈ ĐẠO'])));
  const header = under.tableParagraphs[0] ?? [];
  expect(header.find((p) => p.text === 'UBND TỈNH LẠNG SƠN')?.bold).toBe(false);
  expect(header.find((p) => p.text === 'BAN CHỈ ĐẠO')?.bold).toBe(true);
}, 60_000);

it('keeps the last paragraph with the signature, and numbers whole', async () => {
  const doc = await readDocx(await docxOf(letter(['BAN CHỈ ĐẠO'])));
  const last = doc.paragraphs.find((p) => p.text === 'Đề nghị báo cáo kết quả.');
  expect(last?.keepWithNext).toBe(true);
  const first = doc.paragraphs.find((p) => p.text.startsWith('Tại Thông báo'));
  expect(first?.keepWithNext).toBe(false);
  // The blank line between, and every line of the signature block but its last.
  expect(doc.paragraphs.at(-1)).toMatchObject({ text: '', keepWithNext: true });
  const signature = (doc.tableParagraphs.at(-1) ?? []).filter((p) => p.text !== '');
  expect(signature.map((p) => [p.text, p.keepWithNext])).toEqual([
    ['Nơi nhận:', true],
    ['- Như trên;', true],
    ['- Lưu: VT.', true],
    ['TL. TRƯỞNG BAN', true],
    ['CHÁNH VĂN PHÒNG', true],
    ['(Ký, ghi rõ họ tên)', false],
  ]);
  // "98/TB-BCĐ" in the subject line and in the body; "BCĐ-VP" is not a document number.
  expect(doc.noBreakHyphens).toBe(2);
  expect(doc.tables[0]?.[0]?.[0]).toContain('Thông báo kết luận số 98/TB-BCĐ ngày 05/09/2026');
}, 60_000);
