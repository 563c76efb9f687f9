import type { Locator, Page } from 'playwright-core';
import { createItem, startBrowserStack, type BrowserStack } from './support/app';
import { expectNoSeriousA11yViolations } from './support/axe';
import { useBrowser } from './support/browser';
import { capture } from './support/screens';
import { choose, typeDate } from './support/controls';
import { previewNotice } from './support/intake';
import { openAs } from './support/login';

/**
 * Issue 8 blind check: a due date on a day off. The field showed "19/12" (the day before "trước
 * ngày 20/12", a Sunday) while the warning said the item was due on Monday; a date typed on a
 * weekend was not warned about at all; the head's overdue list showed a Sunday due without the
 * day it really counts to. Every place a date is chosen now says what the calendar makes of it.
 * And a lead list opening with a group ("Các sở, ban, ngành và UBND các huyện") says the group was
 * not assigned.
 */

const NOTICE = [
  'BAN CHỈ ĐẠO',
  'Số: 9/TB-BCĐ',
  'Lạng Sơn, ngày 20 tháng 11 năm 2026',
  'THÔNG BÁO',
  '1. Các sở, ban, ngành và UBND các huyện, thành phố rà soát các dự án chậm tiến độ, hoàn thành trước ngày 20/12/2027.',
].join('\n');
const EXTENDED = 'Kiểm tra tiến độ giải ngân vốn đầu tư công các dự án trọng điểm';
const OVERDUE = 'Báo cáo tình hình thu ngân sách cuối năm';

let stack: BrowserStack;
let extendedId: string;
beforeAll(async () => {
  stack = await startBrowserStack();
  extendedId = await createItem(stack, { text: EXTENDED, lead: 'STC', due: '2027-03-31' });
  // Sunday 29/11/2026: legally due at the end of Monday 30/11, overdue since.
  await createItem(stack, { text: OVERDUE, lead: 'STC', due: '2026-11-29' });
}, 120_000);
afterAll(async () => {
  await stack?.close();
});

const row = (page: Page, code: string): Locator =>
  page.getByRole('group', { name: `Mục ${code}`, exact: true });

describe('a due date on a day off, wherever a date is chosen or shown', () => {
  const b = useBrowser({ baseURL: () => stack.baseUrl });

  it('the intake preview says what the date in the field becomes, and the group left unassigned', async () => {
    const { page } = b;
    await previewNotice(page, NOTICE);
    const item = row(page, '1');
    await item.waitFor();
    const due = item.getByLabel('Ngày hạn', { exact: true });
    expect(await due.inputValue()).toBe('19/12/2027');
    await item
      .getByText('Chủ nhật 19/12/2027 là ngày nghỉ: hạn tính đến hết thứ Hai 20/12/2027.')
      .waitFor();
    await item
      .getByText(
        'Mục 1: “Các sở, ban, ngành” là nhiều cơ quan, không có trong danh mục nên chưa được giao; chỉ giao cho UBND các xã, phường. Một nhiệm vụ có một cơ quan chủ trì: để giao cả các cơ quan này, hãy thêm nhiệm vụ cho từng cơ quan (nút “Thêm nhiệm vụ”).',
      )
      .waitFor();

    await expectNoSeriousA11yViolations(page);
    await capture(page, 'intake-day-off-note');

    await typeDate(page, due, '18/12/2027');
    await item
      .getByText('Thứ Bảy 18/12/2027 là ngày nghỉ: hạn tính đến hết thứ Hai 20/12/2027.')
      .waitFor();
    await typeDate(page, due, '21/12/2027');
    await item.getByText('là ngày nghỉ', { exact: false }).waitFor({ state: 'detached' });

    // The note about the group the parsed lead came with is about the lead, not the date: it
    // stays through a date edit and goes once another lead is chosen.
    expect(await item.getByText('là nhiều cơ quan', { exact: false }).count()).toBe(1);
    await choose(page, item.getByLabel('Cơ quan chủ trì'), 'tai chinh', 'Sở Tài chính');
    await page.keyboard.press('Escape');
    await item.getByText('là nhiều cơ quan', { exact: false }).waitFor({ state: 'detached' });
  });

  it('the extension form says it of the date asked for', async () => {
    const { page } = b;
    await openAs(page, `/items/${extendedId}`, 'stc@dondoc.local');
    await page.getByRole('heading', { name: EXTENDED }).waitFor();
    await page.getByRole('button', { name: 'Đề nghị gia hạn' }).click();
    const dialog = page.getByRole('dialog', { name: 'Đề nghị gia hạn' });
    await typeDate(page, dialog.getByLabel('Hạn đề nghị'), '03/04/2027');
    await dialog
      .getByText('Thứ Bảy 03/04/2027 là ngày nghỉ: hạn tính đến hết thứ Hai 05/04/2027.')
      .waitFor();
    await dialog.getByLabel('Lý do').fill('Chờ số liệu quyết toán quý I.');
    await dialog.getByRole('button', { name: 'Gửi' }).click();
    await dialog.waitFor({ state: 'hidden' });
    // The request waiting for a decision, and its line in the history, say it too.
    const hint = '03/04/2027 (trùng ngày nghỉ, tính đến hết ngày 05/04/2027)';
    await page.getByText(`Đang đề nghị gia hạn đến ${hint}`, { exact: true }).waitFor();
    await page.getByText(`Hạn đề nghị: ${hint}`, { exact: true }).waitFor();
  });

  it("the head's overdue list says until when a Sunday due counts", async () => {
    const { page } = b;
    await openAs(page, '/bao-cao', 'head@dondoc.local');
    const list = page.getByRole('list', { name: 'Nhiệm vụ quá hạn của Sở Tài chính' });
    await list
      .getByText(
        /^Hạn 29\/11\/2026 \(trùng ngày nghỉ, tính đến hết ngày 30\/11\/2026\) · quá hạn \d+ ngày làm việc$/,
      )
      .waitFor();
  });
});
