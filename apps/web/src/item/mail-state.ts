import type { ItemEvent } from '../api/client';
import { formatDateTime } from '../format';

type Detail = NonNullable<ItemEvent['detail']>;

/**
 * How a step's mail went (ADR 0018), when a clerk should know: still on its way (the mail server
 * has not taken it yet; the system keeps trying), or gone out late. A mail gone out on time, or
 * one some recipient refused (its own line names them), needs no line.
 */
export function mailStateLine(d: Detail): string | null {
  if (d.mailDelivery === 'pending') {
    return 'Tình trạng thư: đang chờ gửi (hệ thống tự gửi lại đến khi máy chủ thư nhận)';
  }
  if (d.mailLate && typeof d.mailSettledAt === 'number') {
    return `Tình trạng thư: gửi muộn, lúc ${formatDateTime(d.mailSettledAt)}`;
  }
  return null;
}
