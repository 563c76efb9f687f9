import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { startBrowserStack, type BrowserStack } from './support/app';
import { useBrowser } from './support/browser';
import { openAs } from './support/login';
import { capture, expectNoHorizontalScroll, WIDTHS } from './support/screens';
import { cellValues, readDocx, readXlsx } from '../support/office-readers';

/**
 * "Xuất Excel" as the office uses it: the list with the filters on screen and the head's overdue
 * report come down as files (the session's token sent, which a plain link could not), named by
 * what and when, and openpyxl reads in them what the page shows.
 */

let stack: BrowserStack;
let secretariat: string;
let noticeId: string;

const vnToday = (): string => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

beforeAll(async () => {
  stack = await startBrowserStack();
  secretariat = await stack.login('secretariat@dondoc.local');
  for (const [text, lead, due] of [
    ['Tổng hợp tình hình giải ngân vốn đầu tư công', 'STC', '2026-10-15'],
    ['Xây dựng kế hoạch vốn giai đoạn sau', 'STC', '2099-12-31'],
    ['Rà soát các dự án chậm tiến độ', 'SXD', '2026-11-20'],
  ] as const) {
    await stack
      .http()
      .post('/api/items')
      .set({ Authorization: `Bearer ${secretariat}` })
      .send({ text, lead, due })
      .expect(201);
  }
  const notice = await stack
    .http()
    .post('/api/notices')
    .set({ Authorization: `Bearer ${secretariat}` })
    .send({
      text: [
        'UBND TỈNH LẠNG SƠN',
        'BAN CHỈ ĐẠO',
        'Số: 46/TB-BCĐ',
        'THÔNG BÁO',
        'Kết luận của đồng chí Nguyễn Văn B về chuyển đổi số',
        '2. Nhiệm vụ',
        'a) Sở Khoa học và Công nghệ xây dựng kho dữ liệu dùng chung, hoàn thành chậm nhất ngày 31/12/2099.',
      ].join('\n'),
    })
    .expect(201);
  noticeId = (notice.body as { id: string }).id;
}, 180_000);
afterAll(async () => {
  await stack?.close();
});

/** Clicks the button and returns the downloaded file's name and bytes. */
async function downloadFrom(
  page: Page,
  button = 'Xuất Excel',
): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: await readFile(path) };
}

describe('Xuất Excel', () => {
  const b = useBrowser({ baseURL: () => stack.baseUrl });

  it("the item list: the file holds the list's filter, row for row", async () => {
    const { page } = b;
    await openAs(page, '/items?lead=STC', 'secretariat@dondoc.local');
    await page.getByRole('cell', { name: /Xây dựng kế hoạch vốn/ }).waitFor();
    const file = await downloadFrom(page);
    expect(file.name).toBe(`nhiem-vu-${vnToday()}.xlsx`);
    const [sheet] = await readXlsx(file.bytes);
    // Overdue first (the page's order), then soonest.
    expect(sheet!.rows.slice(1).map((r) => cellValues(r).slice(2, 5))).toEqual([
      ['Tổng hợp tình hình giải ngân vốn đầu tư công', null, 'Sở Tài chính'],
      ['Xây dựng kế hoạch vốn giai đoạn sau', null, 'Sở Tài chính'],
    ]);
  });

  it('on a phone the button fits beside the title', async () => {
    const { page } = b;
    await page.setViewportSize({ width: WIDTHS.phone, height: 844 });
    await openAs(page, '/items', 'stc@dondoc.local');
    await page.getByRole('button', { name: 'Xuất Excel' }).waitFor();
    await expectNoHorizontalScroll(page);
    await capture(page, 'items-export-phone');
    const file = await downloadFrom(page);
    const [sheet] = await readXlsx(file.bytes);
    // The agency's own items only.
    expect(sheet!.rows).toHaveLength(1 + 2);
  });

  it("the head's report: the overdue items and the tally by agency", async () => {
    const { page } = b;
    await openAs(page, '/bao-cao', 'head@dondoc.local');
    await page.getByRole('heading', { name: /Nhiệm vụ quá hạn theo cơ quan \(2\)/ }).waitFor();
    const file = await downloadFrom(page);
    expect(file.name).toBe(`nhiem-vu-qua-han-${vnToday()}.xlsx`);
    const [overdue, tally] = await readXlsx(file.bytes);
    expect(overdue!.rows.slice(1).map((r) => r[4]?.value)).toEqual(['Sở Tài chính', 'Sở Xây dựng']);
    expect(
      tally!.rows
        .at(-1)
        ?.slice(1, 5)
        .map((c) => c?.value),
    ).toEqual(['Tổng cộng', 4, 2, 2]);

    // The agencies' record of this year (the report has no period).
    const year = vnToday().slice(0, 4);
    const record = await downloadFrom(page, `Kết quả năm ${year}`);
    expect(record.name).toBe(`ket-qua-thuc-hien-nhiem-vu-nam-${year}.xlsx`);
    const [sheet] = await readXlsx(record.bytes);
    expect(sheet?.name).toBe(`Năm ${year}`);
  });

  it("the notice's report as a Word document to edit and sign", async () => {
    const { page } = b;
    await openAs(page, `/notices/${noticeId}`, 'secretariat@dondoc.local');
    const file = await downloadFrom(page, 'Tải báo cáo thực hiện (Word)');
    expect(file.name).toBe(`bao-cao-thuc-hien-thong-bao-46-TB-BCD-${vnToday()}.docx`);
    const doc = await readDocx(file.bytes);
    expect(doc.paragraphs.map((p) => p.text)).toContain(
      'Tình hình thực hiện Thông báo kết luận số 46/TB-BCĐ',
    );
    expect(doc.tables[1]?.[1]?.[2]).toBe('Sở Khoa học và Công nghệ');
  });

  it("a draft urging letter from an overdue item's page", async () => {
    const { page } = b;
    const res = await stack
      .http()
      .get('/api/items?lead=STC&overdue=true')
      .set({ Authorization: `Bearer ${secretariat}` })
      .expect(200);
    const [late] = res.body as { id: string }[];
    // Nobody to urge on an item still within its deadline (issue 8 blind check).
    const all = await stack
      .http()
      .get('/api/items?limit=100')
      .set({ Authorization: `Bearer ${secretariat}` })
      .expect(200);
    const onTime = (all.body as { id: string; overdue: boolean; status: string }[]).find(
      (i) => !i.overdue && i.status === 'open',
    );
    await openAs(page, `/items/${onTime!.id}`, 'secretariat@dondoc.local');
    await page.getByRole('heading', { name: 'Lịch sử' }).waitFor();
    expect(await page.getByRole('button', { name: 'Soạn công văn đôn đốc (Word)' }).count()).toBe(
      0,
    );

    await page.goto(`/items/${late!.id}`);
    // The date to report by is the secretariat's to choose (issue 11 blind check).
    await page.getByRole('button', { name: 'Soạn công văn đôn đốc (Word)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Soạn công văn đôn đốc (Word)' });
    const reportBy = dialog.getByLabel('Báo cáo kết quả trước ngày');
    await reportBy.click();
    await reportBy.fill('15/03/2099');
    await page.keyboard.press('Enter');
    await capture(page, 'item-urging-letter-dialog');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Tải về' }).click(),
    ]);
    await dialog.waitFor({ state: 'hidden' });
    const file = {
      name: download.suggestedFilename(),
      bytes: await readFile(await download.path()),
    };
    expect(file.name).toBe(`cong-van-don-doc-nhiem-vu-${late!.id.slice(0, 8)}-${vnToday()}.docx`);
    const doc = await readDocx(file.bytes);
    const text = doc.paragraphs.map((p) => p.text);
    expect(text).toContain('Kính gửi: Giám đốc Sở Tài chính');
    expect(text.join('\n')).toContain('trước ngày 15/03/2099');
  });
});
