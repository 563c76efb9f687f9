/**
 * Accounts and agencies in the web app (issue 9, ADR 0020): the secretariat creates a user, who
 * sets a password from the invitation mail and logs in; disabling it ends its session; the agency
 * directory page (add with an alias, edit, deactivate); the audit log page; one's own password
 * and "Đăng xuất khỏi mọi thiết bị"; "Quên mật khẩu"; the idle timeout back to the page.
 */
import type { Locator, Page } from 'playwright-core';
import { passwordLinkToken } from '../support/accounts';
import { SEED_PASSWORD } from '../support/stack';
import { startBrowserStack, type BrowserStack } from './support/app';
import { expectNoSeriousA11yViolations } from './support/axe';
import { useBrowser } from './support/browser';
import { choose, fieldLabelled, popupsClosed } from './support/controls';
import { logIn, openAs } from './support/login';
import { capture, screenPath } from './support/screens';

let stack: BrowserStack;
beforeAll(async () => (stack = await startBrowserStack({ worker: false })), 120_000);
afterAll(() => stack?.close());

/** Takes an option of a select, and waits for its list to be gone (axe, screenshots). */
async function pick(page: Page, select: Locator, typed: string, option = typed): Promise<void> {
  await choose(page, select, typed, option);
  await popupsClosed(page);
}

/** A message of the app (Ant Design's `message`), by its text. */
const toast = (page: Page, text: string) => page.getByText(text, { exact: true }).waitFor();

/** The table row naming `text`. */
const row = (page: Page, text: string) => page.getByRole('row').filter({ hasText: text });

describe('accounts', () => {
  const b = useBrowser({ baseURL: () => stack.baseUrl });

  it('the secretariat creates a user who sets a password from the mail and logs in; disabled, its session ends', async () => {
    const admin = b.page;
    await openAs(admin, '/', 'secretariat@dondoc.local');
    await admin.getByRole('heading', { name: 'Nhiệm vụ', exact: true }).waitFor();
    await admin.getByRole('link', { name: 'Tài khoản' }).click();
    await admin.getByRole('heading', { name: 'Tài khoản' }).waitFor();
    await row(admin, 'head@dondoc.local').waitFor();
    await expectNoSeriousA11yViolations(admin);
    await capture(admin, 'accounts');

    await admin.getByRole('button', { name: 'Tạo tài khoản' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Tạo tài khoản' });
    await dialog.getByLabel('Họ tên').fill('Lê Văn Minh');
    await dialog.getByLabel('Thư điện tử').fill('minh.lv@stc.tinh.gov.vn');
    await pick(admin, dialog.getByLabel('Vai trò'), 'Cơ quan');
    await pick(admin, fieldLabelled(dialog, 'Cơ quan'), 'Sở Tài chính', 'Sở Tài chính (STC)');
    await expectNoSeriousA11yViolations(admin);
    await capture(admin, 'accounts-create');
    await dialog.getByRole('button', { name: 'Gửi' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await toast(admin, 'Đã tạo tài khoản và gửi thư mời đến minh.lv@stc.tinh.gov.vn.');
    await row(admin, 'minh.lv@stc.tinh.gov.vn').getByText('Chờ đặt mật khẩu').waitFor();

    const [mail] = await stack.smtp.waitFor((m) => m.to.includes('minh.lv@stc.tinh.gov.vn'));
    const token = passwordLinkToken(mail!, stack.baseUrl);
    const user = await b.newPage();
    await user.goto(`/dat-mat-khau?t=${token}`);
    await user.getByRole('heading', { name: 'Chào mừng đến với Đôn Đốc' }).waitFor();
    await user.getByText('minh.lv@stc.tinh.gov.vn', { exact: true }).waitFor();
    await expectNoSeriousA11yViolations(user);
    await capture(user, 'set-password');
    await user.getByLabel('Mật khẩu mới', { exact: true }).fill('ngắn quá');
    await user.getByLabel('Nhập lại mật khẩu mới').fill('ngắn quá');
    await user.getByRole('button', { name: 'Đặt mật khẩu' }).click();
    await user.getByText('Mật khẩu cần ít nhất 10 ký tự.').waitFor();
    await user.getByLabel('Mật khẩu mới', { exact: true }).fill('sông Bằng chảy qua phố');
    await user.getByLabel('Nhập lại mật khẩu mới').fill('sông Bằng chảy qua phố');
    await user.getByRole('button', { name: 'Đặt mật khẩu' }).click();
    await user.getByText('Đã đặt mật khẩu. Hãy đăng nhập bằng mật khẩu mới.').waitFor();
    expect(await user.getByLabel('Thư điện tử').inputValue()).toBe('minh.lv@stc.tinh.gov.vn');
    await user.getByLabel('Mật khẩu', { exact: true }).fill('sông Bằng chảy qua phố');
    await user.getByRole('button', { name: 'Đăng nhập' }).click();
    await user.getByRole('heading', { name: 'Nhiệm vụ của tôi' }).waitFor();

    // The link was for once.
    const again = await b.newPage();
    await again.goto(`/dat-mat-khau?t=${token}`);
    await again.getByRole('heading', { name: 'Không dùng được liên kết này' }).waitFor();
    await again.getByText(/Liên kết này đã được dùng để đặt mật khẩu/).waitFor();
    await expectNoSeriousA11yViolations(again);
    await capture(again, 'set-password-used');

    await admin.reload();
    const minh = row(admin, 'minh.lv@stc.tinh.gov.vn');
    await minh.getByText('Đang hoạt động').waitFor();
    await minh.getByRole('button', { name: 'Khóa' }).click();
    const confirm = admin.getByRole('dialog', { name: 'Khóa tài khoản minh.lv@stc.tinh.gov.vn?' });
    await confirm.getByRole('button', { name: 'Khóa' }).click();
    await toast(admin, 'Đã khóa minh.lv@stc.tinh.gov.vn.');
    await minh.getByText('Đã khóa').waitFor();

    // Its session died: the next request sends it to the login page, which says so.
    await user.getByRole('link', { name: 'Đổi mật khẩu' }).click();
    await user.getByRole('link', { name: 'Nhiệm vụ', exact: true }).click();
    await user.getByRole('button', { name: 'Đăng nhập' }).waitFor();
    await user
      .getByRole('status')
      .getByText(/^Phiên làm việc đã được kết thúc từ nơi khác/)
      .waitFor();
    await logIn(user, 'minh.lv@stc.tinh.gov.vn', 'sông Bằng chảy qua phố');
    await user
      .getByRole('alert')
      .getByText('Tài khoản này đã bị khóa; vui lòng liên hệ Văn phòng để được mở lại.')
      .waitFor();
  }, 180_000);

  it('on a phone each account has one "Thao tác" menu instead of three buttons', async () => {
    const { page } = b;
    await page.setViewportSize({ width: 390, height: 844 });
    await openAs(page, '/tai-khoan', 'secretariat@dondoc.local');
    await row(page, 'head@dondoc.local').waitFor();
    const search = page.getByLabel('Tìm theo tên hoặc thư điện tử');
    await search.fill('snv@dondoc.local');
    await search.press('Enter');
    const snv = row(page, 'snv@dondoc.local');
    await snv.waitFor();
    await row(page, 'head@dondoc.local').waitFor({ state: 'detached' });
    // An agency's account is named by its agency's name, not its code.
    await snv.getByText('Cơ quan · Sở Nội vụ', { exact: true }).waitFor();
    expect(await snv.getByRole('button').allInnerTexts()).toEqual(['Thao tác']);
    const menuButton = snv.getByRole('button', { name: 'Thao tác với snv@dondoc.local' });

    // By keyboard: Enter opens the menu with the focus in it, Escape closes it.
    await menuButton.focus();
    await page.keyboard.press('Enter');
    const menu = page.getByRole('menu');
    await menu.waitFor();
    expect(await menu.getByRole('menuitem').allInnerTexts()).toEqual([
      'Đổi vai trò',
      'Khóa',
      'Gửi thư đặt mật khẩu',
    ]);
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: screenPath('accounts-phone-menu', 390) });
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'hidden' });

    // "Đổi vai trò" opens its dialog; closed, the focus is back on the row's menu button.
    await menuButton.click();
    await menu.getByRole('menuitem', { name: 'Đổi vai trò' }).click();
    const dialog = page.getByRole('dialog', { name: 'Đổi vai trò' });
    await dialog.getByLabel('Vai trò').waitFor();
    await dialog.getByRole('button', { name: 'Đóng' }).first().click();
    await dialog.waitFor({ state: 'hidden' });
    await page.waitForFunction(() => {
      const { document } = globalThis as unknown as {
        document: { activeElement: { getAttribute(n: string): string | null } | null };
      };
      return document.activeElement?.getAttribute('aria-label') === 'Thao tác với snv@dondoc.local';
    });

    // "Gửi thư đặt mật khẩu" from the menu.
    await menuButton.click();
    await menu.getByRole('menuitem', { name: 'Gửi thư đặt mật khẩu' }).click();
    await toast(page, 'Đã gửi thư đặt lại mật khẩu đến snv@dondoc.local.');
    await popupsClosed(page);
    await capture(page, 'accounts-phone');
  });

  it('an agency user does not get the secretariat pages', async () => {
    const { page } = b;
    await openAs(page, '/tai-khoan', 'stc@dondoc.local');
    await page.getByText('Trang này dành cho Văn phòng.').waitFor();
    expect(await page.getByRole('link', { name: 'Tài khoản' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Nhật ký' }).count()).toBe(0);
  });
});

describe('the agency directory and the audit log', () => {
  const b = useBrowser({ baseURL: () => stack.baseUrl });

  it('adds an agency with an alias, edits it, deactivates it; the log shows who did what', async () => {
    const { page } = b;
    await openAs(page, '/co-quan', 'secretariat@dondoc.local');
    await page.getByRole('heading', { name: 'Cơ quan' }).waitFor();
    await row(page, 'Sở Tài chính (STC)').waitFor();
    await expectNoSeriousA11yViolations(page);
    await capture(page, 'agencies');

    await page.getByRole('button', { name: 'Thêm cơ quan' }).click();
    const add = page.getByRole('dialog', { name: 'Thêm cơ quan' });
    await add.getByLabel('Mã cơ quan').fill('sdl');
    await add.getByLabel('Tên cơ quan').fill('Sở Du lịch');
    await add.getByLabel('Tên gọi khác').fill('Sở DL');
    await page.keyboard.press('Enter');
    await add.getByLabel('Thư điện tử liên hệ').fill('vanthu@sdl.tinh.gov.vn');
    await add.getByRole('button', { name: 'Gửi' }).click();
    await add.waitFor({ state: 'hidden' });
    await toast(page, 'Đã thêm Sở Du lịch (SDL).');
    const sdl = row(page, 'Sở Du lịch (SDL)');
    await sdl.getByText('Tên gọi khác: Sở DL').waitFor();

    await sdl.getByRole('button', { name: 'Sửa' }).click();
    const edit = page.getByRole('dialog', { name: 'Sửa' });
    expect(await edit.getByLabel('Tên cơ quan').inputValue()).toBe('Sở Du lịch');
    await edit.getByLabel('Tên cơ quan').fill('Sở Văn hóa và Du lịch');
    await edit.getByLabel('Thư điện tử lãnh đạo').fill('giamdoc@sdl.tinh.gov.vn');
    await expectNoSeriousA11yViolations(page);
    await capture(page, 'agencies-edit');
    await edit.getByRole('button', { name: 'Gửi' }).click();
    await edit.waitFor({ state: 'hidden' });
    const renamed = row(page, 'Sở Văn hóa và Du lịch (SDL)');
    await renamed.getByText('giamdoc@sdl.tinh.gov.vn').first().waitFor();

    // A spelling of another agency is refused, with the API's words.
    await renamed.getByRole('button', { name: 'Sửa' }).click();
    await page.getByRole('dialog', { name: 'Sửa' }).getByLabel('Tên gọi khác').fill('Sở TC');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Sửa' }).getByRole('button', { name: 'Gửi' }).click();
    await page
      .getByRole('alert')
      .getByText('"Sở TC" đã là tên hoặc tên gọi khác của cơ quan mã STC.')
      .waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Sửa' }).waitFor({ state: 'hidden' });

    await renamed.getByRole('button', { name: 'Ngừng hoạt động' }).click();
    await page
      .getByRole('dialog', { name: 'Ngừng hoạt động Sở Văn hóa và Du lịch?' })
      .getByRole('button', { name: 'Ngừng hoạt động' })
      .click();
    await renamed.getByText('Ngừng hoạt động', { exact: true }).first().waitFor();
    await renamed.getByRole('button', { name: 'Hoạt động lại' }).waitFor();

    await page.getByRole('link', { name: 'Nhật ký' }).click();
    await page.getByRole('heading', { name: 'Nhật ký' }).waitFor();
    const log = page.getByRole('table', { name: 'Nhật ký thao tác' });
    await log.getByText('Thêm cơ quan').first().waitFor();
    await log.getByText('Ngừng hoạt động').first().waitFor();
    await log.getByText('Không thực hiện được').first().waitFor();
    // What was acted on, by its name (the agency's current one), not a bare code.
    await log.getByRole('cell', { name: 'Sở Văn hóa và Du lịch', exact: true }).first().waitFor();
    await expectNoSeriousA11yViolations(page);
    await capture(page, 'audit');

    await pick(page, page.getByLabel('Thao tác', { exact: true }), 'Đăng nhập');
    await page.waitForURL(/action=auth\.login/);
    await log.getByText('Thêm cơ quan').first().waitFor({ state: 'detached' });
    await log.getByText('secretariat@dondoc.local').first().waitFor();
    expect(await log.getByText('Đăng nhập', { exact: true }).count()).toBeGreaterThan(0);
  }, 180_000);
});

describe("one's own account", () => {
  const b = useBrowser({ baseURL: () => stack.baseUrl });

  it('changes the password, then logs out on every device', async () => {
    const { page } = b;
    await openAs(page, '/', 'sxd@dondoc.local');
    const other = await b.newPage();
    await openAs(other, '/', 'sxd@dondoc.local');
    await other.getByRole('heading', { name: 'Nhiệm vụ của tôi' }).waitFor();

    await page.getByRole('link', { name: 'Đổi mật khẩu' }).click();
    await page.getByRole('heading', { name: 'Tài khoản của tôi' }).waitFor();
    await expectNoSeriousA11yViolations(page);
    await capture(page, 'change-password');
    await page.getByLabel('Mật khẩu hiện tại').fill('không đúng đâu');
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill('cầu Hoàng Ngà mùa nước');
    await page.getByLabel('Nhập lại mật khẩu mới').fill('cầu Hoàng Ngà mùa nước');
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await page.getByRole('alert').getByText('Mật khẩu hiện tại không đúng.').waitFor();
    await page.getByLabel('Mật khẩu hiện tại').fill(SEED_PASSWORD);
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await toast(page, 'Đã đổi mật khẩu. Các phiên đăng nhập trên thiết bị khác đã kết thúc.');

    // The other device's session ended: its next request goes to the login page, which says why.
    await other.getByRole('link', { name: 'Đổi mật khẩu' }).click();
    await other.getByRole('link', { name: 'Nhiệm vụ', exact: true }).click();
    await other.getByRole('button', { name: 'Đăng nhập' }).waitFor();
    await other
      .getByRole('status')
      .getByText(
        'Phiên làm việc đã được kết thúc từ nơi khác (đăng xuất, đổi mật khẩu hoặc khóa tài khoản). Vui lòng đăng nhập lại.',
      )
      .waitFor();

    await page.getByRole('button', { name: 'Đăng xuất khỏi mọi thiết bị' }).click();
    await page
      .getByRole('dialog', { name: 'Đăng xuất khỏi mọi thiết bị?' })
      .getByRole('button', { name: 'Đăng xuất khỏi mọi thiết bị' })
      .click();
    await page.getByText('Đã đăng xuất khỏi mọi thiết bị.').waitFor();
    await logIn(page, 'sxd@dondoc.local', 'cầu Hoàng Ngà mùa nước');
    await page.getByRole('heading', { name: 'Nhiệm vụ của tôi' }).waitFor();
  }, 180_000);

  it('"Quên mật khẩu" on the login page mails a link', async () => {
    const { page } = b;
    await page.goto('/dang-nhap');
    await page.getByRole('link', { name: 'Quên mật khẩu?' }).click();
    await page.getByRole('heading', { name: 'Quên mật khẩu' }).waitFor();
    await expectNoSeriousA11yViolations(page);
    await capture(page, 'forgot-password');
    await page.getByLabel('Thư điện tử').fill('syt@dondoc.local');
    await page.getByRole('button', { name: 'Gửi liên kết đặt mật khẩu' }).click();
    await page
      .getByRole('status')
      .getByText(/Nếu syt@dondoc\.local có tài khoản/)
      .waitFor();
    const [mail] = await stack.smtp.waitFor((m) => m.to.includes('syt@dondoc.local'));
    expect(mail!.subject).toBe('Đặt lại mật khẩu tài khoản Đôn Đốc');
    await page.goto(`/dat-mat-khau?t=${passwordLinkToken(mail!, stack.baseUrl)}`);
    await page.getByRole('heading', { name: 'Đặt lại mật khẩu' }).waitFor();
  });

  it('after 30 minutes idle, the next request goes to the login page, which says why, and back to the page', async () => {
    const { page } = b;
    await openAs(page, '/doi-mat-khau', 'skhcn@dondoc.local');
    await page.getByRole('heading', { name: 'Tài khoản của tôi' }).waitFor();
    const age = (column: string, interval: string) =>
      stack.db.dataSource.query(
        `UPDATE sessions SET ${column} = now() - interval '${interval}'
          WHERE user_id = (SELECT id FROM users WHERE email = 'skhcn@dondoc.local')`,
      );
    await age('last_used_at', '31 minutes');
    await page.getByRole('link', { name: 'Nhiệm vụ', exact: true }).click();
    await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
    const said = page.getByRole('status');
    await said
      .getByText('Phiên làm việc đã hết hạn do không hoạt động. Vui lòng đăng nhập lại.')
      .waitFor();
    expect(new URL(page.url()).searchParams.get('next')).toBe('/items');
    await expectNoSeriousA11yViolations(page);
    await capture(page, 'login-session-idle');
    await logIn(page, 'skhcn@dondoc.local');
    await page.getByRole('heading', { name: 'Nhiệm vụ của tôi' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/items');

    // A session past its absolute lifetime says so, differently (here the page opened the next
    // morning: a reload).
    await age('expires_at', '1 minute');
    await page.reload();
    await said.getByText('Phiên làm việc đã hết thời hạn. Vui lòng đăng nhập lại.').waitFor();
    expect(await said.getByText(/không hoạt động/).count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('next')).toBe('/items');

    // "Đăng xuất" on a session that has meanwhile gone idle: the login page, nothing to explain.
    await logIn(page, 'skhcn@dondoc.local');
    await page.getByRole('heading', { name: 'Nhiệm vụ của tôi' }).waitFor();
    await age('last_used_at', '31 minutes');
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
    expect(new URL(page.url()).searchParams.get('phien')).toBeNull();
    expect(await said.count()).toBe(0);
  });
});
