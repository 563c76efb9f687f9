/**
 * The intake preview beyond parsing (ADR 0014): the notice a text repeats (`existingNotice`), the
 * words that named each agency (`agencyPhrases`), and a recurrence chosen in the preview.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  addDays,
  civilDateAt,
  civilParts,
  formatVnDate,
  nextOccurrence,
} from '../../libs/domain/src';
import { startTestStack, type TestStack } from '../support/stack';

const corpus = readFileSync(
  join(__dirname, '../../libs/domain/src/notice/fixtures/corpus-e1-e10.txt'),
  'utf8',
);

interface Preview {
  notice: { number: string | null };
  items: {
    code: string;
    text: string;
    lead: string[];
    support: string[];
    agencyPhrases?: { name: string; phrase: string }[];
  }[];
  existingNotice: {
    id: string;
    number: string | null;
    createdAt: string;
    sameText: boolean;
  } | null;
}

let stack: TestStack;
let secretariat: string;

beforeAll(async () => {
  stack = await startTestStack();
  secretariat = await stack.login('secretariat@dondoc.local');
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

const auth = () => ({ Authorization: `Bearer ${secretariat}` });
const preview = async (text: string): Promise<Preview> =>
  (await stack.http().post('/api/notices/preview').set(auth()).send({ text }).expect(200))
    .body as Preview;

describe('notice preview', () => {
  it('names the notice a text repeats: the same text (also as NFD with CRLF), or the same number and date', async () => {
    const first = await preview(corpus);
    expect(first.notice.number).toBe('25/TB-VP');
    expect(first.existingNotice).toBeNull();

    const confirmed = await stack
      .http()
      .post('/api/notices')
      .set(auth())
      .send({ text: corpus, items: first.items });
    expect(confirmed.status).toBe(201);
    const notice = confirmed.body as { id: string; createdAt: string };

    const again = await preview(corpus);
    expect(again.existingNotice).toEqual({
      id: notice.id,
      number: '25/TB-VP',
      createdAt: notice.createdAt,
      sameText: true,
    });
    const hostile = corpus.normalize('NFD').replace(/\n/g, '\r\n').replace(/ /g, '  ');
    expect((await preview(hostile)).existingNotice).toMatchObject({
      id: notice.id,
      sameText: true,
    });

    const edited = corpus.replace('chậm nhất ngày 30/01/2026', 'chậm nhất ngày 27/02/2026');
    expect(edited).not.toBe(corpus);
    expect((await preview(edited)).existingNotice).toEqual({
      id: notice.id,
      number: '25/TB-VP',
      createdAt: notice.createdAt,
      sameText: false,
    });

    // The same number issued on another date is another notice.
    const nextYear = edited.replace('ngày 20 tháng 01 năm 2026', 'ngày 20 tháng 01 năm 2027');
    expect(nextYear).not.toBe(edited);
    expect((await preview(nextYear)).existingNotice).toBeNull();

    // Confirming the same text again still starts nothing.
    const repeat = await stack
      .http()
      .post('/api/notices')
      .set(auth())
      .send({ text: corpus, items: first.items });
    expect(repeat.status).toBe(200);
    expect(repeat.body).toMatchObject({ id: notice.id, created: false, started: 0 });
  }, 60_000);

  it("gives the words that named each agency, an alias as written and a heading's words", async () => {
    const items = (await preview(corpus)).items;
    const item = (code: string) => items.find((i) => i.code === code);
    expect(item('2.i')).toMatchObject({
      lead: ['Sở Công Thương'],
      agencyPhrases: [{ name: 'Sở Công Thương', phrase: 'Sở Công thương' }],
    });
    // "đ) Sở Khoa học và Công nghệ:" then "- Chủ trì, phối hợp với Sở Tài chính …".
    expect(item('2.đ.1')?.agencyPhrases).toEqual([
      { name: 'Sở Tài chính', phrase: 'Sở Tài chính' },
      { name: 'Sở Khoa học và Công nghệ', phrase: 'Sở Khoa học và Công nghệ' },
    ]);
  });

  it('confirms a recurrence chosen in the preview and refuses one that cannot recur', async () => {
    const text = 'Thông báo thử định kỳ\n1. Sở Y tế báo cáo tình hình dịch bệnh.';
    const deadline = { kind: 'recurring', frequency: 'yearly', day: 15, months: [3, 9] };
    const refused = await stack
      .http()
      .post('/api/notices')
      .set(auth())
      .send({
        text,
        items: [
          { code: '1', text: 'Báo cáo dịch bệnh', lead: 'SYT', deadline: { ...deadline, day: 32 } },
        ],
      });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'NOTICE_ITEMS_INVALID' });

    const confirmed = await stack
      .http()
      .post('/api/notices')
      .set(auth())
      .send({ text, items: [{ code: '1', text: 'Báo cáo dịch bệnh', lead: 'SYT', deadline }] });
    expect(confirmed.status).toBe(201);
    const [item] = (confirmed.body as { items: { id: string }[] }).items;
    const stored = (await stack.http().get(`/api/items/${item!.id}`).set(auth()).expect(200))
      .body as { due: string; deadline: Record<string, unknown> };
    expect(stored.deadline).toMatchObject(deadline);
    expect(stored.due).toBe(
      nextOccurrence({ frequency: 'yearly', day: 15, months: [3, 9] }, civilDateAt(Date.now())),
    );
  }, 60_000);
});

describe('a notice dated after today', () => {
  it('is flagged in the preview, and its monthly item opens its first period on or after that date', async () => {
    const issuedOn = addDays(civilDateAt(Date.now()), 45);
    const { year, month, day } = civilParts(issuedOn);
    const text = [
      'UBND TỈNH HÀ TĨNH',
      'BAN CHỈ ĐẠO',
      `Số: 77/TB-BCĐ                    Hà Tĩnh, ngày ${day} tháng ${month} năm ${year}`,
      'THÔNG BÁO',
      'Kết luận của Trưởng Ban Chỉ đạo tại cuộc họp thử',
      '1. Sở Y tế báo cáo tình hình dịch bệnh hằng tháng, trước ngày 20.',
      '2. Sở Tài chính hoàn thành dự thảo chậm nhất ngày 30/6/2027.',
    ].join('\n');
    const parsed = (
      await stack.http().post('/api/notices/preview').set(auth()).send({ text }).expect(200)
    ).body as Preview & { notice: { issuedOn: string }; warnings: string[] };
    expect(parsed.notice.issuedOn).toBe(issuedOn);
    expect(parsed.warnings).toContain(
      `Thông báo ghi ngày ${formatVnDate(issuedOn)}, sau ngày hôm nay (${formatVnDate(civilDateAt(Date.now()))}); cần kiểm tra ngày ban hành. Kỳ đầu của nhiệm vụ định kỳ (Mục 1) tính từ ngày ${formatVnDate(issuedOn)}.`,
    );

    const confirmed = await stack
      .http()
      .post('/api/notices')
      .set(auth())
      .send({ text, items: parsed.items });
    expect(confirmed.status).toBe(201);
    const monthly = (confirmed.body as { items: { id: string; code: string }[] }).items.find(
      (i) => i.code === '1',
    );
    const stored = (await stack.http().get(`/api/items/${monthly!.id}`).set(auth()).expect(200))
      .body as { due: string };
    expect(stored.due).toBe(nextOccurrence({ frequency: 'monthly', day: 19 }, issuedOn));
    expect(stored.due >= issuedOn).toBe(true);
  }, 60_000);
});
