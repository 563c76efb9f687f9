import type { Page } from 'playwright-core';
import { openAs } from './login';

/**
 * As the secretariat: opens "Nhập thông báo", pastes the notice (its text, or its lines) and asks for the preview
 * (by keyboard: the text area grows after the paste and moves the button under the pointer).
 */
export async function previewNotice(page: Page, notice: string | readonly string[]): Promise<void> {
  await openAs(page, '/nhap-thong-bao', 'secretariat@dondoc.local');
  await page
    .getByLabel('Nội dung thông báo kết luận')
    .fill(typeof notice === 'string' ? notice : notice.join('\n'));
  await page.getByRole('button', { name: 'Xem trước' }).press('Enter');
}
