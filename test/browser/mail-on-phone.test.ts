import { renderItemMail } from '../../libs/mail/src/templates/item-mail';
import { useBrowser } from './support/browser';
import { capture } from './support/screens';

/**
 * Issue 8 blind check 3: an agency officer reads the assignment mail on a phone. The way to the
 * item is a button to tap, not a bare signed address; the address stays below it, to copy; the
 * mail fits the screen.
 */

const token = `v1.${'eyJpIjoiM2YxYzlhNTIiLCJlIjoxNzk5MDAwMDAwfQ'.repeat(3)}.${'Zx9_-a'.repeat(8)}`;
const itemUrl = 'https://dondoc.example.gov.vn/items/3f1c9a52-8a3b-4d7e-9a61-0d2c6b0b9e11';
const mail = renderItemMail({
  kind: 'assigned',
  itemId: '3f1c9a52-8a3b-4d7e-9a61-0d2c6b0b9e11',
  code: '2.a',
  text: 'Sở Tài chính chủ trì, phối hợp các đơn vị tham mưu phương án bố trí kinh phí năm 2027.',
  noticeTitle: 'Kết luận của Trưởng Ban Chỉ đạo tại phiên họp thứ 3',
  noticeNumber: '12/TB-BCĐ',
  leadName: 'Sở Tài chính',
  due: { date: '2027-01-22', at: Date.parse('2027-01-22T17:00:00Z') },
  nowMs: Date.parse('2026-12-04T01:00:00Z'),
  workingDaysLeft: 33,
  publicBaseUrl: 'https://dondoc.example.gov.vn/',
  linkToken: token,
});

describe('the assignment mail on a phone', () => {
  const b = useBrowser();

  it('has a button to tap that opens the item, its address below, nothing wider than the screen', async () => {
    const { page } = b;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.setContent(mail.html);
    const button = page.getByRole('link', { name: 'Xem và xử lý nhiệm vụ', exact: true });
    expect(await button.getAttribute('href')).toBe(`${itemUrl}?t=${token}`);
    const box = await button.boundingBox();
    // Large enough for a finger (WCAG 2.5.5: 44 px).
    expect(box!.height).toBeGreaterThanOrEqual(44);
    await page.getByText(`${itemUrl}?t=${token}`, { exact: true }).waitFor();
    // capture() fails when the page scrolls sideways at 390 px.
    await capture(page, 'mail-assigned');
  });
});
