import { DomainError } from '../errors';

/**
 * A reminder/escalation offset parsed from an ISO-8601 duration.
 * - `workingDays` (PnD): counts working days and fires at 08:00 local on a working day.
 * - `exact` (PTnHnMnS): an exact offset from the due instant (used by tests and demos).
 */
export type ReminderOffset =
  { kind: 'workingDays'; days: number; text: string } | { kind: 'exact'; ms: number; text: string };

/** About a year; longer offsets are almost certainly typing mistakes. */
export const MAX_OFFSET_DAYS = 366;

const DURATION_RE = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

function invalid(s: unknown, why: string): DomainError {
  return new DomainError(
    'INVALID_DURATION',
    `Khoảng thời gian không hợp lệ: "${String(s)}". ${why}`,
  );
}

/**
 * Parses 'P3D', 'P0D', 'PT30S', 'PT2H', 'PT1H30M' (case-insensitive, canonical text upper-case).
 * Rejected, on purpose:
 * - mixed day and time parts ('P1DT2H'): working days at 08:00 and an exact offset do not add up to
 *   one meaningful instant;
 * - weeks, months, years ('P1W', 'P1M'): ambiguous against working days (5 or 7 days?); write PnD;
 * - fractions and negative values.
 */
export function parseDuration(s: unknown): ReminderOffset {
  if (typeof s !== 'string') throw invalid(s, 'Dùng định dạng ISO-8601, ví dụ P3D hoặc PT30S.');
  const text = s.trim().toUpperCase();
  const m = DURATION_RE.exec(text);
  if (!m || text === 'P' || text.endsWith('T')) {
    if (/^P(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T[\d.HMS]*)?$/.test(text) && /^P[^T]*[YMW]/.test(text)) {
      throw invalid(s, 'Không dùng tuần, tháng hoặc năm: ghi số ngày làm việc, ví dụ P5D.');
    }
    throw invalid(s, 'Dùng định dạng ISO-8601, ví dụ P3D hoặc PT30S.');
  }
  const [days, hours, minutes, seconds] = [m[1], m[2], m[3], m[4]].map((x) =>
    x === undefined ? undefined : Number(x),
  );
  const hasTime = hours !== undefined || minutes !== undefined || seconds !== undefined;
  if (days !== undefined && hasTime) {
    throw invalid(
      s,
      'Không kết hợp ngày với giờ/phút/giây: dùng PnD (ngày làm việc) hoặc PTnHnMnS (chính xác).',
    );
  }
  if (days !== undefined) {
    if (days > MAX_OFFSET_DAYS) throw invalid(s, `Tối đa ${MAX_OFFSET_DAYS} ngày.`);
    return { kind: 'workingDays', days, text };
  }
  const ms = ((hours ?? 0) * 3600 + (minutes ?? 0) * 60 + (seconds ?? 0)) * 1000;
  if (ms > MAX_OFFSET_DAYS * 86_400_000) throw invalid(s, `Tối đa ${MAX_OFFSET_DAYS} ngày.`);
  return { kind: 'exact', ms, text };
}

export function isValidDuration(s: unknown): boolean {
  try {
    parseDuration(s);
    return true;
  } catch {
    return false;
  }
}
