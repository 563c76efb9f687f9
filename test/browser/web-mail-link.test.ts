import type { Page } from 'playwright-core';
import { signItemLink } from '../../libs/security/src';
import { act } from './support/actions';
import { startBrowserStack, type BrowserStack } from './support/app';
import { expectNoSeriousA11yViolations } from './support/axe';
import { useBrowser } from './support/browser';
import { capture } from './support/screens';
import { openAs } from './support/login';
import { mailItem, mailKind } from '../support/mail-headers';
import { eventually } from '../support/waits';

/**
 * Issue 8, browser flow 5, from a real mail: a reminder reaches the test SMTP server; the signed
 * link in it opens the item page without a login and a progress report is made from it; a tampered
 * link and the link of an item given to another agency get the Vietnamese dead-link page.
 */

const TEXT = 'Báo cáo kết quả rà soát hồ sơ quyết toán dự án hoàn thành năm 2026';
const NOTE = 'Đã rà soát 12/24 hồ sơ, đang chờ bổ sung của chủ đầu tư.';
const DONE_NOTE = 'Đã rà soát đủ 24 hồ sơ; báo cáo số 15/BC-STC gửi kèm.';
const DEAD = 'Liên kết không còn hiệu lực';
const LOG_IN = 'Vui lòng đăng nhập để tiếp tục.';

let stack: BrowserStack;
let secretariat: string;
let itemId: string;
/** The link exactly as the reminder mail's text carries it. */
let link: string;

beforeAll(async () => {
  stack = await startBrowserStack();
  secretariat = await stack.login('secretariat@dondoc.local');
  // Due in two minutes, reminded 100 s before: the reminder leaves about 20 s from now.
  const created = await stack
    .http()
    .post('/api/items')
    .set('authorization', `Bearer ${secretariat}`)
    .send({
      text: TEXT,
      lead: 'STC',
      due: new Date(Date.now() + 120_000).toISOString(),
      policy: { remindBefore: ['PT100S'], escalateAfter: ['PT30S'] },
    })
    .expect(201);
  itemId = (created.body as { id: string }).id;
  // Generous: the worker and Temporal share a loaded machine with the browser.
  const [mail] = await stack.smtp.waitFor(
    (m) => mailItem(m) === itemId && mailKind(m) === 'reminder',
    1,
    120_000,
  );
  expect(mail!.to).toEqual(['stc@dondoc.local']);
  const page = `${stack.baseUrl}/items/${itemId}`;
  const found = mail!.text.match(/https?:\/\/\S+\?t=[A-Za-z0-9_.-]+/g) ?? [];
  expect(found).toHaveLength(1);
  link = found[0]!;
  expect(link.startsWith(`${page}?t=`)).toBe(true);
}, 180_000);
afterAll(async () => {
  await stack?.close();
});

/** A new item of STC due 31/03/2027, and a link signed for it as its mails' would be. */
async function signedItem(text: string): Promise<{ id: string; token: string }> {
  const created = await stack
    .http()
    .post('/api/items')
    .set('authorization', `Bearer ${secretariat}`)
    .send({ text, lead: 'STC', due: '2027-03-31' })
    .expect(201);
  const id = (created.body as { id: string }).id;
  const token = signItemLink(
    { itemId: id, agencyCode: 'STC', deadlineVersion: 1, issuedAtMs: Date.now() },
    stack.config.linkSigningSecret,
  );
  return { id, token };
}

/** The dead-link page: what happened (from the API, in Vietnamese) and the way on, the login. */
async function expectDeadLinkPage(page: Page, message: string): Promise<void> {
  const main = page.getByRole('main');
  await main.getByText(DEAD, { exact: true }).waitFor();
  await main.getByText(message, { exact: true }).waitFor();
  await main.getByRole('link', { name: 'Đăng nhập' }).waitFor();
  expect(await page.getByRole('button', { name: 'Báo cáo tiến độ' }).count()).toBe(0);
}

describe("a reminder mail's link", () => {
  const b = useBrowser({ baseURL: () => stack.baseUrl });

  it('opens the item page without a login; a progress report made there is in the history', async () => {
    const { page } = b;
    await page.goto(link);
    await page.getByRole('heading', { name: TEXT }).waitFor();
    await page
      .getByText(
        'Bạn đang thao tác thay mặt Sở Tài chính qua liên kết trong thư, không cần đăng nhập.',
      )
      .waitFor();
    expect(await page.getByLabel('Mật khẩu').count()).toBe(0);
    await expectNoSeriousA11yViolations(page);
    await capture(page, 'mail-link-item');

    await act(page, 'Báo cáo tiến độ', { 'Phần trăm hoàn thành': '50', 'Nội dung báo cáo': NOTE });
    await page.getByText('Đã gửi báo cáo tiến độ.').waitFor();
    // The page shows the progress just reported, without a reload.
    const progress = page.getByRole('progressbar', { name: 'Tiến độ' });
    await progress.waitFor();
    expect(await progress.getAttribute('aria-valuenow')).toBe('50');
    // A second report, from the same page: its percent replaces the first.
    await act(page, 'Báo cáo tiến độ', { 'Phần trăm hoàn thành': '80', 'Nội dung báo cáo': NOTE });
    await page
      .getByRole('progressbar', { name: 'Tiến độ' })
      .and(page.locator('[aria-valuenow="80"]'))
      .waitFor();
    await expectNoSeriousA11yViolations(page);
    await capture(page, 'mail-link-progress');

    const history = await stack
      .http()
      .get(`/api/items/${itemId}/history`)
      .set('authorization', `Bearer ${secretariat}`)
      .expect(200);
    const events = history.body as { type: string; actor: string | null; detail: unknown }[];
    const reports = events.filter((e) => e.type === 'progress_reported');
    expect(reports).toHaveLength(2);
    for (const percent of [50, 80]) {
      expect(reports).toContainEqual(
        expect.objectContaining({
          actor: 'stc@dondoc.local',
          detail: expect.objectContaining({
            percent,
            note: NOTE,
            channel: 'qua liên kết trong thư',
          }) as unknown,
        }),
      );
    }

    // The secretariat's timeline says how the report was made.
    const clerk = await b.newPage();
    await openAs(clerk, `/items/${itemId}`, 'secretariat@dondoc.local');
    const via = clerk.getByText('Thực hiện qua liên kết trong thư');
    await via.first().waitFor();
    expect(await via.count()).toBe(2);
    // Who did it: the agency by its name, then the address.
    expect(await clerk.getByText(/ · Sở Tài chính \(stc@dondoc\.local\)$/).count()).toBe(2);

    // The completion report: the page keeps what was sent in sight, not the older "80 %".
    await act(page, 'Báo cáo hoàn thành', { 'Kết quả thực hiện': DONE_NOTE });
    await page.getByText('Đã gửi báo cáo hoàn thành, chờ Văn phòng xác nhận').waitFor();
    await page.getByText(`Kết quả đã báo cáo: ${DONE_NOTE}`).waitFor();
    await page.getByText('Nhiệm vụ không còn thao tác nào cần thực hiện.').waitFor();
    expect(await page.getByRole('progressbar', { name: 'Tiến độ' }).count()).toBe(0);
    // The toast gone first: fading out, its text is too pale for axe's contrast rule.
    await eventually(
      'the toast gone',
      async () => expect(await page.locator('.ant-message-notice').count()).toBe(0),
      10_000,
      200,
    );
    await expectNoSeriousA11yViolations(page);
    await capture(page, 'mail-link-submitted');
    // Returned, so the item can be given to another agency below.
    await stack
      .http()
      .post(`/api/items/${itemId}/return`)
      .set('authorization', `Bearer ${secretariat}`)
      .send({ reason: 'Bổ sung danh sách hồ sơ còn thiếu.' })
      .expect(200);
    // The agency opening its link again reads why, and may report again.
    await page.goto(link);
    await page.getByText('Văn phòng đã trả lại: Bổ sung danh sách hồ sơ còn thiếu.').waitFor();
    await page.getByRole('button', { name: 'Báo cáo hoàn thành' }).waitFor();
  });

  it('with one character of its token changed gets the Vietnamese dead-link page', async () => {
    const { page } = b;
    const url = new URL(link);
    const token = url.searchParams.get('t')!;
    const [version, payload, signature] = token.split('.') as [string, string, string];
    const i = Math.floor(signature.length / 2);
    const changed = signature[i] === 'A' ? 'B' : 'A';
    url.searchParams.set(
      't',
      `${version}.${payload}.${signature.slice(0, i)}${changed}${signature.slice(i + 1)}`,
    );
    await page.goto(url.toString());
    await expectDeadLinkPage(page, `Liên kết không hợp lệ hoặc đã bị thay đổi. ${LOG_IN}`);
    await expectNoSeriousA11yViolations(page);
    await capture(page, 'mail-link-tampered');
  });

  it('once the item is given to another agency gets the Vietnamese page inviting to log in', async () => {
    const { page } = b;
    await stack
      .http()
      .post(`/api/items/${itemId}/reassign`)
      .set('authorization', `Bearer ${secretariat}`)
      .send({ lead: 'SXD', reason: 'Đúng chức năng của Sở Xây dựng.' })
      .expect(200);
    await page.goto(link);
    await expectDeadLinkPage(
      page,
      `Liên kết không còn hiệu lực vì nhiệm vụ đã được giao cho cơ quan khác chủ trì. ${LOG_IN}`,
    );
    await expectNoSeriousA11yViolations(page);
    await capture(page, 'mail-link-reassigned');
    await page.getByRole('main').getByRole('link', { name: 'Đăng nhập' }).click();
    await page.getByLabel('Mật khẩu').waitFor();
  });

  it('an extension asked through the link is shown once, with its date and reason', async () => {
    const { page } = b;
    const { id, token } = await signedItem('Rà soát hồ sơ đất đai tồn đọng');
    await page.goto(`/items/${id}?t=${token}`);
    await page.getByRole('button', { name: 'Đề nghị gia hạn' }).click();
    const dialog = page.getByRole('dialog', { name: 'Đề nghị gia hạn' });
    const date = dialog.getByLabel('Hạn đề nghị');
    await date.click();
    await date.fill('30/06/2027');
    await page.keyboard.press('Enter');
    await dialog.getByLabel('Lý do').fill('Chờ số liệu của các xã.');
    await dialog.getByRole('button', { name: 'Gửi' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Đang đề nghị gia hạn đến 30/06/2027').waitFor();
    await page.getByText(/^Lý do: Chờ số liệu của các xã\./).waitFor();
    // The toast aside, the page says it once (it said it twice, blind check).
    await eventually(
      'the toast gone',
      async () => expect(await page.locator('.ant-message-notice').count()).toBe(0),
      10_000,
      200,
    );
    expect(await page.getByText(/gia hạn đến 30\/06\/2027/).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Đề nghị gia hạn' }).count()).toBe(0);
  });

  it('once the item is completed still shows it, read only, saying why', async () => {
    const { page } = b;
    const { id, token } = await signedItem('Tổng hợp báo cáo giải ngân quý IV');
    await stack.http().post(`/api/links/${token}/submit`).send({ note: DONE_NOTE }).expect(200);
    await stack
      .http()
      .post(`/api/items/${id}/accept`)
      .set('authorization', `Bearer ${secretariat}`)
      .send({ note: 'Đạt yêu cầu.' })
      .expect(200);
    await page.goto(`/items/${id}?t=${token}`);
    await page
      .getByText('Bạn đang xem nhiệm vụ của Sở Tài chính qua liên kết trong thư.')
      .waitFor();
    await page
      .getByText(
        'Nhiệm vụ đã được Văn phòng UBND tỉnh xác nhận hoàn thành; liên kết này chỉ còn dùng để xem.',
      )
      .waitFor();
    await page.getByText('Đã hoàn thành', { exact: true }).first().waitFor();
    expect(await page.getByRole('button', { name: 'Báo cáo tiến độ' }).count()).toBe(0);
    expect(await page.getByText(DEAD).count()).toBe(0);
    await expectNoSeriousA11yViolations(page);
    await capture(page, 'mail-link-closed');
  });
});
