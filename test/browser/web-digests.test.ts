import type { Client, Connection } from '@temporalio/client';
import { ensureDigestSchedules } from '../../apps/worker/src/digest-schedules';
import { DIGEST_KINDS, digestScheduleId } from '../../libs/contracts/src';
import { connectClient } from '../support/temporal';
import { startBrowserStack, type BrowserStack } from './support/app';
import { expectNoSeriousA11yViolations } from './support/axe';
import { useBrowser } from './support/browser';
import { openAs } from './support/login';
import { capture, expectNoHorizontalScroll, WIDTHS } from './support/screens';

/**
 * "Thư tổng hợp" as the secretariat uses it: when each digest goes out and to whom, a pause with
 * the Schedule's state shown, and a digest sent now that arrives at the SMTP server.
 */

let stack: BrowserStack;
let client: Client;
let connection: Connection;

beforeAll(async () => {
  stack = await startBrowserStack();
  ({ client, connection } = await connectClient());
  const secretariat = await stack.login('secretariat@dondoc.local');
  await stack
    .http()
    .post('/api/items')
    .set({ Authorization: `Bearer ${secretariat}` })
    .send({ text: 'Rà soát các dự án chậm tiến độ', lead: 'SXD', due: '2026-11-20' })
    .expect(201);
  await ensureDigestSchedules({
    client,
    taskQueue: stack.config.temporal.taskQueue,
    ...stack.config.digests,
  });
}, 180_000);
afterAll(async () => {
  for (const kind of DIGEST_KINDS) {
    await client?.schedule
      .getHandle(digestScheduleId(stack.config.temporal.taskQueue, kind))
      .delete()
      .catch(() => undefined);
  }
  await connection?.close();
  await stack?.close();
});

describe('Thư tổng hợp', () => {
  const b = useBrowser({ baseURL: () => stack.baseUrl });

  it('shows each digest, pauses one, resumes it, and sends one now', async () => {
    const { page } = b;
    await openAs(page, '/items', 'secretariat@dondoc.local');
    await page.getByRole('link', { name: 'Thư tổng hợp' }).click();
    await page.getByRole('heading', { name: 'Thư tổng hợp', level: 1 }).waitFor();
    const daily = page.getByRole('heading', { name: 'Thư tổng hợp hằng ngày gửi Văn phòng' });
    await daily.waitFor();
    const card = page.locator('.ant-card').filter({ has: daily });
    await card.getByText('07:30 mỗi ngày làm việc').waitFor();
    await card.getByText('Đang gửi theo lịch').waitFor();
    await expectNoSeriousA11yViolations(page);
    await capture(page, 'digests');

    await card.getByRole('button', { name: 'Tạm dừng' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Tạm dừng' }).click();
    await card.getByText('Tạm dừng', { exact: true }).waitFor();
    await card.getByRole('button', { name: 'Tiếp tục gửi' }).click();
    await card.getByText('Đang gửi theo lịch').waitFor();

    const agencies = page.locator('.ant-card').filter({
      has: page.getByRole('heading', { name: 'Thư hằng tuần gửi các cơ quan chủ trì' }),
    });
    await agencies.getByRole('button', { name: 'Gửi ngay để kiểm tra' }).click();
    await page.getByText('Đã gửi 1 thư.').waitFor();
    await stack.smtp.waitFor((m) => m.subject.startsWith('[Đôn Đốc] Nhiệm vụ của Sở Xây dựng'));
  });

  it('fits a phone', async () => {
    const { page } = b;
    await page.setViewportSize({ width: WIDTHS.phone, height: 844 });
    await openAs(page, '/thu-tong-hop', 'secretariat@dondoc.local');
    await page.getByRole('heading', { name: 'Báo cáo tuần gửi Trưởng Ban Chỉ đạo' }).waitFor();
    await expectNoHorizontalScroll(page);
  });
});
