/**
 * What a tester who had not read the code missed in the administration pages (blind check 3):
 * the accounts search without diacritics, the e-mail fields' messages (Vietnamese, never the
 * browser's English bubble), Escape in the aliases field of "Thêm cơ quan".
 */
import type { Locator, Page } from 'playwright-core';
import { startBrowserStack, type BrowserStack } from './support/app';
import { useBrowser } from './support/browser';
import { choose, fieldLabelled, popupsClosed } from './support/controls';
import { openAs } from './support/login';

let stack: BrowserStack;
beforeAll(async () => (stack = await startBrowserStack({ worker: false })), 120_000);
afterAll(() => stack?.close());

/** The table row naming `text`. */
const row = (page: Page, text: string) => page.getByRole('row').filter({ hasText: text });

/** Whether the browser itself would refuse the form (and pop its own, English, bubble). */
const browserRefuses = (field: Locator): Promise<boolean> =>
  field.evaluate(
    (el) => !(el as unknown as { form: { checkValidity(): boolean } }).form.checkValidity(),
  );

describe('administration, blind check 3', () => {
  const b = useBrowser({ baseURL: () => stack.baseUrl });

  it('"Tạo tài khoản" says in Vietnamese what is wrong with an address; the account is then found without diacritics', async () => {
    const { page } = b;
    await openAs(page, '/tai-khoan', 'secretariat@dondoc.local');
    await row(page, 'head@dondoc.local').waitFor();
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tạo tài khoản' });
    await dialog.getByLabel('Họ tên').fill('Nguyễn Thị Hoa');
    const email = dialog.getByLabel('Thư điện tử');
    await choose(page, dialog.getByLabel('Vai trò'), 'Cơ quan');
    await popupsClosed(page);
    await choose(page, fieldLabelled(dialog, 'Cơ quan'), 'STC', 'Sở Tài chính (STC)');
    await popupsClosed(page);

    await dialog.getByRole('button', { name: 'Gửi' }).click();
    await dialog.getByText('Nhập địa chỉ thư điện tử.', { exact: true }).waitFor();

    await email.fill('hoa.syt');
    await dialog.getByRole('button', { name: 'Gửi' }).click();
    await dialog.getByText('Địa chỉ thư điện tử không hợp lệ.', { exact: true }).waitFor();
    await dialog.getByText('Nhập địa chỉ thư điện tử.').waitFor({ state: 'detached' });
    expect(await browserRefuses(email)).toBe(false);

    await email.fill('hoa.syt@syt.tinh.gov.vn');
    await dialog.getByRole('button', { name: 'Gửi' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const search = page.getByLabel('Tìm theo tên hoặc thư điện tử');
    await search.fill('nguyen thi hoa');
    await search.press('Enter');
    await row(page, 'hoa.syt@syt.tinh.gov.vn').waitFor();
    await row(page, 'head@dondoc.local').waitFor({ state: 'detached' });
  }, 180_000);

  it('login and "Quên mật khẩu" say in Vietnamese that an address is malformed, with no browser bubble', async () => {
    const { page } = b;
    await page.goto('/dang-nhap');
    const email = page.getByLabel('Thư điện tử');
    await email.fill('hoa.syt');
    await page.getByLabel('Mật khẩu').fill('bất kỳ');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByText('Địa chỉ thư điện tử không hợp lệ.', { exact: true }).waitFor();
    expect(await browserRefuses(email)).toBe(false);

    await page.getByRole('link', { name: 'Quên mật khẩu?' }).click();
    const forgot = page.getByLabel('Thư điện tử');
    await forgot.fill('hoa.syt');
    await forgot.press('Enter');
    await page.getByText('Địa chỉ thư điện tử không hợp lệ.', { exact: true }).waitFor();
    expect(await browserRefuses(forgot)).toBe(false);
    await forgot.fill('');
    await page.getByText('Nhập địa chỉ thư điện tử.', { exact: true }).waitFor();
  }, 120_000);

  it('Escape in "Tên gọi khác" of "Thêm cơ quan" keeps the dialog and what was typed', async () => {
    const { page } = b;
    await openAs(page, '/co-quan', 'secretariat@dondoc.local');
    await page.getByRole('button', { name: 'Thêm cơ quan' }).click();
    const add = page.getByRole('dialog', { name: 'Thêm cơ quan' });
    await add.getByLabel('Mã cơ quan').fill('SYT2');
    await add.getByLabel('Tên cơ quan').fill('Sở Y tế thử');
    const aliases = add.getByLabel('Tên gọi khác');
    await aliases.fill('Sở YT');
    await aliases.press('Escape');
    await aliases.press('Escape');
    // Still there, with every field typed.
    await add.getByRole('button', { name: 'Gửi' }).click();
    await add.getByText('Nhập thư điện tử liên hệ.', { exact: true }).waitFor();
    expect(await add.getByLabel('Mã cơ quan').inputValue()).toBe('SYT2');
    expect(await add.getByLabel('Tên cơ quan').inputValue()).toBe('Sở Y tế thử');
  }, 120_000);

  it('the audit log describes a refusal in words, the raw route as secondary text', async () => {
    const agency = await stack.login('stc@dondoc.local');
    await stack
      .http()
      .get('/api/users')
      .set({ Authorization: `Bearer ${agency}` })
      .expect(403);
    const { page } = b;
    await openAs(page, '/nhat-ky', 'secretariat@dondoc.local');
    const refused = row(page, 'Bị từ chối (không có quyền): xem danh sách tài khoản');
    await refused.first().waitFor();
    await refused.first().getByText('GET /api/users', { exact: true }).waitFor();
    expect(await refused.first().getByText('FORBIDDEN').count()).toBe(0);
  }, 120_000);
});
