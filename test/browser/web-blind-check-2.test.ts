import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { signItemLink } from '../../libs/security/src';
import type { ParsedNotice } from '../../libs/domain/src';
import { startBrowserStack, type BrowserStack } from './support/app';
import { expectNoSeriousA11yViolations } from './support/axe';
import { useBrowser } from './support/browser';
import { capture, expectNoHorizontalScroll } from './support/screens';
import { openAs } from './support/login';
import { isFocused } from './support/controls';

/**
 * The second blind user check: the date filters let the Tab key go on, the signed-link page names
 * the co-ordinating agencies, the facts do not break dates, tags and durations, the link page
 * offers no second extension request, the history says whom each mail went to, the notice page's
 * card heading wraps on a phone, focus is visible, paging starts at the top, and each page has
 * its own browser title.
 */

const TEXT = 'Rà soát hồ sơ đất đai các dự án chậm tiến độ';
const seed = readFileSync(
  join(__dirname, '../../libs/domain/src/notice/fixtures/000_948b8539ce48aaaf.txt'),
  'utf8',
);

let stack: BrowserStack;
let secretariat: string;
let stc: string;
let itemId: string;
let noticeId: string;
let token: string;
let names: Map<string, string>;
let support: string[];

const auth = (t: string) => ({ authorization: `Bearer ${t}` });
const day = (days: number): string =>
  new Date(Date.now() + 7 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  stack = await startBrowserStack();
  [secretariat, stc] = await Promise.all([
    stack.login('secretariat@dondoc.local'),
    stack.login('stc@dondoc.local'),
  ]);
  const agencies = (await stack.http().get('/api/agencies').set(auth(secretariat)).expect(200))
    .body as { code: string; name: string }[];
  names = new Map(agencies.map((a) => [a.code, a.name]));
  support = agencies
    .map((a) => a.code)
    .filter((c) => c !== 'STC')
    .slice(0, 2);
  const created = await stack
    .http()
    .post('/api/items')
    .set(auth(secretariat))
    .send({ text: TEXT, lead: 'STC', support, due: day(20) })
    .expect(201);
  itemId = (created.body as { id: string }).id;
  token = signItemLink(
    { itemId, agencyCode: 'STC', deadlineVersion: 1, issuedAtMs: Date.now() },
    stack.config.linkSigningSecret,
  );
  // More than a page of items (20) for the pager.
  for (let batch = 0; batch < 3; batch++) {
    await Promise.all(
      Array.from({ length: 7 }, (_, i) =>
        stack
          .http()
          .post('/api/items')
          .set(auth(secretariat))
          .send({
            text: `Nhiệm vụ kiểm tra phân trang số ${batch * 7 + i + 1}`,
            lead: 'STC',
            due: day(40 + i),
          })
          .expect(201),
      ),
    );
  }
  const preview = await stack
    .http()
    .post('/api/notices/preview')
    .set(auth(secretariat))
    .send({ text: seed })
    .expect(200);
  const parsed = preview.body as ParsedNotice;
  const items = parsed.items.map((i) => (i.lead.length > 0 ? i : { ...i, lead: ['SXD'] }));
  const confirmed = await stack
    .http()
    .post('/api/notices')
    .set(auth(secretariat))
    .send({ text: seed, parsed, items })
    .expect(201);
  noticeId = (confirmed.body as { id: string }).id;
}, 180_000);
afterAll(async () => {
  await stack?.close();
});

/** Presses Tab until the element has the focus; fails after `max` presses. */
async function tabTo(page: Page, locator: Locator, max: number): Promise<number> {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press('Tab');
    if (await isFocused(locator)) return i;
  }
  throw new Error(`${String(locator)} never got the focus in ${max} Tabs`);
}

/** One line of text: its box is no taller than one line of its font. */
async function expectOneLine(locator: Locator): Promise<void> {
  const lines = await locator.evaluate((el) => {
    const { getComputedStyle } = globalThis as unknown as {
      getComputedStyle: (e: unknown) => { lineHeight: string; fontSize: string };
    };
    const box = (el as { getBoundingClientRect(): { height: number } }).getBoundingClientRect();
    const style = getComputedStyle(el);
    const line = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.6;
    return box.height / line;
  });
  expect(lines).toBeLessThan(1.6);
}

const outlineOf = (locator: Locator) =>
  locator.evaluate((el) => {
    const { getComputedStyle } = globalThis as unknown as {
      getComputedStyle: (e: unknown) => { outlineStyle: string; outlineWidth: string };
    };
    const s = getComputedStyle(el);
    return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
  });

describe('the second blind user check', () => {
  const b = useBrowser({ baseURL: () => stack.baseUrl });

  it('the Tab key goes through the date filters on to "Xóa bộ lọc" and the rows; focus shows', async () => {
    const { page } = b;
    await openAs(page, '/items', 'secretariat@dondoc.local');
    const list = page.getByRole('region', { name: 'Tất cả nhiệm vụ' });
    await list.getByRole('link').first().waitFor();
    expect(await page.title()).toBe('Danh sách nhiệm vụ — Đôn Đốc');
    // A counter card shows a clear ring when reached by the keyboard.
    const card = page.getByRole('link', { name: /^Quá hạn/ });
    await page.getByRole('searchbox', { name: 'Tìm trong nội dung' }).focus();
    await page.keyboard.press('Shift+Tab');
    for (let i = 0; i < 10 && !(await isFocused(card)); i++) await page.keyboard.press('Shift+Tab');
    expect(await isFocused(card)).toBe(true);
    expect(await outlineOf(card)).toEqual({ style: 'solid', width: 3 });
    // From the first date field the Tab key goes on: the second, the sort, "Xóa bộ lọc", a row.
    await page.getByRole('textbox', { name: 'Hạn từ ngày' }).focus();
    await tabTo(page, page.getByRole('textbox', { name: 'Hạn đến ngày' }), 2);
    await tabTo(page, page.getByRole('combobox', { name: 'Sắp xếp' }), 3);
    await tabTo(page, page.getByRole('button', { name: 'Xóa bộ lọc' }), 3);
    await tabTo(page, list.getByRole('link').first(), 15);
    await expectNoSeriousA11yViolations(page);
  });

  it('paging on a phone starts at the top of the next page', async () => {
    const { page } = b;
    await page.setViewportSize({ width: 390, height: 800 });
    await openAs(page, '/items', 'secretariat@dondoc.local');
    const list = page.getByRole('region', { name: 'Tất cả nhiệm vụ' });
    const first = list.getByRole('link').first();
    await first.waitFor();
    const before = await first.textContent();
    const next = page.getByTitle('Trang Kế');
    await next.scrollIntoViewIfNeeded();
    await next.click();
    await page.waitForURL((url) => url.searchParams.get('page') === '2');
    for (let i = 0; i < 50 && (await first.textContent()) === before; i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await first.textContent()).not.toBe(before);
    const top = await first.evaluate(
      (el) => (el as { getBoundingClientRect(): { top: number } }).getBoundingClientRect().top,
    );
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(400);
  });

  it('the signed link names the co-ordinating agencies and offers no second extension request', async () => {
    const { page } = b;
    const request = await stack
      .http()
      .post(`/api/items/${itemId}/extension-requests`)
      .set(auth(stc))
      .send({ due: day(60), reason: 'Chờ số liệu của các xã.' })
      .expect(201);
    const requestId = (request.body as { requestId: string }).requestId;
    const link = await stack.http().get(`/api/links/${token}`).expect(200);
    expect((link.body as { actions: string[] }).actions).toEqual(['progress', 'submit']);
    expect((link.body as { item: { supportNames: string[] } }).item.supportNames).toEqual(
      support.map((c) => names.get(c)),
    );

    await page.goto(`/items/${itemId}?t=${token}`);
    await page.getByRole('heading', { name: TEXT }).waitFor();
    await page.getByText(support.map((c) => names.get(c)).join('; '), { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Báo cáo tiến độ' }).waitFor();
    expect(await page.getByRole('button', { name: 'Đề nghị gia hạn' }).count()).toBe(0);
    expect(await page.title()).toBe(`${TEXT} — Đôn Đốc`);
    await expectNoSeriousA11yViolations(page);
    await capture(page, 'blind2-link-pending-extension');

    // The decisions and the reassignment that mail the lead agency, for the history below.
    await stack
      .http()
      .post(`/api/items/${itemId}/extension-requests/${requestId}/reject`)
      .set(auth(secretariat))
      .send({ reason: 'Đủ thời gian thực hiện.' })
      .expect(200);
    await stack
      .http()
      .post(`/api/items/${itemId}/submit`)
      .set(auth(stc))
      .send({ note: 'Đã rà soát xong.' })
      .expect(200);
    await stack
      .http()
      .post(`/api/items/${itemId}/return`)
      .set(auth(secretariat))
      .send({ reason: 'Thiếu danh sách dự án.' })
      .expect(200);
    await stack
      .http()
      .post(`/api/items/${itemId}/reassign`)
      .set(auth(secretariat))
      .send({ lead: support[0], reason: 'Đúng chức năng hơn.' })
      .expect(200);
  });

  it('the item page: whole dates and tags, the recipients of every mail in the history', async () => {
    const { page } = b;
    await openAs(page, `/items/${itemId}`, 'secretariat@dondoc.local');
    await page.getByRole('heading', { name: TEXT }).waitFor();
    expect(await page.title()).toBe(`${TEXT} — Đôn Đốc`);
    const shownDue = day(20).split('-').reverse().join('/');
    await expectOneLine(page.getByText(shownDue, { exact: true }).first());
    await expectOneLine(page.getByText('Đang thực hiện', { exact: true }).first());
    const history = page.getByRole('region', { name: 'Lịch sử' });
    const lead = `Thư gửi đến: ${names.get('STC')} (cơ quan chủ trì)`;
    // The reassignment: the new lead, and the former one told it no longer leads (blind check).
    const newLead = `Thư gửi đến: ${names.get(support[0]!)} (cơ quan chủ trì mới); ${names.get('STC')} (cơ quan chủ trì trước đây)`;
    await history.getByText(newLead, { exact: true }).waitFor();
    // The assignment's recipients by name, not by address (issue 8 blind check).
    const assigned = `Thư gửi đến: ${['STC', ...support].map((c) => names.get(c)).join(', ')}`;
    expect(await history.getByText(assigned, { exact: true }).count()).toBe(1);
    // Refused extension and return: to STC, the lead then; reassignment: to the new lead.
    expect(await history.getByText(lead, { exact: true }).count()).toBe(2);
    // The extension request and the completion report: to the Văn phòng.
    expect(
      await history.getByText('Thư gửi đến: Văn phòng UBND tỉnh', { exact: true }).count(),
    ).toBe(2);
    await expectNoSeriousA11yViolations(page);
    await capture(page, 'blind2-item-facts');
    // On a phone each label sits above its value (capture checked there is no sideways scroll).
    await page.setViewportSize({ width: 390, height: 800 });
    await new Promise((r) => setTimeout(r, 500));
    await expectNoHorizontalScroll(page);
    await expectOneLine(page.getByText(shownDue, { exact: true }).first());
  });

  it('the notice page on a phone: the card heading and its link each whole', async () => {
    const { page } = b;
    await page.setViewportSize({ width: 390, height: 800 });
    await openAs(page, `/notices/${noticeId}`, 'secretariat@dondoc.local');
    const heading = page.getByRole('heading', { name: 'Nhiệm vụ của thông báo' });
    await heading.waitFor();
    expect(await page.title()).toMatch(/ — Đôn Đốc$/);
    const link = page.getByRole('link', { name: 'Lọc trong danh sách nhiệm vụ' });
    const [h, l] = [await heading.boundingBox(), await link.boundingBox()];
    // Not cut: the heading's text fits its box; not run together: the link is beside or below.
    const cut = await heading.evaluate(
      (el) =>
        (el as { scrollWidth: number; clientWidth: number }).scrollWidth >
        (el as { clientWidth: number }).clientWidth,
    );
    expect(cut).toBe(false);
    expect(l!.y >= h!.y + h!.height - 1 || l!.x >= h!.x + h!.width).toBe(true);
    await expectNoSeriousA11yViolations(page);
    await capture(page, 'blind2-notice-phone');
  });
});
