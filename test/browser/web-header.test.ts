import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startBrowserStack, type BrowserStack } from './support/app';
import { expectNoSeriousA11yViolations } from './support/axe';
import { useBrowser } from './support/browser';
import { openAs } from './support/login';
import { capture, SCREENS_DIR, WIDTHS } from './support/screens';
import { isFocused } from './support/controls';

/**
 * The header on a phone: the product and "Chức năng" (the drawer's title) on one line, the menu in a drawer that the
 * keyboard and a screen reader use (a named dialog, Escape, focus back on the button), the page
 * shown marked; on a desk the menu stays a row of links.
 */

let stack: BrowserStack;
beforeAll(async () => {
  stack = await startBrowserStack({ worker: false });
});
afterAll(async () => {
  await stack?.close();
});

/** The secretariat's menu: every entry. */
const ENTRIES = [
  'Nhiệm vụ',
  'Thông báo',
  'Nhập thông báo',
  'Báo cáo',
  'Tài khoản',
  'Cơ quan',
  'Thư tổng hợp',
  'Nhật ký',
];

/** The drawer's pop-in and pop-out are animated; axe and screenshots judge it settled. */
const settled = (page: Page) => page.waitForTimeout(400);

describe('the header', () => {
  const b = useBrowser({ baseURL: () => stack.baseUrl });

  it('on a phone: one short line, the menu in a drawer by keyboard, the page shown marked, navigation', async () => {
    const { page } = b;
    await page.setViewportSize({ width: WIDTHS.phone, height: 844 });
    await openAs(page, '/items', 'secretariat@dondoc.local');
    await page.getByRole('heading', { name: 'Nhiệm vụ', exact: true }).waitFor();
    const banner = page.getByRole('banner');
    const box = await banner.boundingBox();
    expect(box?.height).toBeLessThanOrEqual(64);
    // The row of links is not drawn (nor read) on a phone; the button is.
    expect(await banner.getByRole('link', { name: 'Báo cáo' }).count()).toBe(0);
    // Named as it reads, in Vietnamese, and as the drawer it opens is titled.
    const button = page.getByRole('button', { name: 'Chức năng', exact: true });
    expect((await button.innerText()).trim()).toBe('Chức năng');
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    await expectNoSeriousA11yViolations(page);
    await capture(page, 'header-phone');

    // By keyboard: the button opens a named dialog; focus goes into it.
    await button.focus();
    await page.keyboard.press('Enter');
    const menu = page.getByRole('dialog', { name: 'Chức năng' });
    await menu.waitFor();
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    const nav = menu.getByRole('navigation', { name: 'Chức năng' });
    expect(await nav.getByRole('link').allInnerTexts()).toEqual(ENTRIES);
    expect(await nav.getByRole('link', { name: 'Nhiệm vụ' }).getAttribute('aria-current')).toBe(
      'page',
    );
    expect(await nav.locator('[aria-current]').count()).toBe(1);
    await menu.getByRole('link', { name: 'Đổi mật khẩu' }).waitFor();
    await menu.getByRole('button', { name: 'Đăng xuất' }).waitFor();
    await settled(page);
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: join(SCREENS_DIR, 'header-phone-menu-390.png') });
    // Tab goes through its entries; Escape closes it and gives the focus back to the button.
    for (let i = 0; i < 4 && !(await isFocused(nav.getByRole('link').first())); i++) {
      await page.keyboard.press('Tab');
    }
    expect(await isFocused(nav.getByRole('link').first())).toBe(true);
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'hidden' });
    expect(await isFocused(button)).toBe(true);
    expect(await button.getAttribute('aria-expanded')).toBe('false');

    // An entry opens its page and closes the drawer; the menu then marks that page.
    await button.click();
    await menu.getByRole('link', { name: 'Báo cáo' }).click();
    await page.getByRole('heading', { name: /^Báo cáo ngày/ }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/bao-cao');
    await menu.waitFor({ state: 'hidden' });
    await button.click();
    expect(await nav.getByRole('link', { name: 'Báo cáo' }).getAttribute('aria-current')).toBe(
      'page',
    );
    expect(await nav.getByRole('link', { name: 'Nhiệm vụ' }).getAttribute('aria-current')).toBe(
      null,
    );
    await menu.getByRole('link', { name: 'Tài khoản' }).click();
    await page.getByRole('heading', { name: 'Tài khoản' }).waitFor();

    // "Đăng xuất" from the drawer.
    await button.click();
    await menu.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
  });

  it('on a desk: the menu is a row of links in the header, the page shown marked, no menu button', async () => {
    const { page } = b;
    await openAs(page, '/notices', 'secretariat@dondoc.local');
    const nav = page.getByRole('banner').getByRole('navigation', { name: 'Chức năng' });
    expect(await nav.getByRole('link').allInnerTexts()).toEqual(ENTRIES);
    expect(
      await nav.getByRole('link', { name: 'Thông báo', exact: true }).getAttribute('aria-current'),
    ).toBe('page');
    expect(await page.getByRole('button', { name: 'Chức năng', exact: true }).count()).toBe(0);
    const box = await page.getByRole('banner').boundingBox();
    expect(box?.height).toBeLessThanOrEqual(64);
    // No notice yet: the empty table's text is legible too.
    await page.getByText('Chưa có thông báo nào.').waitFor();
    await expectNoSeriousA11yViolations(page);

    // An agency's menu: its items and the notices they come from.
    const agency = await b.newPage();
    await openAs(agency, '/items', 'stc@dondoc.local');
    const its = agency.getByRole('banner').getByRole('navigation', { name: 'Chức năng' });
    expect(await its.getByRole('link').allInnerTexts()).toEqual(['Nhiệm vụ', 'Thông báo']);
  });
});
