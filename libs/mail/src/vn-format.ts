/**
 * Display formatting in Asia/Ho_Chi_Minh (UTC+7, no DST) for mail text. Dates come from the
 * domain library (civilDateAt, formatVnDate); never the host's local time.
 */
import { civilDateAt, DAY_MS, formatVnDate, VN_OFFSET_MS } from '../../domain/src';

const pad = (n: number): string => String(n).padStart(2, '0');

/** 'HH:mm dd/mm/yyyy' in UTC+7. */
export function vnDateTime(ms: number): string {
  const t = new Date(ms + VN_OFFSET_MS);
  return `${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())} ${formatVnDate(civilDateAt(ms))}`;
}

/** A duration in Vietnamese words, largest units first: '2 ngày 3 giờ', '1 giờ 5 phút', '30 giây'. */
export function vnDuration(ms: number): string {
  const abs = Math.max(0, Math.round(ms / 1000)) * 1000;
  const days = Math.floor(abs / DAY_MS);
  const hours = Math.floor((abs % DAY_MS) / 3600_000);
  const minutes = Math.floor((abs % 3600_000) / 60_000);
  const seconds = Math.floor((abs % 60_000) / 1000);
  if (days > 0) return hours > 0 ? `${days} ngày ${hours} giờ` : `${days} ngày`;
  if (hours > 0) return minutes > 0 ? `${hours} giờ ${minutes} phút` : `${hours} giờ`;
  if (minutes > 0) return seconds > 0 ? `${minutes} phút ${seconds} giây` : `${minutes} phút`;
  return `${seconds} giây`;
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
