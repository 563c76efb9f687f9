import type { Page } from 'playwright-core';
import { createItem, startBrowserStack, type BrowserStack } from './support/app';
import { useBrowser } from './support/browser';
import { previewNotice } from './support/intake';
import { openAs } from './support/login';
import { capture } from './support/screens';

/**
 * Issue 8 blind check 3, a screen reader user: the component library's icons were read as images
 * named in English ("down", "calendar", "close-circle", "info-circle"), and buttons holding only
 * an icon took its name ("search", "left", "right"). Icons are decoration here; every control
 * says what it does in Vietnamese.
 */

const TEXT = 'Rà soát danh mục dự án đầu tư công trung hạn';
let stack: BrowserStack;
let id: string;
beforeAll(async () => {
  stack = await startBrowserStack();
  // More than one page of items, so the pager shows.
  for (let i = 1; i <= 21; i++) {
    id = await createItem(stack, { text: `${TEXT} (${i})`, lead: 'STC', due: '2027-01-29' });
  }
}, 180_000);
afterAll(async () => {
  await stack?.close();
});

/**
 * What a screen reader meets that is named by an icon: an image outside any control (a button's
 * content is not read apart from it), and a control without text or a name of its own, which
 * takes its icon's.
 */
const ICON_NAMED = `(() => {
  const hidden = (el) => el.closest('[aria-hidden="true"]') !== null;
  const controls = 'button, a, [role="button"], [role="link"], [role="tab"], [role="option"], [role="menuitem"], [role="switch"]';
  const images = [...document.querySelectorAll('[role="img"]')]
    .filter((el) => !hidden(el) && !el.parentElement?.closest(controls))
    .map((el) => 'image ' + (el.getAttribute('aria-label') ?? '(no name)'));
  const bare = [...document.querySelectorAll(controls)]
    .filter((el) => !hidden(el) && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby')
      && !el.getAttribute('title') && !(el.textContent ?? '').trim())
    .map((el) => {
      const icon = el.querySelector('[role="img"]');
      return 'control named by its icon ' + (icon?.getAttribute('aria-label') ?? '(no name)');
    });
  return [...images, ...bare];
})()`;

/** The icon-named things of the page, as "image down" / "control named by its icon left". */
const iconNamed = (page: Page): Promise<string[]> => page.evaluate<string[]>(ICON_NAMED);

/** A name as the icon set writes it: lowercase English words joined by hyphens ("close-circle"). */
const ICON_NAME = /(image|icon) [a-z]+(-[a-z]+)*$/;

/** Nothing on the page is read by an icon's English name. */
const expectNoIconNames = async (page: Page): Promise<void> => {
  expect((await iconNamed(page)).filter((n) => ICON_NAME.test(n))).toEqual([]);
};

describe('icons are decoration, read by no one', () => {
  const b = useBrowser({ baseURL: () => stack.baseUrl });

  it('on the item list: filters, date pickers, the search button and the pager', async () => {
    const { page } = b;
    await openAs(page, '/items', 'secretariat@dondoc.local');
    await page.getByRole('button', { name: 'Tìm kiếm' }).waitFor();
    await page.getByRole('button', { name: 'Trang sau' }).waitFor();
    await page.getByRole('button', { name: 'Trang trước' }).waitFor();
    await expectNoIconNames(page);
    await capture(page, 'items-quiet-icons');
  });

  it('on the intake preview: alerts, selects and dates of each row', async () => {
    const { page } = b;
    await previewNotice(page, [
      'BAN CHỈ ĐẠO',
      'Số: 12/TB-BCĐ',
      'THÔNG BÁO',
      '1. Sở Tài chính chủ trì, phối hợp Sở Xây dựng rà soát các dự án, hoàn thành trước ngày 20/12/2027.',
      '2. Văn phòng Ban Chỉ đạo tổng hợp, báo cáo trong tháng 01 năm 2027.',
    ]);
    await page.getByRole('heading', { name: '2 nhiệm vụ' }).waitFor();
    await expectNoIconNames(page);
  });

  it('on the accounts and audit pages: their searches and the audit pager', async () => {
    const { page } = b;
    await openAs(page, '/tai-khoan', 'secretariat@dondoc.local');
    await page.getByLabel('Tìm theo tên hoặc thư điện tử').fill('tai chinh');
    await page.getByRole('button', { name: 'Xóa nội dung' }).waitFor();
    await expectNoIconNames(page);
    await page.goto('/nhat-ky');
    await page.getByLabel('Người thực hiện').waitFor();
    await expectNoIconNames(page);
  });

  it("on an item page with the agency's extension dialog open", async () => {
    const { page } = b;
    await openAs(page, `/items/${id}`, 'stc@dondoc.local');
    await page.getByRole('button', { name: 'Đề nghị gia hạn' }).click();
    await page.getByRole('dialog', { name: 'Đề nghị gia hạn' }).waitFor();
    await expectNoIconNames(page);
  });
});
