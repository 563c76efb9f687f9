/**
 * The only place the workflow names domain functions (libs/domain): the planner, the working
 * calendar and the status rules. Keep it thin: decisions live in the domain library.
 *
 * INTERIM: libs/domain is being written in parallel; until it lands this file carries a minimal
 * stand-in with the same semantics so the workflow can be built and tested. Replace the bodies
 * with the domain calls (planSchedule, nextWeeklyOverdueReminder, canPerform/nextStatus,
 * civilDateAt) and delete the stand-in.
 */
import type { DueSpec, ItemStatus, ReminderPolicy } from '../libs/contracts/src';

export interface PlannedStep {
  readonly key: string;
  readonly kind: 'reminder' | 'overdue' | 'escalation';
  readonly level?: number;
  readonly at: number;
}

export type StatusAction =
  | 'progress'
  | 'submit'
  | 'accept'
  | 'return'
  | 'requestExtension'
  | 'approveExtension'
  | 'rejectExtension'
  | 'reassign'
  | 'cancel';

// ------------------------------------------------------------------ stand-in (to be replaced)

const DAY = 86_400_000;
const VN = 7 * 3600_000;
const HOLIDAYS_2026 = new Set<string>([
  ...range('2026-01-01', '2026-01-04'),
  ...range('2026-02-14', '2026-02-22'),
  ...range('2026-04-25', '2026-04-27'),
  ...range('2026-04-30', '2026-05-03'),
  ...range('2026-08-29', '2026-09-02'),
]);
const MAKEUP_2026 = new Set(['2026-01-10', '2026-08-22']);

function civil(ms: number): string {
  return new Date(ms + VN).toISOString().slice(0, 10);
}
function startOf(d: string): number {
  return Date.parse(`${d}T00:00:00Z`) - VN;
}
function addDays(d: string, n: number): string {
  return civil(startOf(d) + n * DAY);
}
function range(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = new Date(Date.parse(`${d}T00:00:00Z`) + DAY).toISOString().slice(0, 10)) out.push(d);
  return out;
}
function isWorkingDay(d: string): boolean {
  if (MAKEUP_2026.has(d)) return true;
  if (HOLIDAYS_2026.has(d)) return false;
  const dow = new Date(`${d}T00:00:00Z`).getUTCDay();
  return dow !== 0 && dow !== 6;
}
function shiftWorkingDays(d: string, n: number): string {
  let cur = d;
  let left = Math.abs(n);
  const dir = n < 0 ? -1 : 1;
  while (left > 0) {
    cur = addDays(cur, dir);
    if (isWorkingDay(cur)) left--;
  }
  return cur;
}
const at8 = (d: string): number => startOf(d) + 8 * 3600_000;

/** 'P3D' → {days: 3}; 'PT30S' / 'PT2H' → {ms}. */
function parseDuration(iso: string): { days: number } | { ms: number } {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(iso);
  if (!m) throw new Error(`Bad duration ${iso}`);
  const [, d, h, mi, s] = m;
  if (h === undefined && mi === undefined && s === undefined) return { days: Number(d ?? 0) };
  return { ms: ((Number(d ?? 0) * 24 + Number(h ?? 0)) * 60 + Number(mi ?? 0)) * 60_000 + Number(s ?? 0) * 1000 };
}

function standInPlan(due: DueSpec, policy: ReminderPolicy): PlannedStep[] {
  const literal = due.date ?? civil(due.at - 1);
  const legal = civil(due.at - 1);
  const steps: PlannedStep[] = [];
  for (const r of policy.remindBefore) {
    const p = parseDuration(r);
    let at: number;
    if ('ms' in p) at = due.at - p.ms;
    else {
      let day = p.days === 0 ? literal : shiftWorkingDays(literal, -p.days);
      while (!isWorkingDay(day)) day = addDays(day, -1);
      at = at8(day);
    }
    steps.push({ key: `remind-${r}`, kind: 'reminder', at });
  }
  steps.push({ key: 'overdue', kind: 'overdue', at: due.at });
  policy.escalateAfter.forEach((e, i) => {
    const p = parseDuration(e);
    const at = 'ms' in p ? due.at + p.ms : at8(shiftWorkingDays(legal, p.days));
    steps.push({ key: `escalate-${i + 1}`, kind: 'escalation', level: i + 1, at });
  });
  return steps.sort((a, b) => a.at - b.at);
}

// ------------------------------------------------------------------ the bridge

/** The ordered schedule of one deadline version. */
export function planSteps(due: DueSpec, policy: ReminderPolicy): PlannedStep[] {
  return standInPlan(due, policy);
}

/** The next weekly overdue reminder after `afterMs`: 08:00+07 on a working day, a week on. */
export function nextWeeklyReminderAt(afterMs: number): number {
  let day = addDays(civil(afterMs), 7);
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return at8(day);
}

/** 'YYYY-MM-DD' in Asia/Ho_Chi_Minh. */
export function civilDateOf(ms: number): string {
  return civil(ms);
}

const ALLOWED: Record<StatusAction, readonly ItemStatus[]> = {
  progress: ['open', 'overdue'],
  submit: ['open', 'overdue'],
  accept: ['submitted'],
  return: ['submitted'],
  requestExtension: ['open', 'overdue'],
  approveExtension: ['open', 'overdue', 'submitted'],
  rejectExtension: ['open', 'overdue', 'submitted'],
  reassign: ['open', 'overdue', 'submitted'],
  cancel: ['open', 'overdue', 'submitted'],
};
const LABEL: Record<ItemStatus, string> = {
  open: 'đang thực hiện',
  overdue: 'quá hạn',
  submitted: 'đã báo cáo hoàn thành, chờ xem xét',
  completed: 'đã hoàn thành',
  cancelled: 'đã hủy',
};

/** The status after `action`, or the domain's refusal (Vietnamese message). */
export function statusAfter(status: ItemStatus, action: StatusAction, overdueNow: boolean): ItemStatus | { message: string } {
  if (!ALLOWED[action].includes(status)) {
    return { message: `Không thể thực hiện thao tác này khi nhiệm vụ ${LABEL[status]}.` };
  }
  switch (action) {
    case 'submit':
      return 'submitted';
    case 'accept':
      return 'completed';
    case 'cancel':
      return 'cancelled';
    case 'return':
      return overdueNow ? 'overdue' : 'open';
    case 'approveExtension':
      return status === 'overdue' && !overdueNow ? 'open' : status;
    case 'progress':
    case 'requestExtension':
    case 'rejectExtension':
    case 'reassign':
      return status;
  }
}
