import type { Page } from 'playwright-core';
import { createItem, startBrowserStack, type BrowserStack } from './support/app';
import { useBrowser } from './support/browser';
import { eventually } from '../support/waits';
import { isFocused } from './support/controls';
import { previewNotice } from './support/intake';
import { openAs } from './support/login';

/**
 * The third blind user check (issue 8): controls the component library names in English whatever
 * its locale ("Clear" on a select, "Increase Value" / "Decrease Value" on a number field) and the
 * calendar's header "Th 01  2027" are named, or read, in Vietnamese; the committee head starts at
 * the report, not the item list; the intake preview gives the notice's date of issue and names
 * the rows that keep it from being confirmed.
 */

const TEXT = 'Rà soát danh mục dự án đầu tư công trung hạn';
let stack: BrowserStack;
let id: string;
beforeAll(async () => {
  stack = await startBrowserStack();
  id = await createItem(stack, { text: TEXT, lead: 'STC', due: '2027-01-29' });
}, 120_000);
afterAll(async () => {
  await stack?.close();
});

/** The accessible names still in English on the page. */
const englishNames = (page: Page): Promise<string[]> =>
  page
    .locator(
      '[aria-label="Clear"], [aria-label="Increase Value"], [aria-label="Decrease Value"], [aria-label="Close"]',
    )
    .evaluateAll((els: readonly { getAttribute(name: string): string | null }[]) =>
      els.map((e) => e.getAttribute('aria-label') ?? ''),
    );

describe('controls named in Vietnamese', () => {
  const b = useBrowser({ baseURL: () => stack.baseUrl });

  it('the committee head starts at the report', async () => {
    const { page } = b;
    await openAs(page, '/', 'head@dondoc.local');
    await page.getByRole('heading', { name: /^Báo cáo ngày \d\d\/\d\d\/\d{4}$/ }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/bao-cao');
  });

  it('the preview gives the date of issue and names the rows still missing something', async () => {
    const { page } = b;
    await previewNotice(page, [
      'BAN CHỈ ĐẠO',
      'Số: 11/TB-BCĐ',
      'Lạng Sơn, ngày 25 tháng 11 năm 2026',
      'THÔNG BÁO',
      '1. Văn phòng Ban Chỉ đạo tổng hợp báo cáo, hoàn thành chậm nhất ngày 30/12/2099.',
      '2. Sở Y tế rà soát các cơ sở y tế, hoàn thành chậm nhất ngày 30/12/2099.',
    ]);
    await page.getByRole('heading', { name: '2 nhiệm vụ' }).waitFor();
    const facts = page.getByRole('row', { name: /Ngày ban hành/ });
    expect(await facts.innerText()).toContain('25/11/2026');
    await page
      .getByText(
        'Còn 1 nhiệm vụ chưa có nội dung, cơ quan chủ trì hoặc ngày hạn: Mục 1 (thiếu cơ quan chủ trì).',
        { exact: true },
      )
      .waitFor();
  });

  it("a filter's clear button", async () => {
    const { page } = b;
    await openAs(page, '/items?status=open', 'secretariat@dondoc.local');
    await page.getByRole('link', { name: TEXT }).waitFor();
    const filters = page.getByRole('search', { name: 'Lọc nhiệm vụ' });
    await filters
      .getByRole('button', { name: 'Xóa lựa chọn' })
      .first()
      .waitFor({ state: 'attached' });
    expect(await englishNames(page)).toEqual([]);
  });

  it('the progress percent and the calendar of the extension form', async () => {
    const { page } = b;
    await openAs(page, `/items/${id}`, 'stc@dondoc.local');
    await page.getByRole('heading', { name: TEXT }).waitFor();
    await page.getByRole('button', { name: 'Báo cáo tiến độ' }).click();
    const progress = page.getByRole('dialog', { name: 'Báo cáo tiến độ' });
    await progress.getByLabel('Phần trăm hoàn thành').waitFor();
    expect(await englishNames(page)).toEqual([]);
    await progress
      .getByRole('button', { name: /Hủy|Đóng/ })
      .first()
      .click();
    await progress.waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: 'Đề nghị gia hạn' }).click();
    const dialog = page.getByRole('dialog', { name: 'Đề nghị gia hạn' });
    // A required field is named without its star ("* Hạn đề nghị" before); one main landmark.
    await dialog.getByRole('textbox', { name: 'Hạn đề nghị', exact: true }).click();
    expect(await page.getByRole('main').count()).toBe(1);
    // The calendar opens on the first day it allows, in January 2027 or later.
    const month = page.getByRole('button', { name: 'Chọn tháng' }).first();
    await month.waitFor();
    expect(await month.innerText()).toMatch(/^Tháng \d{1,2}$/);
    expect(await englishNames(page)).toEqual([]);
  });
});

describe('blind check 4: the keyboard and an item without a deadline', () => {
  const b = useBrowser({ baseURL: () => stack.baseUrl });

  it('the first Tab offers to skip the menu; Enter lands in the page', async () => {
    const { page } = b;
    await openAs(page, '/items', 'secretariat@dondoc.local');
    await page.getByRole('heading', { name: 'Nhiệm vụ', level: 1 }).waitFor();
    await page.locator('body').focus();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Chuyển đến nội dung chính' });
    expect(await isFocused(skip)).toBe(true);
    await page.keyboard.press('Enter');
    await eventually(
      'the focus in the page',
      async () => expect(await isFocused(page.locator('#noi-dung'))).toBe(true),
      5_000,
      100,
    );
  });

  it('says "Không có hạn", not a dash', async () => {
    const { page } = b;
    // Only a notice's item may have no deadline (POST /api/items needs one).
    const secretariat = await stack.login('secretariat@dondoc.local');
    const confirmed = await stack
      .http()
      .post('/api/notices')
      .set('authorization', `Bearer ${secretariat}`)
      .send({
        parsed: { notice: { title: 'Kết luận về nhà ở xã hội', number: '3/TB-BCĐ' } },
        items: [{ code: '1', text: 'Theo dõi tiến độ các dự án nhà ở xã hội.', lead: 'SXD' }],
      })
      .expect(201);
    const none = (confirmed.body as { items: { id: string }[] }).items[0]!.id;
    await openAs(page, `/items/${none}`, 'secretariat@dondoc.local');
    await page.getByText('Không có hạn', { exact: true }).waitFor();
  });
});
