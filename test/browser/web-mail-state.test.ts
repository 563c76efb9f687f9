import { createItem, startBrowserStack, type BrowserStack } from './support/app';
import { expectNoSeriousA11yViolations } from './support/axe';
import { useBrowser } from './support/browser';
import { openAs } from './support/login';
import { capture } from './support/screens';

/**
 * A step's mail that has not gone out yet reads as such in the item's history (issue 10 blind
 * check: a pending mail looked like a delivered one): the SMTP server refuses the assignment
 * mail for a while (450, a fault of ours: retried), then takes it.
 */

let stack: BrowserStack;
const WAITING = 'Tình trạng thư: đang chờ gửi (hệ thống tự gửi lại đến khi máy chủ thư nhận)';

beforeAll(async () => {
  stack = await startBrowserStack();
}, 120_000);

afterAll(() => stack?.close());

describe('how a step’s mail went, in the history', () => {
  const b = useBrowser({ baseURL: () => stack.baseUrl });

  it('a mail still waiting says so; once it has gone out the line is gone', async () => {
    const { page } = b;
    stack.smtp.failNext(1_000_000, 450);
    const id = await createItem(stack, {
      text: 'Rà soát danh mục dự án đầu tư công trung hạn',
      lead: 'STC',
      due: '2027-03-31',
    });
    await openAs(page, `/items/${id}`, 'secretariat@dondoc.local');
    await page.getByText(WAITING, { exact: true }).waitFor({ timeout: 30_000 });
    await capture(page, 'item-mail-waiting');
    await expectNoSeriousA11yViolations(page);

    stack.smtp.failNext(0, 450);
    await stack.smtp.waitFor((m) => m.subject.startsWith('[Đôn Đốc] Giao nhiệm vụ'), 1, 90_000);
    const deadline = Date.now() + 30_000;
    for (;;) {
      await page.reload();
      await page.getByText('Thư gửi đến: Sở Tài chính', { exact: true }).waitFor();
      if ((await page.getByText(WAITING).count()) === 0) break;
      if (Date.now() > deadline) throw new Error('the history still says the mail is waiting');
      await page.waitForTimeout(500);
    }
  }, 180_000);
});
