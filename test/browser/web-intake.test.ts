import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { civilDateAt, formatVnDate, nextOccurrence } from '../../libs/domain/src';
import { startBrowserStack, type BrowserStack } from './support/app';
import { expectNoSeriousA11yViolations } from './support/axe';
import { useBrowser } from './support/browser';
import { capture } from './support/screens';
import { choose, popupsClosed } from './support/controls';
import { openAs } from './support/login';

/**
 * "Nhập thông báo" (issue 8, flow 1 and the preview's aids): the source text beside the items with
 * the chosen item's words highlighted, a recurrence edited in the preview, the warnings a
 * secretariat must see before confirming (a past date, a notice imported before).
 */

const fixture = (name: string): string =>
  readFileSync(join(__dirname, '../../libs/domain/src/notice/fixtures', name), 'utf8');
const seed = fixture('000_948b8539ce48aaaf.txt');
/** "Số: 25/TB-VP", meeting 15/01/2026: every dated deadline is past by now. */
const corpus = fixture('corpus-e1-e10.txt');
/** Issue 8's blind check: a directive to "UBND các huyện, thành phố", one to no known agency. */
const districts = fixture('extra-district-names.txt');

let stack: BrowserStack;
beforeAll(async () => {
  stack = await startBrowserStack();
}, 120_000);
afterAll(async () => {
  await stack?.close();
});

async function previewAs(page: Page, text: string): Promise<void> {
  await openAs(page, '/', 'secretariat@dondoc.local');
  await page.getByRole('link', { name: 'Nhập thông báo' }).click();
  await page.getByLabel('Nội dung thông báo kết luận').fill(text);
  // By keyboard: the text area grows after the paste and moves the button under the pointer.
  await page.getByRole('button', { name: 'Xem trước' }).press('Enter');
}

const item = (page: Page, code: string): Locator =>
  page.getByRole('group', { name: `Mục ${code}`, exact: true });
const source = (page: Page): Locator => page.getByRole('region', { name: 'Văn bản gốc' });

/** The highlighted words of the source pane, as a reader sees them. */
async function marks(page: Page, waitFor: string): Promise<string[]> {
  await source(page).locator('mark', { hasText: waitFor }).first().waitFor();
  return (await source(page).locator('mark').allTextContents()).map((t) =>
    t.normalize('NFC').replace(/\s+/g, ' ').trim(),
  );
}

async function secretariatToken(): Promise<string> {
  return stack.login('secretariat@dondoc.local');
}

describe('Nhập thông báo', () => {
  const b = useBrowser({ baseURL: () => stack.baseUrl });

  it('flow 1: previews the seed notice, assigns the four unassigned items, changes a deadline, confirms and lands on the notice with 11 items and their status', async () => {
    const { page } = b;
    await previewAs(page, seed);
    await page.getByRole('heading', { name: '11 nhiệm vụ' }).waitFor();
    for (const code of ['2.a', '2.b', '2.c', '2.d']) {
      await item(page, code).getByText('chưa xác định cơ quan chủ trì', { exact: false }).waitFor();
      await choose(page, item(page, code).getByLabel('Cơ quan chủ trì'), 'Sở Tài chính');
    }
    const due = item(page, '2.c').getByLabel('Ngày hạn', { exact: true });
    await due.click();
    await due.fill('15/01/2027');
    await page.keyboard.press('Enter');
    await popupsClosed(page);
    await page.getByRole('button', { name: 'Xác nhận và giao nhiệm vụ' }).press('Enter');

    await page.waitForURL(/\/notices\/[0-9a-f-]{36}$/);
    const table = page.getByRole('table', { name: 'Nhiệm vụ của thông báo' });
    await table.getByText('2.g.5', { exact: true }).waitFor();
    const rows = table.getByRole('row').filter({ has: page.getByRole('cell') });
    expect(await rows.count()).toBe(11);
    for (const code of ['2.a', '2.c', '2.g.1', '2.g.5']) {
      await rows.filter({ hasText: code }).first().waitFor();
    }
    // Every item started: each row shows a live status ("Đang thực hiện" or "Quá hạn").
    expect(await rows.filter({ hasText: /Đang thực hiện|Quá hạn/u }).count()).toBe(11);
    await capture(page, 'intake-confirmed');

    const noticeId = /\/notices\/([0-9a-f-]{36})$/u.exec(page.url())![1]!;
    const notice = (
      await stack
        .http()
        .get(`/api/notices/${noticeId}`)
        .set('authorization', `Bearer ${await secretariatToken()}`)
        .expect(200)
    ).body as { items: { code: string; lead: string; due: string | null }[] };
    expect(notice.items.find((i) => i.code === '2.c')).toMatchObject({
      lead: 'STC',
      due: '2027-01-15',
    });
  });

  it("highlights the chosen item's directive, deadline and agencies in the source text beside the items", async () => {
    const { page } = b;
    await previewAs(page, seed);
    await source(page).waitFor();
    // Nothing highlighted before an item is chosen.
    expect(await source(page).locator('mark').count()).toBe(0);

    // "- Chủ trì, phối hợp với Thuế tỉnh, UBND các xã, phường …" under "g) Sở Tài chính:".
    await item(page, '2.g.4').getByRole('button', { name: 'Xem trong văn bản' }).click();
    const g4 = await marks(page, 'trong tháng 01');
    expect(g4).toEqual(
      expect.arrayContaining([
        'trong tháng 01 năm 2026',
        'Thuế tỉnh',
        'UBND các xã, phường',
        'Sở Tài chính',
      ]),
    );
    expect(g4.join(' ')).toContain('xây dựng Kế hoạch tuyên truyền vận động');
    // The text scrolled to the item, near the end of the notice.
    const scrolled = await source(page).evaluate(
      (el) => (el as unknown as { scrollTop: number }).scrollTop,
    );
    expect(scrolled).toBeGreaterThan(0);

    // Focusing a field of another item shows that one instead.
    await item(page, '2.g.1').getByLabel('Nội dung').focus();
    const g1 = await marks(page, 'chậm nhất ngày 22/01/2026');
    expect(g1).toEqual(expect.arrayContaining(['chậm nhất ngày 22/01/2026', 'Sở Tài chính']));
    expect(g1).not.toContain('Thuế tỉnh');
    await page.getByText('Đang xem Mục 2.g.1 trong văn bản.').waitFor();

    await expectNoSeriousA11yViolations(page);
    await capture(page, 'intake-preview-highlight');
  });

  it('edits a row to a recurring deadline (yearly, day 15, March and September) and confirms it', async () => {
    const { page } = b;
    const text = [
      'THÔNG BÁO',
      'Kết luận của đồng chí Nguyễn Văn A về chế độ báo cáo dịch bệnh',
      'Lạng Sơn, ngày 20 tháng 11 năm 2026',
      'Ngày 20/11/2026, đồng chí Nguyễn Văn A chủ trì cuộc họp, kết luận như sau:',
      '1. Sở Y tế tổng hợp tình hình dịch bệnh trên địa bàn, báo cáo UBND tỉnh trong tháng 12/2026.',
    ].join('\n');
    await previewAs(page, text);
    const row = item(page, '1');
    await row.getByLabel('Ngày hạn', { exact: true }).waitFor();
    // The radio itself is hidden under its button's label.
    await row.getByText('Định kỳ', { exact: true }).click();
    expect(await row.getByRole('radio', { name: 'Định kỳ' }).isChecked()).toBe(true);
    await choose(page, row.getByLabel('Tần suất'), 'Hằng năm');
    await row.getByLabel('Ngày trong tháng').fill('15');
    const months = row.getByLabel('Các tháng');
    await choose(page, months, 'Tháng 3');
    await months.fill('Tháng 9');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    // Its list (unnamed while open) must be gone, after its closing animation, before axe runs.
    await row.getByRole('combobox', { name: 'Các tháng', expanded: false }).waitFor();
    // Said as the item page will say it.
    await row
      .getByText('Định kỳ: hằng năm, tháng 3 và tháng 9, ngày 15', { exact: true })
      .waitFor();
    // And when its first report is due, as the confirmation below sets it.
    const firstDue = nextOccurrence(
      { frequency: 'yearly', day: 15, months: [3, 9] },
      civilDateAt(Date.now()),
    );
    await row.getByText(`Kỳ đầu tiên: hạn ${formatVnDate(firstDue)}.`, { exact: false }).waitFor();
    await popupsClosed(page);
    await expectNoSeriousA11yViolations(page);
    await capture(page, 'intake-recurring');
    await page.getByRole('button', { name: 'Xác nhận và giao nhiệm vụ' }).press('Enter');

    await page.waitForURL(/\/notices\/[0-9a-f-]{36}$/);
    const noticeId = /\/notices\/([0-9a-f-]{36})$/u.exec(page.url())![1]!;
    const token = await secretariatToken();
    const notice = (
      await stack
        .http()
        .get(`/api/notices/${noticeId}`)
        .set('authorization', `Bearer ${token}`)
        .expect(200)
    ).body as { items: { id: string }[] };
    expect(notice.items).toHaveLength(1);
    const stored = (
      await stack
        .http()
        .get(`/api/items/${notice.items[0]!.id}`)
        .set('authorization', `Bearer ${token}`)
        .expect(200)
    ).body as { due: string; deadline: Record<string, unknown> };
    expect(stored.deadline).toMatchObject({
      kind: 'recurring',
      frequency: 'yearly',
      day: 15,
      months: [3, 9],
    });
    expect(stored.due).toBe(
      nextOccurrence({ frequency: 'yearly', day: 15, months: [3, 9] }, civilDateAt(Date.now())),
    );
  });

  it('lets the clerk correct the summary and the number the parser read before confirming', async () => {
    const { page } = b;
    const text = [
      'THÔNG BÁO',
      'Kết luận của đồng chí Trần Văn B tại buổi làm việc với Sở Xây dựng',
      // A lead-in over two lines: only its last ends in a colon, its first runs into the summary.
      'Đồng chí Trần Văn B đã nghe lãnh đạo Sở Xây dựng báo cáo tình hình các dự án,',
      'sau khi thảo luận, đồng chí kết luận như sau:',
      '1. Sở Xây dựng rà soát các dự án chậm tiến độ, báo cáo UBND tỉnh trong tháng 12/2026.',
    ].join('\n');
    await previewAs(page, text);
    const summary = page.getByLabel('Trích yếu', { exact: true });
    // The lead-in sentence ran into the summary: the clerk cuts it and adds the number.
    expect(await summary.inputValue()).toContain('đã nghe lãnh đạo Sở Xây dựng báo cáo');
    const title = 'Kết luận của đồng chí Trần Văn B tại buổi làm việc với Sở Xây dựng';
    await summary.fill(title);
    await page.getByLabel('Số thông báo', { exact: true }).fill('77/TB-UBND');
    await popupsClosed(page);
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('button', { name: 'Xác nhận và giao nhiệm vụ' }).press('Enter');
    await page.waitForURL(/\/notices\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'Thông báo số 77/TB-UBND', level: 1 }).waitFor();
    const noticeId = /\/notices\/([0-9a-f-]{36})$/u.exec(page.url())![1]!;
    const stored = (
      await stack
        .http()
        .get(`/api/notices/${noticeId}`)
        .set('authorization', `Bearer ${await secretariatToken()}`)
        .expect(200)
    ).body as { number: string | null; title: string | null };
    expect(stored).toMatchObject({ number: '77/TB-UBND', title });
  });

  it('keeps every numbered directive and says on its row how an old or unknown agency was read', async () => {
    const { page } = b;
    await previewAs(page, districts);
    await page.getByRole('heading', { name: '9 nhiệm vụ' }).waitFor();
    const three = item(page, '3');
    await three
      .getByText(
        'Mục 3: “UBND các huyện, thành phố” được hiểu là “UBND các xã, phường”; cần kiểm tra lại.',
        { exact: true },
      )
      .waitFor();
    await three.getByText('Định kỳ: hằng tháng, ngày 24', { exact: true }).waitFor();
    await item(page, '1')
      .getByText('Mục 1: “UBND các huyện” được hiểu là “UBND các xã, phường”; cần kiểm tra lại.', {
        exact: true,
      })
      .waitFor();
    await item(page, '7')
      .getByText('Mục 7: chưa xác định cơ quan chủ trì; cần giao trước khi xác nhận.', {
        exact: true,
      })
      .waitFor();
  });

  it('warns before confirming: a notice imported before (with a link to it) and deadlines already past', async () => {
    const { page } = b;
    const token = await secretariatToken();
    const parsed = (
      await stack
        .http()
        .post('/api/notices/preview')
        .set('authorization', `Bearer ${token}`)
        .send({ text: corpus })
        .expect(200)
    ).body as { items: unknown[] };
    const first = (
      await stack
        .http()
        .post('/api/notices')
        .set('authorization', `Bearer ${token}`)
        .send({ text: corpus, items: parsed.items })
        .expect(201)
    ).body as { id: string; createdAt: string };
    const [y, m, d] = first.createdAt.slice(0, 10).split('-');

    await previewAs(page, corpus);
    await page.getByText(`Thông báo số 25/TB-VP đã được nhập ngày ${d}/${m}/${y}.`).waitFor();
    await page
      .getByText('Xác nhận lại sẽ không giao thêm nhiệm vụ nào.', { exact: false })
      .waitFor();
    await item(page, '2.a')
      .getByText(
        'Mục 2.a: hạn 30/01/2026 đã qua; nhiệm vụ sẽ quá hạn ngay khi giao. Thư báo quá hạn gửi ngay theo mức đã đến: quá 1–2 ngày làm việc, đến lãnh đạo cơ quan và Văn phòng; quá từ 3 ngày làm việc, đến Trưởng Ban Chỉ đạo.',
        { exact: true },
      )
      .waitFor();
    await page.getByText('nhiệm vụ có hạn đã qua', { exact: false }).waitFor();
    // A date in the future has no such warning.
    await item(page, '2.h').getByText('Theo văn bản: “trong năm 2026”').waitFor();
    expect(await item(page, '2.h').getByText('đã qua', { exact: false }).count()).toBe(0);

    // The alias as the notice wrote it ("Sở Công thương"), not the directory's name.
    await item(page, '2.i').getByRole('button', { name: 'Xem trong văn bản' }).click();
    expect(await marks(page, 'trong tháng 3/2026')).toEqual(
      expect.arrayContaining(['Sở Công thương', 'trong tháng 3/2026']),
    );
    await expectNoSeriousA11yViolations(page);
    await capture(page, 'intake-preview-warnings');

    await page.getByRole('link', { name: 'Xem thông báo đã nhập' }).click();
    await page.waitForURL(new RegExp(`/notices/${first.id}$`, 'u'));
    await page.getByRole('heading', { name: 'Thông báo số 25/TB-VP' }).waitFor();
  });
});
