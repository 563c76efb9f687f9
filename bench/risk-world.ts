/**
 * A synthetic year of items from agencies with different habits, replayed day by day to score the
 * late-risk forecast against the naive rule (issue 12, ADR 0029). Pure and seeded: the same seed
 * gives the same figures. Days are working days; the forecast only ever sees what the office
 * would have seen that day (reports made, extensions asked, the agency's items finished before).
 */
import {
  lateRisk,
  naiveLateFlag,
  type AgencyRecord,
  type RiskFacts,
} from '../libs/domain/src/risk/late-risk';

/** How an agency works: none of this is visible to the forecast, only its effects. */
interface Habits {
  /** Work needed as a share of the time given (above 1: late unless lucky). */
  readonly load: number;
  /** Spread of that share item to item (log-normal sigma). */
  readonly spread: number;
  /** Share of the time given that passes before it starts. */
  readonly delay: number;
  /** Chance of a progress report on a given day. */
  readonly reportsPerDay: number;
  /** Reported progress over the truth (0.1 = ten percent rosier). */
  readonly optimism: number;
  /** Chance it asks for an extension when behind, five days before the deadline. */
  readonly asksExtension: number;
}

interface Item {
  readonly agency: number;
  readonly start: number;
  due: number;
  readonly workStart: number;
  readonly finish: number;
  extensionsAsked: number;
  extensionsGranted: number;
  report: { percent: number; day: number } | null;
}

export interface Score {
  readonly flagged: number;
  readonly truePositives: number;
  readonly positives: number;
  readonly precision: number;
  readonly recall: number;
}

export interface RiskWorldResult {
  readonly items: number;
  readonly lateItems: number;
  readonly evaluations: number;
  readonly forecast: Score;
  readonly naive: Score;
}

/** mulberry32: a small seeded generator, enough for a simulation. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DURATIONS = [10, 15, 20, 30, 45, 60];
const YEAR = 250;
const EXTENSION_DAYS = 10;
const TOP_SHARE = 0.1;

export function runRiskWorld(seed: number, agencies = 20, itemsPerYear = 600): RiskWorldResult {
  const rnd = generator(seed);
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  const habits: Habits[] = Array.from({ length: agencies }, () => ({
    load: 0.55 + 0.7 * rnd(),
    spread: 0.1 + 0.35 * rnd(),
    delay: 0.3 * rnd(),
    reportsPerDay: rnd() < 0.25 ? 0 : 0.02 + 0.25 * rnd(),
    optimism: 0.25 * rnd(),
    asksExtension: 0.6 * rnd(),
  }));
  // Two years: the first builds every agency's record, the second is scored.
  const items: Item[] = Array.from({ length: 2 * itemsPerYear }, () => {
    const agency = Math.floor(rnd() * agencies);
    const h = habits[agency]!;
    const start = Math.floor(rnd() * 2 * YEAR);
    const given = DURATIONS[Math.floor(rnd() * DURATIONS.length)]!;
    const workStart = start + Math.round(given * h.delay * (0.5 + rnd()));
    const work = Math.max(1, Math.round(given * h.load * Math.exp(h.spread * normal())));
    return {
      agency,
      start,
      due: start + given,
      workStart,
      finish: workStart + work,
      extensionsAsked: 0,
      extensionsGranted: 0,
      report: null,
    };
  });

  const finished = new Map<Item, boolean>();
  const verdicts: { item: Item; forecast: boolean; naive: boolean }[] = [];
  for (let day = 0; day < 2 * YEAR + 200; day++) {
    const open = items.filter((i) => i.start <= day && !finished.has(i));
    for (const i of open) {
      const h = habits[i.agency]!;
      if (day === i.finish) {
        finished.set(i, i.finish > i.due);
        continue;
      }
      const truth = Math.min(1, Math.max(0, (day - i.workStart) / (i.finish - i.workStart)));
      if (rnd() < h.reportsPerDay) {
        const percent = Math.min(95, Math.round((truth * (1 + h.optimism) * 100) / 5) * 5);
        i.report = { percent, day };
      }
      if (i.due - day === 5 && i.finish > i.due && rnd() < h.asksExtension) {
        i.extensionsAsked++;
        if (rnd() < 0.7) {
          i.extensionsGranted++;
          i.due += EXTENSION_DAYS;
        }
      }
    }
    if (day < YEAR) continue;
    // Scored: the items still open and not yet late, as the forecast ranks them this morning.
    const records = agencyRecords(items, finished, habits.length, day);
    const base = baseRate(records);
    const candidates = open
      .filter((i) => !finished.has(i) && i.due >= day)
      .map((i) => ({ item: i, facts: factsOf(i, day, records[i.agency]!, base) }));
    if (candidates.length === 0) continue;
    const ranked = candidates
      .map((c) => ({ ...c, risk: lateRisk(c.facts).risk }))
      .sort((a, b) => b.risk - a.risk);
    const top = new Set(ranked.slice(0, Math.ceil(TOP_SHARE * ranked.length)).map((c) => c.item));
    for (const c of candidates) {
      verdicts.push({ item: c.item, forecast: top.has(c.item), naive: naiveLateFlag(c.facts) });
    }
  }
  // Scored once the year is over: late against the deadline each item finally had, extensions
  // included (as the reports count it); the forecast itself never saw that.
  const score = { forecast: newTally(), naive: newTally() };
  for (const v of verdicts) {
    const late = finished.get(v.item) === true;
    tally(score.forecast, v.forecast, late);
    tally(score.naive, v.naive, late);
  }
  const scored = items.filter((i) => i.start >= YEAR);
  return {
    items: scored.length,
    lateItems: scored.filter((i) => finished.get(i) === true).length,
    evaluations: verdicts.length,
    forecast: summary(score.forecast),
    naive: summary(score.naive),
  };
}

function factsOf(i: Item, day: number, agency: AgencyRecord, base: number): RiskFacts {
  return {
    submitted: false,
    workingDaysTotal: i.due - i.start,
    workingDaysLeft: i.due - day,
    progress: i.report ? { percent: i.report.percent, elapsedDays: i.report.day - i.start } : null,
    extensionsAsked: i.extensionsAsked,
    extensionsGranted: i.extensionsGranted,
    agency,
    baseLateRate: base,
  };
}

/** Each agency's finished items of the last year before `day`. */
function agencyRecords(
  items: readonly Item[],
  finished: ReadonlyMap<Item, boolean>,
  agencies: number,
  day: number,
): AgencyRecord[] {
  const acc = Array.from({ length: agencies }, () => ({ completed: 0, late: 0, lateDays: 0 }));
  for (const [i, late] of finished) {
    if (i.finish >= day || i.finish < day - YEAR) continue;
    const a = acc[i.agency]!;
    a.completed++;
    if (late) {
      a.late++;
      a.lateDays += i.finish - i.due;
    }
  }
  return acc.map((a) => ({
    completed: a.completed,
    late: a.late,
    meanLateDays: a.late ? a.lateDays / a.late : 0,
  }));
}

function baseRate(records: readonly AgencyRecord[]): number {
  const completed = records.reduce((s, r) => s + r.completed, 0);
  return completed ? records.reduce((s, r) => s + r.late, 0) / completed : 0.3;
}

interface Tally {
  flagged: number;
  truePositives: number;
  positives: number;
}
const newTally = (): Tally => ({ flagged: 0, truePositives: 0, positives: 0 });
function tally(t: Tally, flagged: boolean, late: boolean): void {
  if (flagged) t.flagged++;
  if (late) t.positives++;
  if (flagged && late) t.truePositives++;
}
const summary = (t: Tally): Score => ({
  ...t,
  precision: t.flagged ? t.truePositives / t.flagged : 0,
  recall: t.positives ? t.truePositives / t.positives : 0,
});

/** Several years' scores added up, as one. */
export function pooled(results: readonly RiskWorldResult[]): {
  forecast: Score;
  naive: Score;
} {
  const add = (pick: (r: RiskWorldResult) => Score): Score => {
    const t = newTally();
    for (const r of results) {
      const s = pick(r);
      t.flagged += s.flagged;
      t.truePositives += s.truePositives;
      t.positives += s.positives;
    }
    return summary(t);
  };
  return { forecast: add((r) => r.forecast), naive: add((r) => r.naive) };
}
