import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { startBrowserStack, type BrowserStack } from './support/app';
import { expectNoSeriousA11yViolations } from './support/axe';
import { useBrowser } from './support/browser';
import { capture } from './support/screens';
import { choose, isFocused, popupsClosed, typeDate } from './support/controls';
import { logIn, openAs } from './support/login';

/**
 * "Nhập thông báo" after a blind review: the parser's warnings go once the secretariat's edit
 * resolves them, agencies are found without diacritics and by code or alias, an empty preview
 * says why, a cleared text clears the preview, and an agency sees the no-access page. The review
 * survives a session that ends in the middle of it (a draft in the tab), and an item added by hand
 * is numbered there, its number field taking the focus.
 */

const seed = readFileSync(
  join(__dirname, '../../libs/domain/src/notice/fixtures/000_948b8539ce48aaaf.txt'),
  'utf8',
);

let stack: BrowserStack;
beforeAll(async () => {
  stack = await startBrowserStack();
}, 120_000);
afterAll(async () => {
  await stack?.close();
});

async function preview(page: Page, text: string): Promise<void> {
  await page.getByLabel('Nội dung thông báo kết luận').fill(text);
  await page.getByRole('button', { name: 'Xem trước' }).press('Enter');
}

const item = (page: Page, code: string): Locator =>
  page.getByRole('group', { name: `Mục ${code}`, exact: true });

/** Types into an agency select, picks the only option it then offers, and closes the list. */
async function pick(page: Page, select: Locator, typed: string, name: string): Promise<void> {
  await choose(page, select, typed, name);
  await page.keyboard.press('Escape');
}

describe('reviewing the preview', () => {
  const b = useBrowser({ baseURL: () => stack.baseUrl });

  it('drops the warnings an edit resolves and finds agencies by words without marks, codes and aliases', async () => {
    const { page } = b;
    await openAs(page, '/', 'secretariat@dondoc.local');
    await page.getByRole('link', { name: 'Nhập thông báo' }).click();
    await preview(page, seed);
    await page.getByRole('heading', { name: '11 nhiệm vụ' }).waitFor();

    const leads: [string, string, string][] = [
      ['2.a', 'tai chinh', 'Sở Tài chính'],
      ['2.b', 'KH&ĐT', 'Sở Tài chính'],
      ['2.c', 'STC', 'Sở Tài chính'],
      ['2.d', 'TN&MT', 'Sở Nông nghiệp và Môi trường'],
    ];
    for (const [code, typed, name] of leads) {
      const missing = item(page, code).getByText(
        `Mục ${code}: chưa xác định cơ quan chủ trì; cần giao trước khi xác nhận.`,
      );
      await missing.waitFor();
      await pick(page, item(page, code).getByLabel('Cơ quan chủ trì'), typed, name);
      await missing.waitFor({ state: 'detached' });
      await item(page, code).getByTitle(name, { exact: true }).first().waitFor();
    }
    await pick(page, item(page, '2.a').getByLabel('Cơ quan phối hợp'), 'Xay dung', 'Sở Xây dựng');
    await item(page, '2.a').getByTitle('Sở Xây dựng', { exact: true }).first().waitFor();

    // A date read from "trong tháng 02 năm 2026": its notes go when the date is changed.
    const d = item(page, '2.đ');
    const vague = d.getByText(
      'Mục 2.đ: “trong tháng 02 năm 2026” là mục tiêu phấn đấu; cần xác nhận hạn.',
    );
    await vague.waitFor();
    await d.getByText('rơi vào ngày nghỉ', { exact: false }).waitFor();
    const due = d.getByLabel('Ngày hạn', { exact: true });
    await due.click();
    await due.fill('16/03/2027');
    await page.keyboard.press('Enter');
    await vague.waitFor({ state: 'detached' });
    expect(await d.getByText('rơi vào ngày nghỉ', { exact: false }).count()).toBe(0);

    // "Không nêu hạn" describes no deadline: not a recurrence chosen instead, nor a new row.
    const a = item(page, '2.a');
    await a.getByText('Không nêu hạn', { exact: true }).waitFor();
    await a.getByText('Định kỳ', { exact: true }).click();
    await a.getByLabel('Tần suất').waitFor();
    expect(await a.getByText('Không nêu hạn', { exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Thêm nhiệm vụ' }).click();
    const added = page.getByRole('group', { name: 'Nhiệm vụ mới' });
    await added.getByLabel('Ngày hạn', { exact: true }).waitFor();
    expect(await added.getByText('Không nêu hạn', { exact: true }).count()).toBe(0);
    expect(await added.getByRole('alert').count()).toBe(0);

    await expectNoSeriousA11yViolations(page);
    await capture(page, 'intake-review-edited');
  });

  it('says why a preview is empty, marks a changed text and clears the preview with the text', async () => {
    const { page } = b;
    await openAs(page, '/', 'secretariat@dondoc.local');
    await page.getByRole('link', { name: 'Nhập thông báo' }).click();
    await preview(page, 'Kính gửi các cơ quan, đơn vị.');
    await page.getByRole('heading', { name: '0 nhiệm vụ' }).waitFor();
    await page
      .getByText(
        'Không tìm thấy nhiệm vụ nào trong văn bản; hãy kiểm tra văn bản dán vào hoặc thêm nhiệm vụ bằng tay.',
      )
      .waitFor();
    await expectNoSeriousA11yViolations(page);
    await capture(page, 'intake-review-empty');

    await preview(page, seed);
    await page.getByRole('heading', { name: '11 nhiệm vụ' }).waitFor();
    const box = page.getByLabel('Nội dung thông báo kết luận');
    await box.press('End');
    await box.pressSequentially(' x');
    await page.getByText('Văn bản đã sửa sau lần xem trước', { exact: false }).waitFor();
    await box.fill('');
    await page.getByRole('heading', { name: '11 nhiệm vụ' }).waitFor({ state: 'detached' });
    expect(await page.getByRole('region', { name: 'Văn bản gốc' }).count()).toBe(0);
  });
});

describe('a review the session ends in the middle of', () => {
  const b = useBrowser({ baseURL: () => stack.baseUrl });
  const EDITED = 'Rà soát, hoàn thiện hồ sơ đề án (nội dung đã sửa khi xem trước).';
  const ADDED = 'Tổng hợp kết quả thực hiện các nhiệm vụ, báo cáo Ban Chỉ đạo.';
  const RESTORED = 'Đã khôi phục bản nháp chưa xác nhận';

  it('comes back with the text and every edit once logged in again; confirming clears it', async () => {
    const { page } = b;
    await openAs(page, '/', 'secretariat@dondoc.local');
    await page.getByRole('link', { name: 'Nhập thông báo' }).click();
    await preview(page, seed);
    await page.getByRole('heading', { name: '11 nhiệm vụ' }).waitFor();
    for (const code of ['2.a', '2.b', '2.c', '2.d']) {
      await pick(page, item(page, code).getByLabel('Cơ quan chủ trì'), 'STC', 'Sở Tài chính');
    }
    await item(page, '2.a').getByLabel('Nội dung').fill(EDITED);

    // "Thêm nhiệm vụ" by keyboard: the new row's first field, its number, has the focus.
    await page.getByRole('button', { name: 'Thêm nhiệm vụ' }).press('Enter');
    const number = page.getByRole('group', { name: 'Nhiệm vụ mới' }).getByLabel('Số mục');
    await number.waitFor();
    expect(await isFocused(number)).toBe(true);
    await page.keyboard.type('2.l');
    const added = item(page, '2.l');
    await added.getByLabel('Nội dung').fill(ADDED);
    await pick(page, added.getByLabel('Cơ quan chủ trì'), 'SXD', 'Sở Xây dựng');
    await typeDate(page, added.getByLabel('Ngày hạn', { exact: true }), '30/06/2027');
    await popupsClosed(page);
    await page.getByRole('heading', { name: '12 nhiệm vụ' }).waitFor();
    expect(await page.getByText('nhiệm vụ chưa có nội dung', { exact: false }).count()).toBe(0);

    // The session ends elsewhere (every session of the account); the confirmation is refused.
    const ended = await page.evaluate(async () => {
      const { localStorage, fetch } = globalThis as unknown as {
        localStorage: { getItem(k: string): string | null };
        fetch: (url: string, init: object) => Promise<{ status: number }>;
      };
      const token = localStorage.getItem('dondoc.session') ?? '';
      const res = await fetch('/api/auth/logout-all', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
      });
      return res.status;
    });
    expect(ended).toBeLessThan(300);
    await page.getByRole('button', { name: 'Xác nhận và giao nhiệm vụ' }).click();
    await page.getByText('Phiên làm việc đã được kết thúc từ nơi khác', { exact: false }).waitFor();

    // Logged in again: back on the intake, the text and the edits as they were.
    await logIn(page, 'secretariat@dondoc.local');
    await page.getByText(RESTORED, { exact: false }).waitFor();
    await page.getByRole('heading', { name: '12 nhiệm vụ' }).waitFor();
    expect(await page.getByLabel('Nội dung thông báo kết luận').inputValue()).toBe(seed);
    expect(await item(page, '2.a').getByLabel('Nội dung').inputValue()).toBe(EDITED);
    for (const code of ['2.a', '2.b', '2.c', '2.d']) {
      await item(page, code).getByTitle('Sở Tài chính', { exact: true }).first().waitFor();
    }
    expect(await item(page, '2.l').getByLabel('Nội dung').inputValue()).toBe(ADDED);
    expect(await item(page, '2.l').getByLabel('Số mục').inputValue()).toBe('2.l');
    await item(page, '2.l').getByTitle('Sở Xây dựng', { exact: true }).first().waitFor();
    await expectNoSeriousA11yViolations(page);
    await capture(page, 'intake-draft-restored');

    await page.getByRole('button', { name: 'Xác nhận và giao nhiệm vụ' }).click();
    await page.getByText('Đã giao 12 nhiệm vụ.').waitFor();
    await page.getByRole('link', { name: 'Nhập thông báo' }).click();
    await page.getByLabel('Nội dung thông báo kết luận').waitFor();
    expect(await page.getByLabel('Nội dung thông báo kết luận').inputValue()).toBe('');
    expect(await page.getByText(RESTORED, { exact: false }).count()).toBe(0);
  });

  it('"Bỏ bản nháp" starts afresh', async () => {
    const { page } = b;
    await openAs(page, '/nhap-thong-bao', 'secretariat@dondoc.local');
    await preview(page, seed);
    await page.getByRole('heading', { name: '11 nhiệm vụ' }).waitFor();
    await page.reload();
    await page.getByText(RESTORED, { exact: false }).waitFor();
    await page.getByRole('heading', { name: '11 nhiệm vụ' }).waitFor();
    await page.getByRole('button', { name: 'Bỏ bản nháp' }).click();
    await page.getByRole('heading', { name: '11 nhiệm vụ' }).waitFor({ state: 'detached' });
    expect(await page.getByLabel('Nội dung thông báo kết luận').inputValue()).toBe('');
    await page.reload();
    await page.getByLabel('Nội dung thông báo kết luận').waitFor();
    expect(await page.getByLabel('Nội dung thông báo kết luận').inputValue()).toBe('');
    expect(await page.getByText(RESTORED, { exact: false }).count()).toBe(0);
  });
});

describe('an agency', () => {
  const b = useBrowser({ baseURL: () => stack.baseUrl });

  it('sees the no-access page on the intake and the reports', async () => {
    const { page } = b;
    await openAs(page, '/', 'stc@dondoc.local');
    await page.goto('/nhap-thong-bao');
    await page.getByText('Không có quyền truy cập').waitFor();
    await page.getByText('Trang này dành cho Văn phòng.').waitFor();
    expect(await page.getByLabel('Nội dung thông báo kết luận').count()).toBe(0);
    await expectNoSeriousA11yViolations(page);
    await capture(page, 'intake-no-access');

    await page.goto('/bao-cao');
    await page.getByText('Không có quyền truy cập').waitFor();
    expect(await page.getByRole('button', { name: 'In báo cáo' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Về danh sách nhiệm vụ' }).waitFor();
  });
});
