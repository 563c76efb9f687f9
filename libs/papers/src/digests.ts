import {
  civilDateAt,
  compareCivil,
  dayOfWeek,
  addDays,
  statusShown,
  type CivilDate,
  type WorkingCalendar,
} from '../../domain/src';
import type { CompletionRow, CompletionTotals, ItemRecord } from '../../persistence/src';

/**
 * What each digest says (issue 11), from the read side's records on one day (UTC+7). Pure: the
 * worker's activity reads the records and mails the result; the working calendar decides which
 * days have one at all (the workflow asks it, not this module).
 */

/** The day an item is legally due: the last day before its due instant (UTC+7). */
export const legalDueDate = (item: Pick<ItemRecord, 'dueAt'>): CivilDate | null =>
  item.dueAt ? civilDateAt(Date.parse(item.dueAt) - 1) : null;

const byDue = (a: ItemRecord, b: ItemRecord): number =>
  (a.dueAt ? Date.parse(a.dueAt) : Infinity) - (b.dueAt ? Date.parse(b.dueAt) : Infinity);

const isClosed = (i: ItemRecord): boolean => i.status === 'completed' || i.status === 'cancelled';

/** The Sunday that ends the (Monday-first) week of a day. */
const endOfWeek = (d: CivilDate): CivilDate => addDays(d, (7 - dayOfWeek(d)) % 7);

export interface SecretariatDigest {
  readonly date: CivilDate;
  /** Due today and still with the agency (not handed in). */
  readonly dueToday: readonly ItemRecord[];
  /** Due later this week (to Sunday), still with the agency. */
  readonly dueThisWeek: readonly ItemRecord[];
  /**
   * Overdue since the previous working day's digest, or already overdue when it was entered since
   * then (a notice imported late: its items would never fall due again in a digest's window).
   */
  readonly becameOverdue: readonly ItemRecord[];
  /** Handed in, waiting for the secretariat to accept or return. */
  readonly submitted: readonly ItemRecord[];
  /** An extension request waiting for the secretariat's decision. */
  readonly extensionRequests: readonly ItemRecord[];
}

const enteredSince = (i: ItemRecord, since: CivilDate): boolean =>
  typeof i.createdAt === 'string' && compareCivil(civilDateAt(Date.parse(i.createdAt)), since) >= 0;

/** The secretariat's morning digest of a working day from the open items. */
export function secretariatDigest(
  items: readonly ItemRecord[],
  today: CivilDate,
  calendar: WorkingCalendar,
): SecretariatDigest {
  const open = items.filter((i) => !isClosed(i)).sort(byDue);
  const withAgency = open.filter((i) => i.status !== 'submitted');
  const since = calendar.previousWorkingDay(today);
  const weekEnd = endOfWeek(today);
  const dueOn = (i: ItemRecord) => legalDueDate(i);
  return {
    date: today,
    dueToday: withAgency.filter((i) => dueOn(i) === today),
    dueThisWeek: withAgency.filter((i) => {
      const d = dueOn(i);
      return d !== null && compareCivil(d, today) > 0 && compareCivil(d, weekEnd) <= 0;
    }),
    becameOverdue: withAgency.filter((i) => {
      if (statusShown(i) !== 'overdue') return false;
      const d = dueOn(i);
      const fellDue = d !== null && compareCivil(d, since) >= 0 && compareCivil(d, today) < 0;
      return fellDue || enteredSince(i, since);
    }),
    submitted: open.filter((i) => i.status === 'submitted'),
    extensionRequests: open.filter((i) => i.pendingExtension !== null),
  };
}

/** Whether a digest has anything to say: an empty one is not sent. */
export const isEmptyDigest = (d: SecretariatDigest): boolean =>
  d.dueToday.length +
    d.dueThisWeek.length +
    d.becameOverdue.length +
    d.submitted.length +
    d.extensionRequests.length ===
  0;

export interface HeadDigest {
  readonly date: CivilDate;
  readonly totals: CompletionTotals;
  /** Each lead agency's figures, most overdue first. */
  readonly agencies: readonly CompletionRow[];
  /** The ten items overdue the longest. */
  readonly mostOverdue: readonly ItemRecord[];
}

/** The committee head's Monday digest: the completion report and the longest overdue items. */
export function headDigest(
  report: { totals: CompletionTotals; agencies: readonly CompletionRow[] },
  overdue: readonly ItemRecord[],
  today: CivilDate,
): HeadDigest {
  return {
    date: today,
    totals: report.totals,
    agencies: [...report.agencies].sort(
      (a, b) => b.overdue - a.overdue || a.name.localeCompare(b.name, 'vi'),
    ),
    mostOverdue: [...overdue]
      .filter((i) => statusShown(i) === 'overdue')
      .sort((a, b) => b.daysOverdue - a.daysOverdue || byDue(a, b))
      .slice(0, 10),
  };
}

export interface AgencyDigest {
  readonly date: CivilDate;
  readonly code: string;
  readonly name: string;
  /** The items it leads still to be done, soonest due first (overdue ones first of all). */
  readonly items: readonly ItemRecord[];
  readonly overdue: number;
  /** Those it has reported complete, waiting for the office to confirm: nothing to do for now. */
  readonly submitted: readonly ItemRecord[];
}

/** Each agency's Monday digest of the items it leads; none for an agency with nothing open. */
export function agencyDigests(items: readonly ItemRecord[], today: CivilDate): AgencyDigest[] {
  const byLead = new Map<string, ItemRecord[]>();
  for (const i of items.filter((x) => !isClosed(x))) {
    byLead.set(i.lead, [...(byLead.get(i.lead) ?? []), i]);
  }
  return [...byLead.entries()]
    .map(([code, own]) => {
      const late = (i: ItemRecord) => (statusShown(i) === 'overdue' ? 0 : 1);
      const todo = own.filter((i) => i.status !== 'submitted');
      return {
        date: today,
        code,
        name: own[0]?.leadName ?? code,
        items: [...todo].sort((a, b) => late(a) - late(b) || byDue(a, b)),
        overdue: todo.filter((i) => statusShown(i) === 'overdue').length,
        submitted: own.filter((i) => i.status === 'submitted').sort(byDue),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}
