import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startBrowserStack, type BrowserStack } from './support/app';
import { expectNoSeriousA11yViolations } from './support/axe';
import { slowProcessor, useBrowser } from './support/browser';
import { choose, popupsClosed, typeDate } from './support/controls';
import { openAs } from './support/login';
import { capture, horizontalOverflow, SCREENS_DIR } from './support/screens';

/**
 * The secretariat's home counts and the committee head's reports, against the API's numbers: the
 * chart and the lists for a notice and a period, the click-through to the list, print and phone.
 */

interface OverdueReport {
  asOf: string;
  total: number;
  agencies: {
    code: string;
    name: string;
    overdue: number;
    items: {
      id: string;
      text: string;
      daysOverdue: number;
      noticeNumber: string | null;
      noticeTitle: string | null;
    }[];
  }[];
}

interface Counts {
  total: number;
  open: number;
  overdue: number;
  submitted: number;
  completed: number;
  completedOnTime: number;
  completedLate: number;
  completedAfterOriginalDue: number;
  cancelled: number;
  completionRate: number | null;
  onTimeRate: number | null;
}

interface CompletionReport {
  totals: Counts;
  agencies: (Counts & { code: string; name: string })[];
}

type Filter = { noticeId?: string; from?: string; to?: string };

/** Notice 45/TB-BCĐ: two items overdue today (2 December 2026), one due at the end of the year. */
const NOTICE = [
  'UBND TỈNH LẠNG SƠN',
  'BAN CHỈ ĐẠO',
  'Số: 45/TB-BCĐ',
  'THÔNG BÁO',
  'Kết luận của đồng chí Nguyễn Văn B tại cuộc họp về giải ngân vốn đầu tư công',
  'Ngày 02/09/2026, đồng chí Nguyễn Văn B chủ trì cuộc họp.',
  '2. Nhiệm vụ',
  'a) Sở Tài chính tổng hợp tình hình giải ngân, báo cáo UBND tỉnh chậm nhất ngày 15/10/2026.',
  'b) Sở Xây dựng rà soát các dự án chậm tiến độ, hoàn thành chậm nhất ngày 20/11/2026.',
  'c) Sở Tài chính xây dựng kế hoạch vốn năm 2027, hoàn thành chậm nhất ngày 31/12/2026.',
].join('\n');

/** The few DOM members the print check reads (the project's lib has no DOM types). */
interface PrintedSvg {
  getBoundingClientRect(): { readonly width: number };
  readonly width: { readonly baseVal: { readonly value: number } };
  querySelectorAll(selector: string): Iterable<unknown>;
}
interface PrintedTable {
  querySelector(selector: string): unknown;
}
declare function getComputedStyle(el: unknown): {
  fontSize: string;
  display: string;
  breakInside: string;
};

let stack: BrowserStack;
let secretariat: string;
let noticeId: string;

async function createItem(text: string, lead: string, due: string): Promise<void> {
  await stack
    .http()
    .post('/api/items')
    .set('authorization', `Bearer ${secretariat}`)
    .send({ text, lead, due })
    .expect(201);
}

/** GET `path` with this query as the secretariat: the body. */
async function read<T>(path: string, query: Record<string, string> = {}): Promise<T> {
  const res = await stack
    .http()
    .get(path)
    .query(query)
    .set('authorization', `Bearer ${secretariat}`)
    .expect(200);
  return res.body as T;
}
const overdueReport = (filter?: Filter) => read<OverdueReport>('/api/reports/overdue', filter);
const completionReport = (filter?: Filter) =>
  read<CompletionReport>('/api/reports/completion', filter);

beforeAll(async () => {
  stack = await startBrowserStack();
  secretariat = await stack.login('secretariat@dondoc.local');
  await createItem('Báo cáo kết quả cải cách hành chính quý III', 'SNV', '2026-10-15');
  await createItem('Hoàn thành đề án chuyển đổi số ngành y tế', 'SYT', '2026-09-30');
  await createItem('Rà soát thủ tục đầu tư dự án nhà ở xã hội', 'SYT', '2026-11-02');
  await createItem('Xây dựng kế hoạch năm 2027', 'STC', '2027-12-31');
  const notice = await stack
    .http()
    .post('/api/notices')
    .set('authorization', `Bearer ${secretariat}`)
    .send({ text: NOTICE })
    .expect(201);
  noticeId = (notice.body as { id: string }).id;
  // Past deadlines are marked overdue by their workflows as soon as they start.
  const deadline = Date.now() + 20_000;
  while ((await overdueReport()).total < 5 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
  }
}, 120_000);
afterAll(async () => {
  await stack?.close();
});

const REPORT_TITLE = /^Báo cáo ngày \d\d\/\d\d\/\d{4}$/;

/** The committee head on the reports page, through its address (the menu: the first test). */
async function openReports(page: Page): Promise<void> {
  await openAs(page, '/bao-cao', 'head@dondoc.local');
  await page.getByRole('heading', { name: REPORT_TITLE }).waitFor();
}

/** The items list shows what GET /api/items answers for this filter (a page of it); how many. */
async function expectListShows(page: Page, query: Record<string, string>): Promise<number> {
  const items = await read<{ text: string }[]>('/api/items', query);
  const texts = items.map((i) => i.text).sort();
  const rows = page.getByRole('table', { name: 'Tất cả nhiệm vụ' }).getByRole('row');
  const shown = async () =>
    (await rows.allInnerTexts())
      .slice(1)
      .map((row) => texts.find((t) => row.includes(t)) ?? row)
      .sort();
  // The list keeps the previous rows until the new ones come.
  for (let i = 0; i < 100 && (await shown()).join('\n') !== texts.join('\n'); i++) {
    await page.waitForTimeout(100);
  }
  expect(await shown()).toEqual(texts);
  return texts.length;
}

const pct = (rate: number | null): string => (rate === null ? '—' : `${Math.round(rate * 100)}%`);

/** A row of the completion table or card, in the order the page shows its figures. */
const figures = (r: Counts): string[] =>
  [
    r.total,
    r.open,
    r.overdue,
    r.submitted,
    r.completedOnTime,
    r.completedLate,
    r.completedAfterOriginalDue,
    r.cancelled,
  ]
    .map(String)
    .concat(pct(r.completionRate), pct(r.onTimeRate));

/** The chart, the overdue lists and the completion table show exactly these reports. */
async function expectPageShows(page: Page, o: OverdueReport, c: CompletionReport): Promise<void> {
  await page.getByRole('heading', { name: `Nhiệm vụ quá hạn theo cơ quan (${o.total})` }).waitFor();
  const chart = page.getByRole('figure');
  const label = (await chart.getAttribute('aria-label')) ?? '';
  expect(label.slice(label.indexOf(': ') + 2).split('; ')).toEqual(
    o.agencies.map((a) => `${a.name} ${a.overdue}`),
  );
  // The axes' words are hidden from screen readers (a wrapped name read "vàMôi trường").
  const axisWords = chart.locator('.report-chart-screen svg text');
  expect(await axisWords.count()).toBeGreaterThan(0);
  expect(
    await chart.locator('.report-chart-screen svg text:not([aria-hidden="true"])').count(),
  ).toBe(0);
  // The count axis ends at the longest bar: one item is 0 and 1, not 0 to 4.
  const most = Math.max(0, ...o.agencies.map((a) => a.overdue));
  if (most > 0 && most < 5) {
    const numbers = (await axisWords.allTextContents()).filter((t) => /^\d+$/.test(t));
    expect(numbers.map(Number)).toEqual(Array.from({ length: most + 1 }, (_, k) => k));
  }
  for (const a of o.agencies) {
    await chart
      .getByRole('link', { name: `Cột ${a.name}: ${a.overdue} nhiệm vụ quá hạn` })
      .waitFor();
    await page
      .getByRole('link', { name: `${a.name}: ${a.overdue} nhiệm vụ quá hạn`, exact: true })
      .waitFor();
    const items = page.getByRole('list', { name: `Nhiệm vụ quá hạn của ${a.name}` });
    const texts = await items.getByRole('listitem').allInnerTexts();
    expect(texts).toHaveLength(a.items.length);
    a.items.forEach((i, k) => {
      expect(texts[k]).toContain(i.text);
      expect(texts[k]).toContain(`quá hạn ${i.daysOverdue} ngày làm việc`);
      // Which notice it is from: "2.a" of two notices look alike.
      if (i.noticeNumber) expect(texts[k]).toContain(`(Thông báo số ${i.noticeNumber})`);
      else if (i.noticeTitle) expect(texts[k]).toContain('(Thông báo: ');
    });
  }
  expect(await page.getByRole('list', { name: /^Nhiệm vụ quá hạn của / }).count()).toBe(
    o.agencies.length,
  );
  // The items of notice 45/TB-BCĐ say so.
  expect(o.agencies.some((a) => a.items.some((i) => i.noticeNumber === '45/TB-BCĐ'))).toBe(true);
  const table = page.getByRole('table', { name: 'Tỷ lệ hoàn thành theo cơ quan' });
  const rows = table.getByRole('row');
  expect(await rows.count()).toBe(c.agencies.length + 1);
  for (const a of c.agencies) {
    const row = rows.filter({ has: page.getByRole('link', { name: a.name, exact: true }) });
    expect(await row.getByRole('cell').allInnerTexts()).toEqual([a.name, ...figures(a)]);
  }
  const t = c.totals;
  await page
    .getByText(`Tổng cộng: ${t.completed}/${t.total - t.cancelled} nhiệm vụ hoàn thành`)
    .waitFor();
}

/** Waits for the scope sentence of the report shown (it comes with the report, not the controls). */
const scope = (page: Page, text: string): Promise<void> =>
  page.getByText(text, { exact: true }).waitFor();

describe('reports in the web app', () => {
  const b = useBrowser({ baseURL: () => stack.baseUrl });

  it("the committee head's chart and list agree with GET /api/reports/overdue", async () => {
    const { page } = b;
    const [o, c] = await Promise.all([overdueReport(), completionReport()]);
    expect(o.total).toBe(5);
    await openAs(page, '/', 'head@dondoc.local');
    // Exact: the home's rows also start with "Báo cáo".
    await page.getByRole('link', { name: 'Báo cáo', exact: true }).click();
    await page.getByRole('heading', { name: REPORT_TITLE }).waitFor();
    await scope(page, 'Tất cả thông báo; mọi thời hạn.');
    await expectPageShows(page, o, c);
    await expectNoSeriousA11yViolations(page);
    await capture(page, 'reports-head');
  });

  it("'Nguy cơ chậm' lists the items not yet overdue as GET /api/reports/risk orders them, each with its risk and why", async () => {
    const { page } = b;
    const risk = await read<{
      total: number;
      items: { item: { text: string; leadName: string }; risk: number; reasons: string[] }[];
    }>('/api/reports/risk', { overdue: 'false', limit: '10' });
    // The two items due at the end of 2026 and of 2027.
    expect(risk.total).toBe(2);
    await openReports(page);
    await page.getByRole('heading', { name: 'Nguy cơ chậm' }).waitFor();
    const list = page.getByRole('list', { name: 'Nhiệm vụ có nguy cơ chậm' });
    await list.waitFor();
    const shown = await list.locator(':scope > li').allInnerTexts();
    expect(shown).toHaveLength(risk.items.length);
    risk.items.forEach((x, k) => {
      expect(shown[k]).toContain(`Nguy cơ ${Math.round(x.risk * 100)}%`);
      expect(shown[k]).toContain(x.item.text);
      expect(shown[k]).toContain(x.item.leadName);
      for (const reason of x.reasons.slice(0, 3)) expect(shown[k]).toContain(reason);
    });
    await page
      .getByText('Các nhiệm vụ chưa quá hạn, nguy cơ cao nhất trước.', { exact: false })
      .waitFor();
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('heading', { name: 'Nguy cơ chậm' }).scrollIntoViewIfNeeded();
    await capture(page, 'reports-risk');
  });

  it('the notice and period filters change the chart and lists as the API does, and stay in the address', async () => {
    const { page } = b;
    await openReports(page);
    await choose(page, page.getByLabel('Thông báo'), '45/TB', '45/TB-BCĐ');
    await scope(page, 'Thông báo số 45/TB-BCĐ; mọi thời hạn.');
    expect(new URL(page.url()).searchParams.get('noticeId')).toBe(noticeId);
    const byNotice = await overdueReport({ noticeId });
    expect(byNotice.total).toBe(2);
    await expectPageShows(page, byNotice, await completionReport({ noticeId }));

    // Both dates typed in a row, as a clerk does, each with Enter: both stay. On a slowed-down
    // processor the second date comes while the first one's render is still under way (the
    // router renders a navigation as a transition), which lost the first date when a change was
    // merged with the address as last rendered.
    const restore = await slowProcessor(page, 4);
    await typeDate(page, page.getByLabel('Từ ngày'), '01/10/2026');
    await typeDate(page, page.getByLabel('Đến ngày'), '31/10/2026');
    await restore();
    const sentence = 'Thông báo số 45/TB-BCĐ; nhiệm vụ có hạn từ 01/10/2026 đến 31/10/2026.';
    await scope(page, sentence);
    const filter = { noticeId, from: '2026-10-01', to: '2026-10-31' };
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual(filter);
    const both = await overdueReport(filter);
    expect(both.agencies.map((a) => [a.code, a.overdue])).toEqual([['STC', 1]]);
    await expectPageShows(page, both, await completionReport(filter));

    // The address (a reload, or shared) shows the same report with the same controls.
    await page.goto(`/bao-cao?noticeId=${noticeId}&from=2026-10-01&to=2026-10-31`);
    await scope(page, sentence);
    await expectPageShows(page, both, await completionReport(filter));
    await expect(page.getByLabel('Từ ngày').inputValue()).resolves.toBe('01/10/2026');
    await expect(page.getByLabel('Đến ngày').inputValue()).resolves.toBe('31/10/2026');
    await page.getByRole('search', { name: 'Lọc báo cáo' }).getByText('45/TB-BCĐ').waitFor();
    await expectNoSeriousA11yViolations(page);
    await capture(page, 'reports-filtered');

    // A date typed and left (a click elsewhere, no Enter) counts too.
    const to = page.getByLabel('Đến ngày');
    await to.click();
    await to.fill('30/11/2026');
    await page.getByRole('heading', { name: REPORT_TITLE }).click();
    await scope(page, 'Thông báo số 45/TB-BCĐ; nhiệm vụ có hạn từ 01/10/2026 đến 30/11/2026.');
    const autumn = { ...filter, to: '2026-11-30' };
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual(autumn);
    const longer = await overdueReport(autumn);
    expect(longer.agencies.map((a) => [a.code, a.overdue])).toEqual([
      ['STC', 1],
      ['SXD', 1],
    ]);
    await expectPageShows(page, longer, await completionReport(autumn));

    // The period alone, then no filter.
    await page.goto('/bao-cao?from=2026-10-01&to=2026-10-31');
    await scope(page, 'Tất cả thông báo; nhiệm vụ có hạn từ 01/10/2026 đến 31/10/2026.');
    const october = { from: '2026-10-01', to: '2026-10-31' };
    const period = await overdueReport(october);
    expect(period.total).toBe(2);
    await expectPageShows(page, period, await completionReport(october));
    await page.getByRole('button', { name: 'Xóa bộ lọc' }).click();
    await scope(page, 'Tất cả thông báo; mọi thời hạn.');
    expect(new URL(page.url()).search).toBe('');
  });

  it('the items list takes both due dates typed in a row, and a date typed then left', async () => {
    const { page } = b;
    await openAs(page, '/items', 'secretariat@dondoc.local');
    const list = page.getByRole('table', { name: 'Tất cả nhiệm vụ' });
    await list.getByRole('row').nth(1).waitFor();
    const restore = await slowProcessor(page, 4);
    await typeDate(page, page.getByLabel('Hạn từ ngày'), '01/10/2026');
    await typeDate(page, page.getByLabel('Hạn đến ngày'), '30/11/2026');
    await restore();
    await page.waitForURL(/dueTo=2026-11-30/);
    const autumn = { dueFrom: '2026-10-01', dueTo: '2026-11-30' };
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual(autumn);
    expect(await expectListShows(page, autumn)).toBe(4);

    // Typed and left with Tab: the list follows.
    await page.getByLabel('Hạn đến ngày').click();
    await page.getByLabel('Hạn đến ngày').fill('31/10/2026');
    await page.keyboard.press('Tab');
    await page.waitForURL(/dueTo=2026-10-31/);
    expect(await expectListShows(page, { ...autumn, dueTo: '2026-10-31' })).toBe(2);
    await popupsClosed(page);
    await expectNoSeriousA11yViolations(page);
    await capture(page, 'items-due-dates');
  });

  it('a bar opens the agency’s overdue items, an item row its page, an agency its items', async () => {
    const { page } = b;
    await openReports(page);
    await page.goto(`/bao-cao?noticeId=${noticeId}`);
    await scope(page, 'Thông báo số 45/TB-BCĐ; mọi thời hạn.');
    await page.getByRole('link', { name: 'Cột Sở Xây dựng: 1 nhiệm vụ quá hạn' }).click();
    await page.waitForURL(/\/items\?/);
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({
      lead: 'SXD',
      overdue: 'true',
      noticeId,
    });
    const list = page.getByRole('table', { name: 'Tất cả nhiệm vụ' });
    await list.getByRole('link', { name: /rà soát các dự án chậm tiến độ/ }).waitFor();
    expect(await list.getByRole('row').count()).toBe(2);

    // By keyboard: a bar is a link in the tab order. Back on the report (its sentence drawn, the
    // pointer off the chart, where the click above left it hovering a bar with its tooltip).
    await page.goBack();
    await scope(page, 'Thông báo số 45/TB-BCĐ; mọi thời hạn.');
    await page.mouse.move(0, 0);
    const bar = page.getByRole('link', { name: 'Cột Sở Tài chính: 1 nhiệm vụ quá hạn' });
    await bar.press('Enter');
    await page.waitForURL(/lead=STC/);
    await page.getByRole('table', { name: 'Tất cả nhiệm vụ' }).getByRole('row').nth(1).waitFor();
    expect(
      await page.getByRole('table', { name: 'Tất cả nhiệm vụ' }).getByRole('row').count(),
    ).toBe(2);

    await page.goBack();
    await page
      .getByRole('list', { name: 'Nhiệm vụ quá hạn của Sở Tài chính' })
      .getByRole('link', { name: /tổng hợp tình hình giải ngân/ })
      .click();
    await page.waitForURL(/\/items\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: /tổng hợp tình hình giải ngân/ }).waitFor();

    await page.goBack();
    await page
      .getByRole('table', { name: 'Tỷ lệ hoàn thành theo cơ quan' })
      .getByRole('link', { name: 'Sở Tài chính', exact: true })
      .click();
    await page.waitForURL(/lead=STC/);
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ lead: 'STC', noticeId });
  });

  it('prints without navigation, filters or buttons, titled with the date and the filter, on A4', async () => {
    const { page } = b;
    await openReports(page);
    await page.goto(`/bao-cao?noticeId=${noticeId}&from=2026-09-01&to=2026-12-31`);
    const sentence = 'Thông báo số 45/TB-BCĐ; nhiệm vụ có hạn từ 01/09/2026 đến 31/12/2026.';
    await scope(page, sentence);
    const o = await overdueReport({ noticeId, from: '2026-09-01', to: '2026-12-31' });

    // "In báo cáo" asks the browser to print.
    await page.evaluate(() => {
      const g = globalThis as unknown as { print: () => void; printed?: number };
      g.printed = 0;
      g.print = () => void (g.printed = (g.printed ?? 0) + 1);
    });
    await page.getByRole('button', { name: 'In báo cáo' }).click();
    expect(await page.evaluate(() => (globalThis as unknown as { printed?: number }).printed)).toBe(
      1,
    );

    await page.emulateMedia({ media: 'print' });
    const title = `Báo cáo ngày ${o.asOf.slice(8, 10)}/${o.asOf.slice(5, 7)}/${o.asOf.slice(0, 4)}`;
    await page.getByRole('heading', { name: title }).waitFor();
    await scope(page, sentence);
    for (const hidden of [
      page.getByRole('navigation', { name: 'Chức năng' }),
      page.getByRole('search', { name: 'Lọc báo cáo' }),
      page.getByRole('button', { name: 'In báo cáo' }),
      page.getByRole('button', { name: 'Đăng xuất' }),
    ]) {
      expect(await hidden.isHidden()).toBe(true);
    }
    // About the width of an A4 page inside its margins: nothing sticks out, the chart fits and
    // its bars are drawn, the completion is the table (a phone's cards on screen at this width).
    await page.setViewportSize({ width: 700, height: 1000 });
    await page.getByRole('table', { name: 'Tỷ lệ hoàn thành theo cơ quan' }).waitFor();
    const overflow = await horizontalOverflow(page);
    expect(overflow.widest).toEqual([]);
    const chart = await page.getByRole('figure').boundingBox();
    expect(chart && chart.x + chart.width).toBeLessThanOrEqual(700);
    for (const a of o.agencies) {
      const bar = await page
        .getByRole('link', { name: `Cột ${a.name}: ${a.overdue} nhiệm vụ quá hạn` })
        .boundingBox();
      expect(bar?.width).toBeGreaterThan(20);
      expect(bar && bar.x + bar.width).toBeLessThanOrEqual(700);
    }
    // Legible on paper: the chart is drawn at its printed size (not scaled down), its labels
    // at least 9 pt (12 CSS px); the table's header repeats on every page and rows stay whole.
    const labels = await page
      .getByRole('figure')
      .locator('svg')
      .evaluateAll((svgs) =>
        svgs.map((s) => {
          const svg = s as unknown as PrintedSvg;
          const scale = svg.getBoundingClientRect().width / svg.width.baseVal.value;
          return [...svg.querySelectorAll('text')].map(
            (t) => parseFloat(getComputedStyle(t).fontSize) * scale,
          );
        }),
      );
    const sizes = labels.flat();
    expect(sizes.length).toBeGreaterThan(o.agencies.length);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
    const table = page.getByRole('table', { name: 'Tỷ lệ hoàn thành theo cơ quan' });
    const layout = await table.evaluate((t) => {
      const el = t as unknown as PrintedTable;
      const style = (q: string) => getComputedStyle(el.querySelector(q));
      return [style('thead').display, style('tbody tr').breakInside];
    });
    expect(layout).toEqual(['table-header-group', 'avoid']);
    await mkdir(SCREENS_DIR, { recursive: true });

    await page.screenshot({ path: join(SCREENS_DIR, 'reports-print-700.png'), fullPage: true });
    const pdf = join(SCREENS_DIR, 'reports-print.pdf');
    await page.pdf({ path: pdf, format: 'A4', printBackground: true });
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    expect(statSync(pdf).size).toBeGreaterThan(10_000);
    // Its first page as a picture to look at, where poppler's pdftoppm is installed.
    if (existsSync('/usr/bin/pdftoppm')) {
      execFileSync('/usr/bin/pdftoppm', [
        '-png',
        '-r',
        '60',
        '-f',
        '1',
        '-l',
        '1',
        '-singlefile',
        pdf,
        join(SCREENS_DIR, 'reports-print'),
      ]);
      expect(existsSync(join(SCREENS_DIR, 'reports-print.png'))).toBe(true);
    }
    await page.emulateMedia({ media: 'screen' });
  });

  it('on a phone every figure stays visible: agency, count, days overdue, each completion figure', async () => {
    const { page } = b;
    await page.setViewportSize({ width: 390, height: 844 });
    await openReports(page);
    const [o, c] = await Promise.all([overdueReport(), completionReport()]);
    await page
      .getByRole('heading', { name: `Nhiệm vụ quá hạn theo cơ quan (${o.total})` })
      .waitFor();
    for (const a of o.agencies) {
      await page
        .getByRole('link', { name: `${a.name}: ${a.overdue} nhiệm vụ quá hạn`, exact: true })
        .waitFor();
      const items = page.getByRole('list', { name: `Nhiệm vụ quá hạn của ${a.name}` });
      for (const i of a.items) {
        await items.getByText(`quá hạn ${i.daysOverdue} ngày làm việc`).first().waitFor();
      }
    }
    const cards = page.getByRole('list', { name: 'Tỷ lệ hoàn thành theo cơ quan' });
    expect(await cards.getByRole('listitem').count()).toBe(c.agencies.length);
    for (const a of c.agencies) {
      const card = cards
        .getByRole('listitem')
        .filter({ has: page.getByRole('link', { name: a.name, exact: true }) });
      expect(await card.getByRole('term').allInnerTexts()).toHaveLength(10);
      expect(await card.getByRole('definition').allInnerTexts()).toEqual(figures(a));
    }
    const overflow = await horizontalOverflow(page);
    expect(overflow.widest).toEqual([]);
    await expectNoSeriousA11yViolations(page);
  });

  it("the secretariat's home counts what is overdue and links to the list", async () => {
    const { page } = b;
    await openAs(page, '/', 'secretariat@dondoc.local');
    const overdue = page.getByRole('link', { name: 'Quá hạn' });
    await overdue.getByText('5', { exact: true }).waitFor();
    await expectNoSeriousA11yViolations(page);
    await capture(page, 'secretariat-home');
    await overdue.click();
    await page.getByText('5 nhiệm vụ').or(page.getByRole('row')).first().waitFor();
    expect(page.url()).toContain('overdue=true');
  });
});
