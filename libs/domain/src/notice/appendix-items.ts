import type { AgencyDirectory } from './agencies';
import type { AppendixRow } from './appendix';
import type { DeadlineContext, DeadlineResult } from './deadline-context';
import { parseDeadline } from './deadlines';
import { agenciesIn, agenciesOf, phrasesOf } from './item-agencies';
import { warningsOf } from './item-warnings';
import type { ParsedItem } from './types';

/**
 * "Giao các cơ quan thực hiện các nhiệm vụ tại Phụ lục kèm theo", "… giao tại bảng dưới đây": the
 * rows are the items.
 */
export const pointsToAppendix = (text: string): boolean =>
  /(?:tại|theo|trong)\s+(?:danh mục\s+)?(?:các\s+)?(?:nhiệm vụ\s+)?(?:tại\s+)?(?:phụ lục|bảng\s+(?:dưới\s+đây|sau|kèm\s+theo))/iu.test(
    text,
  );

/**
 * The deadline column: a date, a period ("Quý II/2026", "Năm 2026"), "Thường xuyên", "Hằng tháng".
 * A recurrence the task text spells out ("trước ngày 05 hằng tháng") keeps its day; an empty
 * column leaves the task text to say it.
 */
function deadlineOf(row: AppendixRow, ctx: DeadlineContext): DeadlineResult {
  const fromText = parseDeadline(row.content, ctx);
  if (row.due === '') return fromText;
  let result = parseDeadline(row.due, ctx);
  const d = result.deadline;
  if (d.kind === 'none' && !d.phrase) {
    const period = parseDeadline(`trong ${row.due}`, ctx);
    if (period.deadline.kind === 'date') {
      result = { ...period, deadline: { ...period.deadline, phrase: row.due } };
    }
  }
  const t = fromText.deadline;
  if (d.kind === 'recurring' && t.kind === 'recurring' && t.frequency === d.frequency) {
    return fromText;
  }
  return result;
}

/** One item per row: the lead and support from their columns, else from the task text. */
export function appendixItems(
  rows: readonly AppendixRow[],
  directory: AgencyDirectory,
  ctx: DeadlineContext,
): { items: ParsedItem[]; warnings: string[] } {
  const items: ParsedItem[] = [];
  const warnings: string[] = [];
  for (const row of rows) {
    if (row.content === '') continue;
    const fromText = agenciesOf(row.content, directory, []);
    const lead = agenciesIn(row.lead, directory);
    const support = agenciesIn(row.support, directory);
    const leadNames = lead.names.length > 0 ? lead.names : fromText.lead;
    const result = deadlineOf(row, ctx);
    const supportNames = (row.support === '' ? fromText.support : support.names).filter(
      (s) => !leadNames.includes(s),
    );
    const item: ParsedItem = {
      code: row.code,
      text: row.content,
      lead: leadNames,
      support: supportNames,
      deadline: result.deadline,
      agencyPhrases: phrasesOf(
        [...lead.phrases, ...support.phrases, ...fromText.phrases],
        [...leadNames, ...supportNames],
      ),
    };
    if (fromText.reportTo) item.reportTo = fromText.reportTo;
    items.push(item);
    const unknown = [...lead.unknown, ...support.unknown].filter(
      (n) => item.lead.includes(n) || item.support.includes(n),
    );
    warnings.push(...warningsOf(item, result, unknown, ctx, ctx.calendar));
  }
  return { items, warnings };
}
