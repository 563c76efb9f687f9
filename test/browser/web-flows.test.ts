import type { Page } from 'playwright-core';
import { act } from './support/actions';
import { startBrowserStack, type BrowserStack } from './support/app';
import { expectNoSeriousA11yViolations } from './support/axe';
import { useBrowser } from './support/browser';
import { capture } from './support/screens';
import { logIn, openAs } from './support/login';
import { signItemLink } from '../../libs/security/src';

/** The web app's first flows (issue 8): login, an agency's items, report and decide, no access. */

const OWN = 'Hoàn thiện dự thảo Kế hoạch hỗ trợ doanh nghiệp nhỏ và vừa năm 2027';
const OTHER = 'Rà soát quy hoạch xây dựng các khu công nghiệp trên địa bàn tỉnh';

let stack: BrowserStack;
let ownId: string;
let otherId: string;

async function createItem(token: string, text: string, lead: string): Promise<string> {
  const res = await stack
    .http()
    .post('/api/items')
    .set('authorization', `Bearer ${token}`)
    .send({ text, lead, support: lead === 'STC' ? ['SXD'] : [], due: '2027-03-31' })
    .expect(201);
  return (res.body as { id: string }).id;
}

beforeAll(async () => {
  stack = await startBrowserStack();
  const secretariat = await stack.login('secretariat@dondoc.local');
  ownId = await createItem(secretariat, OWN, 'STC');
  otherId = await createItem(secretariat, OTHER, 'SXD');
}, 120_000);
afterAll(async () => {
  await stack?.close();
});

const status = (page: Page, text: string) =>
  page.getByRole('main').getByText(text, { exact: true }).first().waitFor();

describe('the web app', () => {
  const b = useBrowser({ baseURL: () => stack.baseUrl });

  it('logs in (a wrong password first), keeps the session over a reload, lists only own items', async () => {
    const { page } = b;
    await page.goto('/');
    await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
    await expectNoSeriousA11yViolations(page);
    await capture(page, 'login');
    await logIn(page, 'stc@dondoc.local', 'sai-mat-khau');
    await page.getByRole('alert').getByText('Thư điện tử hoặc mật khẩu không đúng.').waitFor();
    await capture(page, 'login-wrong-password');

    await logIn(page, 'stc@dondoc.local');
    await page.getByRole('heading', { name: 'Nhiệm vụ của tôi' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Nhiệm vụ của tôi' }).waitFor();
    await page.getByRole('link', { name: OWN }).first().waitFor();
    expect(await page.getByText(OTHER).count()).toBe(0);
    await expectNoSeriousA11yViolations(page);
    await capture(page, 'agency-items');
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByLabel('Mật khẩu').waitFor();
  });

  it('agency reports 50 %, submits; secretariat returns; agency submits again; secretariat accepts', async () => {
    const agency = b.page;
    await openAs(agency, `/items/${ownId}`, 'stc@dondoc.local');
    await agency.getByRole('heading', { name: OWN }).waitFor();
    await act(agency, 'Báo cáo tiến độ', {
      'Phần trăm hoàn thành': '50',
      'Nội dung báo cáo': 'Đã xong dự thảo, đang lấy ý kiến các sở.',
    });
    await agency.getByText('Phần trăm hoàn thành: 50%').waitFor();
    await expectNoSeriousA11yViolations(agency);
    await capture(agency, 'item-agency-progress');
    await act(agency, 'Báo cáo hoàn thành', { 'Kết quả thực hiện': 'Đã trình UBND tỉnh.' });
    await status(agency, 'Chờ xác nhận hoàn thành');

    const secretariat = await b.newPage();
    await openAs(secretariat, `/items/${ownId}`, 'secretariat@dondoc.local');
    await status(secretariat, 'Chờ xác nhận hoàn thành');
    await capture(secretariat, 'item-secretariat-submitted');
    await act(secretariat, 'Trả lại', { 'Lý do trả lại': 'Thiếu ý kiến của Sở Xây dựng.' });
    await status(secretariat, 'Đang thực hiện');

    await agency.reload();
    await agency.getByText('Lý do trả lại: Thiếu ý kiến của Sở Xây dựng.').waitFor();
    await act(agency, 'Báo cáo hoàn thành', { 'Kết quả thực hiện': 'Đã bổ sung ý kiến.' });
    await status(agency, 'Chờ xác nhận hoàn thành');

    await secretariat.reload();
    await act(secretariat, 'Xác nhận hoàn thành', {});
    await status(secretariat, 'Đã hoàn thành');
    const timeline = secretariat.getByRole('region', { name: 'Lịch sử' });
    for (const text of [
      'Giao nhiệm vụ',
      'Báo cáo tiến độ',
      'Phần trăm hoàn thành: 50%',
      'Trả lại, yêu cầu bổ sung',
      'Kết quả thực hiện: Đã bổ sung ý kiến.',
      'Xác nhận hoàn thành',
    ]) {
      await timeline.getByText(text).first().waitFor();
    }
    expect(await timeline.getByText('Báo cáo hoàn thành', { exact: true }).count()).toBe(2);
    await expectNoSeriousA11yViolations(secretariat);
    await capture(secretariat, 'item-completed-timeline');
  });

  it('a session revoked elsewhere sends the user back to the login page, then to the same page', async () => {
    const { page } = b;
    await openAs(page, `/items/${ownId}`, 'stc@dondoc.local');
    await page.getByRole('heading', { name: OWN }).waitFor();
    const token = await page.evaluate(() =>
      (
        globalThis as unknown as { localStorage: { getItem(k: string): string | null } }
      ).localStorage.getItem('dondoc.session'),
    );
    await stack.http().post('/api/auth/logout').set('authorization', `Bearer ${token}`).expect(204);
    await page.getByRole('link', { name: 'Nhiệm vụ', exact: true }).click();
    await page.getByLabel('Mật khẩu').waitFor();
    await logIn(page, 'stc@dondoc.local');
    await page.getByRole('heading', { name: 'Nhiệm vụ của tôi' }).waitFor();
  });

  it("an agency typing another agency's item address gets the no-access page", async () => {
    const { page } = b;
    await openAs(page, `/items/${otherId}`, 'stc@dondoc.local');
    await page.getByText('Không có quyền truy cập').waitFor();
    await expectNoSeriousA11yViolations(page);
    await capture(page, 'no-access');
  });

  it("a mail's signed link opens the item without a login and reports progress", async () => {
    const { page } = b;
    const secretariat = await stack.login('secretariat@dondoc.local');
    const id = await createItem(secretariat, 'Báo cáo tình hình giải ngân vốn đầu tư công', 'STC');
    const claims = { itemId: id, agencyCode: 'STC', deadlineVersion: 1, issuedAtMs: Date.now() };
    const token = signItemLink(claims, stack.config.linkSigningSecret);
    await page.goto(`/items/${id}?t=${token}`);
    await page.getByText('qua liên kết trong thư', { exact: false }).first().waitFor();
    await expectNoSeriousA11yViolations(page);
    await capture(page, 'link-item');
    await act(page, 'Báo cáo tiến độ', {
      'Phần trăm hoàn thành': '30',
      'Nội dung báo cáo': 'Đã giải ngân 30 %.',
    });
    await page.getByText('Đã gửi báo cáo tiến độ.').waitFor();
    const history = await stack
      .http()
      .get(`/api/items/${id}/history`)
      .set('authorization', `Bearer ${secretariat}`)
      .expect(200);
    const events = history.body as { type: string; detail: { percent?: number } | null }[];
    const progress = events.find((e) => e.type === 'progress_reported');
    expect(progress?.detail?.percent).toBe(30);
  });

  it('a tampered mail link gets a Vietnamese page inviting to log in', async () => {
    const { page } = b;
    await page.goto(`/items/${ownId}?t=gia-mao`);
    await page.getByText('Liên kết không còn hiệu lực').waitFor();
    await page.getByRole('link', { name: 'Đăng nhập' }).waitFor();
    await expectNoSeriousA11yViolations(page);
    await capture(page, 'link-invalid');
  });
});
