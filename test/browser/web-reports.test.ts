import type { Page } from 'playwright-core';
import { startBrowserStack, type BrowserStack } from './support/app';
import { expectNoSeriousA11yViolations } from './support/axe';
import { useBrowser } from './support/browser';
import { capture } from './support/screens';
import { SEED_PASSWORD } from '../support/stack';

/** The secretariat's home counts and the committee head's report, against the API's numbers. */

interface OverdueReport {
  total: number;
  agencies: { code: string; name: string; overdue: number; items: { daysOverdue: number }[] }[];
}

let stack: BrowserStack;
let secretariat: string;

async function createItem(text: string, lead: string, due: string): Promise<void> {
  await stack
    .http()
    .post('/api/items')
    .set('authorization', `Bearer ${secretariat}`)
    .send({ text, lead, due })
    .expect(201);
}

async function overdueReport(): Promise<OverdueReport> {
  const res = await stack
    .http()
    .get('/api/reports/overdue')
    .set('authorization', `Bearer ${secretariat}`)
    .expect(200);
  return res.body as OverdueReport;
}

beforeAll(async () => {
  stack = await startBrowserStack();
  secretariat = await stack.login('secretariat@dondoc.local');
  await createItem('Báo cáo kết quả cải cách hành chính quý III', 'SNV', '2026-10-15');
  await createItem('Hoàn thành đề án chuyển đổi số ngành y tế', 'SYT', '2026-09-30');
  await createItem('Rà soát thủ tục đầu tư dự án nhà ở xã hội', 'SYT', '2026-11-02');
  await createItem('Xây dựng kế hoạch năm 2027', 'STC', '2027-12-31');
  // Past deadlines are marked overdue by their workflows as soon as they start.
  const deadline = Date.now() + 20_000;
  while ((await overdueReport()).total < 3 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
  }
}, 120_000);
afterAll(async () => {
  await stack?.close();
});

async function login(page: Page, email: string): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Thư điện tử').fill(email);
  await page.getByLabel('Mật khẩu').fill(SEED_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

describe('reports in the web app', () => {
  const b = useBrowser({ baseURL: () => stack.baseUrl });

  it("the committee head's chart and list agree with GET /api/reports/overdue", async () => {
    const { page } = b;
    const report = await overdueReport();
    expect(report.total).toBe(3);
    await login(page, 'head@dondoc.local');
    await page.getByRole('link', { name: 'Báo cáo' }).click();
    await page
      .getByRole('heading', { name: `Nhiệm vụ quá hạn theo cơ quan (${report.total})` })
      .waitFor();
    const chart = page.getByRole('figure');
    const label = (await chart.getAttribute('aria-label')) ?? '';
    for (const a of report.agencies) expect(label).toContain(`${a.name} ${a.overdue}`);
    const list = page.getByRole('list', { name: 'Danh sách nhiệm vụ quá hạn' });
    expect(await list.getByRole('listitem').count()).toBe(report.total);
    for (const a of report.agencies) {
      for (const i of a.items) {
        await list.getByText(`quá hạn ${i.daysOverdue} ngày làm việc`).first().waitFor();
      }
    }
    await page.getByRole('table', { name: 'Tỷ lệ hoàn thành theo cơ quan' }).waitFor();
    await expectNoSeriousA11yViolations(page);
    await capture(page, 'reports-head');
  });

  it("the secretariat's home counts what is overdue and links to the list", async () => {
    const { page } = b;
    await login(page, 'secretariat@dondoc.local');
    const overdue = page.getByRole('link', { name: 'Quá hạn' });
    await overdue.getByText('3', { exact: true }).waitFor();
    await expectNoSeriousA11yViolations(page);
    await capture(page, 'secretariat-home');
    await overdue.click();
    await page.getByText('3 nhiệm vụ').or(page.getByRole('row')).first().waitFor();
    expect(page.url()).toContain('overdue=true');
  });
});
