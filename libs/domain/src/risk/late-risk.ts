/**
 * The late-risk forecast (issue 12): how likely an open item is to be finished after its deadline,
 * with the reasons in Vietnamese. A small logistic score over facts the office can check, not a
 * learned model: the lead agency's record sets the starting odds, and the item's own signs (its pace
 * against the time left, silence, extensions asked) move them. bench/risk.ts replays a synthetic
 * year to show its ranking beats the naive rule (ADR 0029).
 */

/** The lead agency's record over the look-back window (its completed periods). */
export interface AgencyRecord {
  readonly completed: number;
  /** Of those, completed after their deadline. */
  readonly late: number;
  /** Mean working days late of the late ones; 0 without any. */
  readonly meanLateDays: number;
}

/** What the forecast reads of one open item, counted in working days. */
export interface RiskFacts {
  /** Already submitted (awaiting acceptance): finished as far as the agency goes. */
  readonly submitted: boolean;
  /** From the period's start (assignment, or the previous period's completion) to its due day. */
  readonly workingDaysTotal: number;
  /** From today to the due day: 0 = due today, negative = overdue (workingDaysLeft). */
  readonly workingDaysLeft: number;
  /** The last percentage reported in this period, and the working days elapsed when it was. */
  readonly progress: { readonly percent: number; readonly elapsedDays: number } | null;
  /** Extension requests made on the item, and how many of them were granted. */
  readonly extensionsAsked: number;
  readonly extensionsGranted: number;
  readonly agency: AgencyRecord;
  /** The share of all agencies' completed periods that were late: the prior for a new agency. */
  readonly baseLateRate: number;
}

export interface LateRisk {
  /** 0..1, rounded to two decimals. */
  readonly risk: number;
  /** Why, most telling first, in Vietnamese. */
  readonly reasons: string[];
}

/** How many completed periods an agency's record weighs as much as the prior. */
const PRIOR_WEIGHT = 4;
/** A submitted item is late only if it is returned and then finished late. */
const SUBMITTED_RISK = 0.05;
const W_PACE = 0.8;
const W_SILENCE = 2;
const W_EXTENSION = 0.6;
const W_PRESSURE = 3.5;

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));
const logit = (p: number): number => Math.log(p / (1 - p));
const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));
const round2 = (x: number): number => Math.round(x * 100) / 100;
const pct = (x: number): string => `${Math.round(x * 100)}%`;
const days = (n: number): string => `${Math.round(n * 10) / 10}`.replace('.', ',');

/** The agency's late rate with the prior mixed in, so two periods do not make a verdict. */
export function smoothedLateRate(agency: AgencyRecord, baseLateRate: number): number {
  const base = clamp(baseLateRate, 0.02, 0.98);
  return clamp((agency.late + PRIOR_WEIGHT * base) / (agency.completed + PRIOR_WEIGHT), 0.02, 0.98);
}

export function lateRisk(f: RiskFacts): LateRisk {
  if (f.workingDaysLeft < 0) {
    return { risk: 1, reasons: [`Đã quá hạn ${-f.workingDaysLeft} ngày làm việc.`] };
  }
  if (f.submitted) {
    return { risk: SUBMITTED_RISK, reasons: ['Đã báo cáo hoàn thành, chờ xác nhận.'] };
  }
  const total = Math.max(1, f.workingDaysTotal);
  const left = f.workingDaysLeft;
  const elapsed = clamp((total - left) / total, 0, 1);
  const terms: { weight: number; reason: string }[] = [];

  const rate = smoothedLateRate(f.agency, f.baseLateRate);
  const a = f.agency;
  terms.push({
    weight: logit(rate) - logit(clamp(f.baseLateRate, 0.02, 0.98)),
    reason:
      a.completed === 0
        ? 'Cơ quan chủ trì chưa có nhiệm vụ hoàn thành để đối chiếu; tính theo tỷ lệ chậm ' +
          `chung ${pct(clamp(f.baseLateRate, 0.02, 0.98))}.`
        : `Cơ quan chủ trì hoàn thành đúng hạn ${a.completed - a.late}/${a.completed} nhiệm vụ` +
          (a.late > 0 ? `, chậm trung bình ${days(a.meanLateDays)} ngày làm việc.` : '.'),
  });

  if (f.progress && f.progress.percent >= 100) {
    terms.push({ weight: -3, reason: 'Đã báo cáo tiến độ 100%.' });
  } else if (f.progress) {
    // Its pace so far, carried forward: the working days the rest needs against those left.
    const done = f.progress.percent / 100;
    const pace = done / Math.max(1, f.progress.elapsedDays);
    const needed = pace > 0 ? (1 - done) / pace : 2 * total;
    terms.push({
      weight: W_PACE * clamp((needed - left) / Math.max(2, left), -2, 3),
      reason:
        `Tiến độ báo cáo ${f.progress.percent}% sau ${f.progress.elapsedDays} ngày làm việc; ` +
        `theo nhịp này cần thêm khoảng ${days(Math.min(needed, 999))} ngày, còn ${left} ngày.`,
    });
  } else if (elapsed > 0.3) {
    terms.push({
      weight: W_SILENCE * (elapsed - 0.3),
      reason: `Chưa báo cáo tiến độ, đã qua ${pct(elapsed)} thời hạn.`,
    });
  }

  // A granted extension already gave the time asked for; one refused or undecided did not.
  const unmet = Math.max(0, f.extensionsAsked - f.extensionsGranted);
  if (f.extensionsAsked > 0) {
    terms.push({
      weight: W_EXTENSION * Math.min(unmet, 3),
      reason:
        `Đã đề nghị gia hạn ${f.extensionsAsked} lần` +
        (f.extensionsGranted > 0 ? `, được gia hạn ${f.extensionsGranted} lần.` : '.'),
    });
  }

  // Little time left leaves little room to catch up, whatever the signs.
  const pressure = W_PRESSURE * clamp(1 - left / 5, 0, 1);
  terms.push({
    weight: pressure,
    reason:
      left === 0
        ? 'Hạn là hôm nay.'
        : `Còn ${left} ngày làm việc, đã qua ${pct(elapsed)} thời hạn.`,
  });

  const x = logit(rate) + terms.slice(1).reduce((s, t) => s + t.weight, 0);
  const reasons = [...terms].sort((p, q) => q.weight - p.weight).map((t) => t.reason);
  return { risk: round2(sigmoid(x)), reasons };
}

/** The naive rule the forecast is measured against: under 3 working days left, not submitted. */
export function naiveLateFlag(f: Pick<RiskFacts, 'submitted' | 'workingDaysLeft'>): boolean {
  return !f.submitted && f.workingDaysLeft < 3;
}
