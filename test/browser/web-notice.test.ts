import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { ParsedNotice } from '../../libs/domain/src';
import { startBrowserStack, type BrowserStack } from './support/app';
import { expectNoSeriousA11yViolations } from './support/axe';
import { useBrowser } from './support/browser';
import { capture } from './support/screens';
import { openAs } from './support/login';

/**
 * Issue 8: the notice page with every item's live status, the notices list, the notice on the item
 * page, the committee head's notice filter; an agency sees only its own items of a notice (ADR 0015).
 */

const seed = readFileSync(
  join(__dirname, '../../libs/domain/src/notice/fixtures/000_948b8539ce48aaaf.txt'),
  'utf8',
);
const NUMBER = '05/TB-BCĐ';
const OTHER_TITLE = 'Kết luận về nâng cấp trạm y tế cơ sở';
const OTHER_TEXT = 'Nâng cấp trạm y tế các xã vùng cao';

/** The contract's labels of the live status (apps/web/src/labels.ts). */
const STATUS_LABELS: Record<string, string> = {
  open: 'Đang thực hiện',
  overdue: 'Quá hạn',
  submitted: 'Chờ xác nhận hoàn thành',
  completed: 'Đã hoàn thành',
  cancelled: 'Đã hủy',
};

interface NoticeItem {
  id: string;
  code: string;
  lead: string;
  leadName: string | null;
  status: string;
  overdue: boolean;
  daysOverdue: number;
}
interface Notice {
  id: string;
  title: string;
  counts: Record<string, number>;
  items: NoticeItem[];
}

let stack: BrowserStack;
let secretariat: string;
let notice: Notice;
let other: Notice;

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

async function readNotice(token: string, id: string): Promise<Notice> {
  return (await stack.http().get(`/api/notices/${id}`).set(auth(token)).expect(200)).body as Notice;
}

async function waitForStatus(id: string, status: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const res = await stack.http().get(`/api/items/${id}`).set(auth(secretariat)).expect(200);
    if ((res.body as { status: string }).status === status) return;
    if (Date.now() > deadline) throw new Error(`${id} not ${status}: ${JSON.stringify(res.body)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

beforeAll(async () => {
  stack = await startBrowserStack();
  secretariat = await stack.login('secretariat@dondoc.local');
  const preview = await stack
    .http()
    .post('/api/notices/preview')
    .set(auth(secretariat))
    .send({ text: seed })
    .expect(200);
  const parsed = preview.body as ParsedNotice;
  // The seed has no number: the secretariat types the one on the signed paper.
  parsed.notice = { ...parsed.notice, number: NUMBER, issuedOn: '2026-01-16' };
  const assign: Record<string, string> = { '2.a': 'SNV', '2.b': 'SNV', '2.c': 'SXD', '2.d': 'SXD' };
  const items = parsed.items.map((i) => (i.lead.length > 0 ? i : { ...i, lead: [assign[i.code]] }));
  const confirmed = await stack
    .http()
    .post('/api/notices')
    .set(auth(secretariat))
    .send({ text: seed, parsed, items })
    .expect(201);
  const noticeId = (confirmed.body as Notice).id;
  other = (
    await stack
      .http()
      .post('/api/notices')
      .set(auth(secretariat))
      .send({
        parsed: {
          notice: {
            number: null,
            title: OTHER_TITLE,
            issuedOn: null,
            meetingDate: null,
            chair: null,
          },
          items: [],
          warnings: [],
        },
        items: [{ code: '1', text: OTHER_TEXT, lead: 'SYT', due: '2027-03-31' }],
      })
      .expect(201)
  ).body as Notice;

  // Sở Tài chính finishes 2.g.5 (accepted) and reports 2.g.3 done (waiting for acceptance).
  const stc = await stack.login('stc@dondoc.local');
  const byCode = new Map((await readNotice(secretariat, noticeId)).items.map((i) => [i.code, i]));
  for (const code of ['2.g.5', '2.g.3']) {
    await stack
      .http()
      .post(`/api/items/${byCode.get(code)!.id}/submit`)
      .set(auth(stc))
      .send({ note: 'Đã hoàn thành' })
      .expect(200);
  }
  const done = byCode.get('2.g.5')!.id;
  await stack.http().post(`/api/items/${done}/accept`).set(auth(secretariat)).send({}).expect(200);
  await waitForStatus(done, 'completed');
  await waitForStatus(byCode.get('2.g.3')!.id, 'submitted');
  notice = await readNotice(secretariat, noticeId);
}, 120_000);
afterAll(async () => {
  await stack?.close();
});

/** The body rows of a table (the header row has column headers, not cells). */
const bodyRows = (table: Locator): Locator =>
  table.getByRole('row').filter({ has: table.page().getByRole('cell') });

/** Each row of the notice's table shows its item's code, lead, deadline state and live status. */
async function expectItemRows(page: Page, items: readonly NoticeItem[]): Promise<void> {
  const table = page.getByRole('table', { name: 'Nhiệm vụ của thông báo' });
  const rows = bodyRows(table);
  await rows.first().waitFor();
  expect(await rows.count()).toBe(items.length);
  for (const [n, item] of items.entries()) {
    const row = rows.nth(n);
    await row.getByRole('cell', { name: item.code, exact: true }).waitFor();
    const text = await row.innerText();
    const status = item.overdue ? 'overdue' : item.status;
    expect(text).toContain(STATUS_LABELS[status]);
    if (item.daysOverdue > 0) expect(text).toContain(`${item.daysOverdue} ngày làm việc`);
    expect(text).toContain(item.leadName ?? item.lead);
  }
}

describe('the notice page', () => {
  const b = useBrowser({ baseURL: () => stack.baseUrl });

  it('the secretariat opens the notices list, the notice with every item, then an item of it', async () => {
    const { page } = b;
    expect(notice.counts).toMatchObject({ total: 11, completed: 1, submitted: 1 });
    await openAs(page, '/', 'secretariat@dondoc.local');
    await page.getByRole('link', { name: 'Thông báo', exact: true }).click();
    await page.getByRole('heading', { name: 'Thông báo', exact: true, level: 1 }).waitFor();
    const list = page.getByRole('table', { name: 'Danh sách thông báo' });
    const rows = bodyRows(list);
    await rows.first().waitFor();
    // Newest first: the notice confirmed last comes first.
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).innerText()).toContain(OTHER_TITLE);
    await rows.nth(1).getByRole('cell', { name: '11', exact: true }).waitFor();
    await expectNoSeriousA11yViolations(page);
    await capture(page, 'notices-list');

    await list.getByRole('link', { name: NUMBER }).click();
    await page.getByRole('heading', { name: `Thông báo số ${NUMBER}`, level: 1 }).waitFor();
    for (const fact of ['16/01/2026', '15/01/2026', 'Đoàn Thanh Sơn']) {
      await page.getByRole('main').getByText(fact, { exact: true }).waitFor();
    }
    const counts = page.getByRole('list', { name: 'Số nhiệm vụ theo trạng thái' });
    for (const status of ['overdue', 'open', 'submitted', 'completed', 'cancelled']) {
      await counts
        .getByText(`${STATUS_LABELS[status]}: ${notice.counts[status]}`, { exact: true })
        .waitFor();
    }
    await expectItemRows(page, notice.items);
    await expectNoSeriousA11yViolations(page);
    await capture(page, 'notice-page');

    // By keyboard: the item's link, then the notice's link on the item page back.
    const table = page.getByRole('table', { name: 'Nhiệm vụ của thông báo' });
    const index = notice.items.findIndex((i) => i.code === '2.g.1');
    await bodyRows(table).nth(index).getByRole('link').press('Enter');
    await page.waitForURL(`**/items/${notice.items[index]!.id}`);
    const back = page.getByRole('link', { name: `Thông báo số ${NUMBER}` });
    await back.waitFor();
    await page.getByText(notice.title, { exact: false }).first().waitFor();
    await page.getByRole('main').getByText('Mục', { exact: true }).waitFor();
    await page.getByRole('main').getByText('2.g.1', { exact: true }).waitFor();
    await back.press('Enter');
    await page.getByRole('heading', { name: `Thông báo số ${NUMBER}`, level: 1 }).waitFor();
  });

  it('a notice without a number is headed "Thông báo (không số)" and its title', async () => {
    const { page } = b;
    await openAs(page, `/notices/${other.id}`, 'secretariat@dondoc.local');
    await page
      .getByRole('heading', { name: `Thông báo (không số) ${OTHER_TITLE}`, level: 1 })
      .waitFor();
    await expectItemRows(page, other.items);
  });

  it('the committee head lists the notices and filters the items by one', async () => {
    const { page } = b;
    await openAs(page, '/', 'head@dondoc.local');
    await page.getByRole('link', { name: 'Thông báo', exact: true }).click();
    const list = page.getByRole('table', { name: 'Danh sách thông báo' });
    await list.getByRole('link', { name: NUMBER }).waitFor();
    expect(await bodyRows(list).count()).toBe(2);

    await page.getByRole('link', { name: 'Nhiệm vụ', exact: true }).click();
    const all = page.getByRole('table', { name: 'Tất cả nhiệm vụ' });
    await all.getByRole('link', { name: OTHER_TEXT }).waitFor();
    await page.getByRole('combobox', { name: 'Thông báo', exact: true }).click();
    // The option (its title); the table's cells carry the number too.
    await page.getByTitle(NUMBER, { exact: true }).click();
    await page.waitForURL(new RegExp(`/items\\?(.*&)?noticeId=${notice.id}`));
    await all.getByRole('link', { name: OTHER_TEXT }).waitFor({ state: 'detached' });
    expect(await bodyRows(all).count()).toBe(notice.items.length);
    // Each row says which notice it is from ("2.a" of two notices look alike), a card too.
    expect(await all.getByRole('cell', { name: NUMBER, exact: true }).count()).toBe(
      notice.items.length,
    );
    await page.goBack();
    await all.getByRole('link', { name: OTHER_TEXT }).waitFor();
    const otherRow = bodyRows(all).filter({ hasText: OTHER_TEXT });
    // A notice without a number is told apart by its title.
    await otherRow.getByRole('cell', { name: `(không số) ${OTHER_TITLE}`, exact: true }).waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    const cards = page.getByRole('region', { name: 'Tất cả nhiệm vụ' }).getByRole('listitem');
    await cards.filter({ hasText: OTHER_TEXT }).getByText(`Thông báo: ${OTHER_TITLE} ·`).waitFor();
    await cards.first().waitFor();
    expect(await cards.filter({ hasText: `Thông báo số ${NUMBER} ·` }).count()).toBeGreaterThan(0);
  });

  it('an agency sees only its own items of a notice, and no notice without any', async () => {
    const { page } = b;
    const own = notice.items.filter((i) => i.lead === 'STC');
    await openAs(page, '/', 'stc@dondoc.local');
    // Its menu lists the notices in which it has work, and no other (issue 8 blind check).
    await page.getByRole('link', { name: 'Thông báo', exact: true }).click();
    const list = page.getByRole('table', { name: 'Danh sách thông báo' });
    await list.getByRole('link', { name: NUMBER }).waitFor();
    expect(await bodyRows(list).count()).toBe(1);
    await page.goto(`/items/${own[0]!.id}`);
    await page.getByRole('link', { name: `Thông báo số ${NUMBER}` }).click();
    await page.getByRole('heading', { name: `Thông báo số ${NUMBER}`, level: 1 }).waitFor();
    await page.getByText('Chỉ hiển thị các nhiệm vụ cơ quan bạn chủ trì hoặc phối hợp.').waitFor();
    const stc = await readNotice(await stack.login('stc@dondoc.local'), notice.id);
    expect(stc.items.map((i) => i.code)).toEqual(own.map((i) => i.code));
    await expectItemRows(page, stc.items);
    const table = page.getByRole('table', { name: 'Nhiệm vụ của thông báo' });
    expect(await table.getByRole('cell', { name: '2.đ', exact: true }).count()).toBe(0);
    await expectNoSeriousA11yViolations(page);
    await capture(page, 'notice-agency');

    await page.goto(`/notices/${other.id}`);
    await page.getByText('Không có quyền truy cập', { exact: true }).waitFor();
    await page.getByText('Thông báo này không có nhiệm vụ nào của cơ quan bạn.').waitFor();
    expect(await page.getByText(OTHER_TEXT).count()).toBe(0);
  });
});
