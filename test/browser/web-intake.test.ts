import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startBrowserStack, type BrowserStack } from './support/app';
import { expectNoSeriousA11yViolations } from './support/axe';
import { useBrowser } from './support/browser';
import { capture } from './support/screens';
import { SEED_PASSWORD } from '../support/stack';

/** Issue 8, flow 1: the secretariat pastes the seed notice, corrects it, confirms 11 items. */

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

describe('Nhập thông báo', () => {
  const b = useBrowser({ baseURL: () => stack.baseUrl });

  it('previews the seed notice, assigns the four unassigned items, changes a deadline, confirms 11 items', async () => {
    const { page } = b;
    await page.goto('/');
    await page.getByLabel('Thư điện tử').fill('secretariat@dondoc.local');
    await page.getByLabel('Mật khẩu').fill(SEED_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('link', { name: 'Nhập thông báo' }).click();
    await page.getByLabel('Nội dung thông báo kết luận').fill(seed);
    // By keyboard: the text area grows after the paste and moves the button under the pointer.
    await page.getByRole('button', { name: 'Xem trước' }).press('Enter');
    await page.getByRole('heading', { name: '11 nhiệm vụ' }).waitFor();
    const card = (code: string) =>
      page.locator('.ant-card').filter({ has: page.getByRole('heading', { name: `Mục ${code}` }) });
    for (const code of ['2.a', '2.b', '2.c', '2.d']) {
      await card(code).getByText('chưa xác định cơ quan chủ trì', { exact: false }).waitFor();
      const lead = card(code).getByLabel('Cơ quan chủ trì');
      await lead.click();
      await lead.fill('Sở Tài chính');
      await page.keyboard.press('Enter');
    }
    const due = card('2.c').getByLabel('Hạn');
    await due.click();
    await due.fill('30/11/2026');
    await page.keyboard.press('Enter');
    // The picker's pop-up closes after its animation; axe judges the page without it.
    await page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)').waitFor({
      state: 'detached',
    });
    await expectNoSeriousA11yViolations(page);
    await capture(page, 'intake-preview');
    await page.getByRole('button', { name: 'Xác nhận và giao nhiệm vụ' }).press('Enter');
    await page.waitForURL(/\/items\?noticeId=/);
    const table = page.getByRole('table', { name: 'Tất cả nhiệm vụ' });
    await table.getByText('30/11/2026').waitFor();
    expect(await table.locator('tbody tr').count()).toBe(11);
    await capture(page, 'intake-confirmed');
  });
});
