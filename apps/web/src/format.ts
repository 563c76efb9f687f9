/** Dates as a Vietnamese office writes them: dd/mm/yyyy, in Asia/Ho_Chi_Minh (UTC+7). */
const VN_OFFSET_MS = 7 * 3600 * 1000;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Whether `value` is a date as the API writes one ("2026-01-22"), not an instant. */
export const isIsoDay = (value: string): boolean => DAY.test(value);
const pad = (n: number): string => String(n).padStart(2, '0');

function vnParts(ms: number) {
  const d = new Date(ms + VN_OFFSET_MS);
  return {
    day: `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`,
    time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`,
  };
}

/** "2026-01-22" or an ISO instant → "22/01/2026"; null → "—". */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const m = DAY.exec(value);
  if (m) return `${m[3]}/${m[2]}/${m[1]}`;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? value : vnParts(ms).day;
}

/** An instant (ISO or epoch ms) → "14:05 22/01/2026" in UTC+7. */
export function formatDateTime(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  const ms = typeof value === 'number' ? value : Date.parse(value);
  if (Number.isNaN(ms)) return String(value);
  const p = vnParts(ms);
  return `${p.time} ${p.day}`;
}

/** Today's date in UTC+7 as "YYYY-MM-DD". */
export function todayVn(nowMs: number = Date.now()): string {
  const d = new Date(nowMs + VN_OFFSET_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}
