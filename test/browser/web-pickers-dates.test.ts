import type { Locator, Page } from 'playwright-core';
import { startBrowserStack, type BrowserStack } from './support/app';
import { expectNoSeriousA11yViolations } from './support/axe';
import { useBrowser } from './support/browser';
import { choose, fieldLabelled, popupsClosed } from './support/controls';
import { openAs } from './support/login';

/**
 * A blind check of agency pickers and date fields: every agency picker finds agencies typed
 * without diacritics and offers no inactive agency where work is assigned; the lead is not also a
 * co-ordinating agency; dates are typed as notices write them (5/3/2027, 2027-03-06) and kept on
 * Enter and on Tab; an upside-down period is refused aloud; Enter in a dialog's date field does
 * not send the dialog; the clear buttons are read "Xóa".
 */

const TEXT = 'Rà soát quy hoạch mạng lưới chợ trên địa bàn tỉnh';
const NOTICE = `THÔNG BÁO
Kết luận của Phó Chủ tịch UBND tỉnh tại cuộc họp về du lịch
Sau khi nghe báo cáo, đồng chí Phó Chủ tịch UBND tỉnh kết luận như sau:
1. Giao Sở Tài chính bố trí kinh phí thực hiện, hoàn thành trước ngày 31/12/2026.
Văn phòng UBND tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./.`;

let stack: BrowserStack;
let id: string;
let extId: string;
beforeAll(async () => {
  stack = await startBrowserStack();
  const secretariat = await stack.login('secretariat@dondoc.local');
  const auth = `Bearer ${secretariat}`;
  const res = await stack
    .http()
    .post('/api/items')
    .set('authorization', auth)
    .send({ text: TEXT, lead: 'STC', due: '2027-03-31' })
    .expect(201);
  id = (res.body as { id: string }).id;
  const ext = await stack
    .http()
    .post('/api/items')
    .set('authorization', auth)
    .send({ text: `${TEXT} năm 2027`, lead: 'STC', due: '2027-03-31' })
    .expect(201);
  extId = (ext.body as { id: string }).id;
  // An agency no longer working: never offered where work is given.
  await stack
    .http()
    .patch('/api/agencies/SNV')
    .set('authorization', auth)
    .send({ active: false })
    .expect(200);
}, 120_000);
afterAll(async () => {
  await stack?.close();
});

/** What a field holds as typed or shown. */
const valueOf = (field: Locator): Promise<string> => field.inputValue();

/** Whether a select, `typed` into, offers the option `name` (the list for screen readers). */
async function offers(page: Page, select: Locator, typed: string, name: string): Promise<boolean> {
  await select.click();
  await select.fill(typed);
  // The list filters as one types: give it a render to settle on what was typed.
  await page.waitForTimeout(300);
  const count = await page.getByRole('option', { name, exact: true }).count();
  await page.keyboard.press('Escape');
  await popupsClosed(page);
  return count > 0;
}

describe('agency pickers', () => {
  const b = useBrowser({ baseURL: () => stack.baseUrl });

  it('"Chuyển cơ quan chủ trì" finds an agency typed without diacritics and offers no inactive one', async () => {
    const { page } = b;
    await openAs(page, `/items/${id}`, 'secretariat@dondoc.local');
    await page.getByRole('heading', { name: TEXT }).waitFor();
    await page.getByRole('button', { name: 'Chuyển cơ quan chủ trì' }).click();
    const dialog = page.getByRole('dialog', { name: 'Chuyển cơ quan chủ trì' });
    const lead = dialog.getByLabel('Cơ quan chủ trì mới');
    expect(await offers(page, lead, 'noi vu', 'Sở Nội vụ')).toBe(false);
    await choose(page, lead, 'so cong thuong', 'Sở Công Thương');
    await popupsClosed(page);
    await dialog.getByRole('button', { name: 'Gửi' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Đã chuyển cơ quan chủ trì.').waitFor();
  });

  it('the items filters find agencies without diacritics; "Thông báo" can be searched', async () => {
    const { page } = b;
    await openAs(page, '/items', 'secretariat@dondoc.local');
    await page.getByRole('heading', { name: 'Nhiệm vụ', exact: true }).waitFor();
    const lead = page.getByLabel('Cơ quan chủ trì');
    await choose(page, lead, 'so tai chinh', 'Sở Tài chính');
    await popupsClosed(page);
    await page.waitForURL(/lead=STC/);
    // An inactive agency stays in a filter: items it led are still found.
    expect(await offers(page, lead, 'noi vu', 'Sở Nội vụ')).toBe(true);
    expect(await page.getByLabel('Thông báo').isEditable()).toBe(true);
  });

  it('"Tạo tài khoản" finds the agency typed without diacritics', async () => {
    const { page } = b;
    await openAs(page, '/', 'secretariat@dondoc.local');
    await page.getByRole('link', { name: 'Tài khoản' }).click();
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tạo tài khoản' });
    await choose(page, dialog.getByLabel('Vai trò'), 'Cơ quan');
    await popupsClosed(page);
    await choose(page, fieldLabelled(dialog, 'Cơ quan'), 'so y te', 'Sở Y tế (SYT)');
    await popupsClosed(page);
    await dialog.getByTitle('Sở Y tế (SYT)').waitFor();
  });

  it('the intake preview does not offer the lead as a co-ordinating agency, and says when it moves one', async () => {
    const { page } = b;
    await openAs(page, '/', 'secretariat@dondoc.local');
    await page.getByRole('link', { name: 'Nhập thông báo' }).click();
    await page.getByLabel('Nội dung thông báo kết luận').fill(NOTICE);
    await page.getByRole('button', { name: 'Xem trước' }).press('Enter');
    const item = page.getByRole('group', { name: 'Mục 1', exact: true });
    const support = item.getByLabel('Cơ quan phối hợp');
    const lead = item.getByLabel('Cơ quan chủ trì');
    await item.getByTitle('Sở Tài chính', { exact: true }).first().waitFor();
    expect(await offers(page, support, 'tai chinh', 'Sở Tài chính')).toBe(false);
    expect(await offers(page, lead, 'noi vu', 'Sở Nội vụ')).toBe(false);

    await choose(page, support, 'so y te', 'Sở Y tế');
    await page.keyboard.press('Escape');
    await popupsClosed(page);
    await choose(page, lead, 'so y te', 'Sở Y tế');
    await popupsClosed(page);
    await item
      .getByText('Đã bỏ Sở Y tế khỏi cơ quan phối hợp vì là cơ quan chủ trì.', { exact: true })
      .waitFor();
    expect(await offers(page, support, 'y te', 'Sở Y tế')).toBe(false);

    // Dates as notices write them, kept on Tab and on Enter.
    const due = item.getByLabel('Ngày hạn', { exact: true });
    expect(await due.getAttribute('placeholder')).toBe('ngày/tháng/năm');
    await due.click();
    await due.fill('5/3/2027');
    await page.keyboard.press('Tab');
    await popupsClosed(page);
    expect(await valueOf(due)).toBe('05/03/2027');
    await due.click();
    await due.fill('2027-03-06');
    await page.keyboard.press('Enter');
    await popupsClosed(page);
    expect(await valueOf(due)).toBe('06/03/2027');
    await page.keyboard.press('Tab');
    expect(await valueOf(due)).toBe('06/03/2027');
    await expectNoSeriousA11yViolations(page);
  });
});

describe('date fields', () => {
  const b = useBrowser({ baseURL: () => stack.baseUrl });

  it('the items period takes 1/12/2026 on Tab and says when its end is before its start', async () => {
    const { page } = b;
    await openAs(page, '/items', 'secretariat@dondoc.local');
    await page.getByRole('heading', { name: 'Nhiệm vụ', exact: true }).waitFor();
    const from = page.getByLabel('Hạn từ ngày');
    await from.click();
    await from.fill('1/12/2026');
    await page.keyboard.press('Tab');
    await popupsClosed(page);
    expect(await valueOf(from)).toBe('01/12/2026');
    await page.waitForURL(/2026-12-01/);

    const to = page.getByLabel('Hạn đến ngày');
    await to.click();
    await to.fill('1/11/2026');
    await page.keyboard.press('Enter');
    await page
      .getByText('"Hạn đến ngày" không được trước "Hạn từ ngày".', { exact: true })
      .waitFor();
    await page.keyboard.press('Escape');
    await popupsClosed(page);
    expect(page.url()).not.toMatch(/2026-11-01/);
  });

  it('Enter in "Hạn đề nghị" keeps the date and leaves the dialog open; its clear button is "Xóa"', async () => {
    const { page } = b;
    await openAs(page, `/items/${extId}`, 'stc@dondoc.local');
    await page.getByRole('heading', { name: `${TEXT} năm 2027` }).waitFor();
    await page.getByRole('button', { name: 'Đề nghị gia hạn' }).click();
    const dialog = page.getByRole('dialog', { name: 'Đề nghị gia hạn' });
    const date = dialog.getByLabel('Hạn đề nghị');
    await date.click();
    await date.fill('5/6/2027');
    await page.keyboard.press('Enter');
    await popupsClosed(page);
    expect(await valueOf(date)).toBe('05/06/2027');
    expect(await dialog.isVisible()).toBe(true);
    // Nothing was sent: the reason is still required.
    expect(await page.getByText('Đang đề nghị gia hạn', { exact: false }).count()).toBe(0);
    await date.hover();
    await dialog.getByRole('button', { name: 'Xóa', exact: true }).waitFor();
    await dialog.getByLabel('Lý do').fill('Chờ số liệu thống kê năm 2026.');
    await dialog.getByRole('button', { name: 'Gửi' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Đang đề nghị gia hạn đến 05/06/2027').waitFor();
  });
});
