import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource } from 'typeorm';
import { addDays, civilDateAt, toVnIso, vnPublicSectorCalendar } from '../../../domain/src';
import { ItemEventEntity } from '../entities/item-event.entity';
import { ItemEntity } from '../entities/item.entity';
import { NoticeEntity } from '../entities/notice.entity';
import { noticeSummaries, type NoticeSummary } from '../notices/notice-summaries';
import {
  toEventRecord,
  toItemRecord,
  type ItemEventRecord,
  type ItemRecord,
  type NoticeLabel,
  type ReadContext,
} from './item.mapper';
import type { LabelColumns } from './item-labels.sql';
import {
  COMPACT_REPORT_COUNTS_SQL,
  completionReport,
  OVERDUE_ITEMS_PER_AGENCY,
  overdueItemsQuery,
  overdueReport,
  reportCountsQuery,
  type CompletionReport,
  type OverdueReport,
  type ReportCountsRow,
  type ReportFilter,
} from './item-reports';
import { listQueries, type ItemListFilter } from './item-list.query';
import {
  agencyRecords,
  RISK_ITEMS_SQL,
  riskItems,
  type RiskReport,
  type RiskRow,
} from './item-risk';
import {
  EXTENSIONS_SQL,
  LATE_PERIODS_SQL,
  yearFacts,
  type AgencyYearFacts,
  type ExtensionsRow,
  type LatePeriodRow,
} from './item-scorecard';

export {
  countByLiveStatus,
  type NoticeCounts,
  type NoticeSummary,
} from '../notices/notice-summaries';

/** An `items` row with its labels (and, from the list's page, the maintained total). */
type LabeledRow = LabelColumns & { readonly list_total?: number | null };

type RawRow = Readonly<Record<string, unknown>>;

/**
 * Hydrates a raw `items` row as TypeORM would (each column's own conversion), with the work per
 * column decided once: node-postgres already gives most columns their entity value (text, uuid,
 * int, jsonb, arrays, timestamptz as a Date), so only the others go through the driver
 * (`date` as "YYYY-MM-DD", booleans): walking the metadata for every column of every row was a
 * measurable part of a list page's CPU (bench api, ADR 0023).
 */
function itemHydrator(db: DataSource): (raw: RawRow) => ItemEntity {
  const meta = db.getMetadata(ItemEntity);
  const asIs = new Set<unknown>(['uuid', 'text', 'varchar', 'int', 'jsonb', 'timestamptz']);
  const columns = meta.columns.map((column) => {
    const plain =
      asIs.has(column.type) &&
      !column.transformer &&
      !column.embeddedMetadata &&
      !column.relationMetadata;
    return {
      column,
      from: column.databaseName,
      to: column.propertyName,
      convert: plain
        ? null
        : (value: unknown): unknown => db.driver.prepareHydratedValue(value, column),
    };
  });
  return (raw) => {
    const entity = meta.create() as ItemEntity;
    const fields = entity as unknown as Record<string, unknown>;
    for (const { column, from, to, convert } of columns) {
      const value = raw[from];
      if (convert === null) fields[to] = value;
      else column.setEntityValue(entity, convert(value));
    }
    return entity;
  };
}

/** What an urging letter says about an item (ItemReadRepository.urgingLetterFacts). */
export interface UrgingLetterFacts {
  readonly item: ItemRecord;
  readonly notice: NoticeEntity | null;
  readonly lastProgress: { at: number; percent: number | null; note: string } | null;
  /** The last completion report, when the Văn phòng returned it (and why). */
  readonly lastReturned: {
    readonly submittedAt: number;
    readonly note: string;
    readonly returnedAt: number;
    readonly reason: string;
  } | null;
}

/** The last completion report and the return that answered it, if it was returned. */
function lastReturnedOf(history: readonly ItemEventRecord[]): UrgingLetterFacts['lastReturned'] {
  const s = history.map((e) => e.type).lastIndexOf('submitted');
  const returned = s < 0 ? undefined : history.slice(s + 1).find((e) => e.type === 'returned');
  if (!returned) return null;
  const said = (e: ItemEventRecord, key: string): string => {
    const value = (e.detail as Record<string, unknown> | null)?.[key];
    return typeof value === 'string' ? value.trim() : '';
  };
  return {
    submittedAt: Date.parse(history[s]!.at),
    note: said(history[s]!, 'note'),
    returnedAt: Date.parse(returned.at),
    reason: said(returned, 'reason'),
  };
}

/** One page of a list and the number of items the filter matches. */
export interface ItemPage {
  readonly items: ItemRecord[];
  readonly total: number;
}

/**
 * The read side of items, in one place: lists, one item, history, a notice's items and the
 * reports, all plain SQL over the projection and all mapped by `toItemRecord`. `nowMs` is the
 * caller's clock, used both in SQL (the overdue filter) and in the mapping, so they agree.
 */
@Injectable()
export class ItemReadRepository {
  private readonly calendar = vnPublicSectorCalendar;
  private hydrator: ((raw: RawRow) => ItemEntity) | undefined;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(filter: ItemListFilter, nowMs: number): Promise<ItemRecord[]> {
    return (await this.page(filter, nowMs)).items;
  }

  /**
   * A page of the list (filter, order, limit/offset) and the total the filter matches: one
   * statement when the maintained counts know the total (ADR 0023), else a count(*) beside it.
   */
  async page(filter: ItemListFilter, nowMs: number): Promise<ItemPage> {
    const { page, count, totalInPage } = listQueries(filter, nowMs);
    const countAside = async (): Promise<number> => {
      const [row] = await this.db.query<{ total: number }[]>(count.sql, count.params);
      return Number(row?.total ?? 0);
    };
    const [rows, counted] = await Promise.all([
      this.db.query<LabeledRow[]>(page.sql, page.params),
      totalInPage ? Promise.resolve(null) : countAside(),
    ]);
    const total = counted ?? (rows[0] ? Number(rows[0].list_total) : await countAside());
    return { items: this.labeledRecords(rows, nowMs), total };
  }

  /** The stored row (for access checks and commands), or null. */
  findRow(id: string): Promise<ItemEntity | null> {
    return this.db.getRepository(ItemEntity).findOneBy({ id });
  }

  async record(row: ItemEntity, nowMs: number): Promise<ItemRecord> {
    return toItemRecord(row, await this.context(nowMs, [row]));
  }

  /**
   * What an urging letter about the item says (issue 11): the item as the list shows it, its
   * notice, and the last progress its agency reported (with a note). Null: no such item.
   */
  async urgingLetterFacts(id: string, nowMs: number): Promise<UrgingLetterFacts | null> {
    const row = await this.findRow(id);
    if (!row) return null;
    const item = await this.record(row, nowMs);
    const notice = item.noticeId
      ? await this.db.getRepository(NoticeEntity).findOneBy({ id: item.noticeId })
      : null;
    const history = await this.history(item.workflowId);
    const progress = history.filter((e) => e.type === 'progress_reported').at(-1);
    const detail = (progress?.detail ?? {}) as { note?: unknown; percent?: unknown };
    const lastProgress =
      progress && typeof detail.note === 'string'
        ? {
            at: Date.parse(progress.at),
            percent: typeof detail.percent === 'number' ? detail.percent : null,
            note: detail.note.trim(),
          }
        : null;
    return { item, notice, lastProgress, lastReturned: lastReturnedOf(history) };
  }

  /** The item's events, oldest first. */
  async history(workflowId: string): Promise<ItemEventRecord[]> {
    const events = await this.db
      .getRepository(ItemEventEntity)
      .find({ where: { workflowId }, order: { seq: 'ASC' } });
    return events.map(toEventRecord);
  }

  /**
   * A notice's items in their order in the notice, with their live status; for an agency
   * (`visibleTo`) only those it leads or co-ordinates, as the list's `visibleTo`.
   */
  async ofNotice(noticeId: string, nowMs: number, visibleTo?: string): Promise<ItemRecord[]> {
    const qb = this.db
      .getRepository(ItemEntity)
      .createQueryBuilder('i')
      .where('i.notice_id = :noticeId', { noticeId })
      .orderBy('i.position', 'ASC', 'NULLS LAST')
      .addOrderBy('i.id', 'ASC');
    if (visibleTo !== undefined) {
      qb.andWhere('(i.lead_code = :own OR :own = ANY(i.support_codes))', { own: visibleTo });
    }
    return this.records(await qb.getMany(), nowMs);
  }

  /**
   * Notices newest first with their items' counts by live status; for an agency (`visibleTo`) only
   * the notices with items it leads or co-ordinates, and only those items counted.
   */
  noticeSummaries(nowMs: number, visibleTo?: string): Promise<NoticeSummary[]> {
    return noticeSummaries(this.db, nowMs, visibleTo);
  }

  /**
   * Overdue items by lead agency, the agency with most first: each agency's count (the periods'
   * counts, as the completion report's `overdue`; equal to the item list's `overdue=true` total
   * with the same filter) and its `itemsPerAgency` most overdue items (ADR 0023).
   */
  async overdueReport(
    nowMs: number,
    filter: ReportFilter = {},
    itemsPerAgency: number = OVERDUE_ITEMS_PER_AGENCY.default,
  ): Promise<OverdueReport> {
    const items = overdueItemsQuery(nowMs, filter, itemsPerAgency);
    const [counts, rows] = await Promise.all([
      this.reportCounts(nowMs, filter),
      itemsPerAgency > 0
        ? this.db.query<LabeledRow[]>(items.sql, items.params)
        : Promise.resolve([]),
    ]);
    return overdueReport(counts, this.labeledRecords(rows, nowMs), nowMs, itemsPerAgency);
  }

  /** Completion and on-time rates by lead agency, counting each period of a recurring item. */
  async completionReport(nowMs: number, filter: ReportFilter = {}): Promise<CompletionReport> {
    return completionReport(await this.reportCounts(nowMs, filter), nowMs);
  }

  /**
   * The late-risk forecast of every open item with a deadline (issue 12): each lead agency's
   * record is its completed periods due in the last 365 days or later (one finished ahead of a
   * deadline still to come counts, on time), as the completion report counts them, and the
   * working days late of its late ones.
   */
  async riskReport(nowMs: number): Promise<RiskReport> {
    const today = civilDateAt(nowMs);
    const from = addDays(today, -365);
    const [rows, completion, year] = await Promise.all([
      this.db.query<(RiskRow & LabeledRow)[]>(RISK_ITEMS_SQL),
      this.completionReport(nowMs, { from }),
      this.yearFacts(from, today),
    ]);
    const { completed, completedLate } = completion.totals;
    const base = completed > 0 ? completedLate / completed : null;
    const records = this.labeledRecords(rows, nowMs);
    const agencies = agencyRecords(completion, year);
    return {
      asOf: toVnIso(nowMs),
      lookBackFrom: from,
      baseLateRate: base,
      items: riskItems(rows, records, agencies, base, nowMs, this.calendar),
    };
  }

  /** Each lead agency's lateness and extensions for the periods due from `from` to `to` (scorecard). */
  async yearFacts(from: string, to: string): Promise<Map<string, AgencyYearFacts>> {
    const [late, extensions] = await Promise.all([
      this.db.query<LatePeriodRow[]>(LATE_PERIODS_SQL, [from, to]),
      this.db.query<ExtensionsRow[]>(EXTENSIONS_SQL, [from, to]),
    ]);
    return yearFacts(late, extensions, this.calendar);
  }

  /**
   * Folds the report counts' deltas (ADR 0023); the number of rows folded. Safe to call from
   * several processes at once (one folds, the others return 0).
   */
  async compactReportCounts(): Promise<number> {
    const [row] = await this.db.query<{ folded: number }[]>(COMPACT_REPORT_COUNTS_SQL);
    return Number(row?.folded ?? 0);
  }

  private reportCounts(nowMs: number, filter: ReportFilter): Promise<ReportCountsRow[]> {
    const q = reportCountsQuery(nowMs, filter);
    return this.db.query<ReportCountsRow[]>(q.sql, q.params);
  }

  /**
   * Rows read in plain SQL (`SELECT i.*` with `itemLabelsSql`), mapped: each hydrated as TypeORM
   * would have (its column types), the context built from their label columns.
   */
  private labeledRecords(rows: readonly LabeledRow[], nowMs: number): ItemRecord[] {
    const names = new Map<string, string>();
    const notices = new Map<string, NoticeLabel>();
    for (const r of rows) {
      if (r.label_lead_name !== null) names.set(r.lead_code, r.label_lead_name);
      r.support_codes.forEach((code, k) => names.set(code, r.label_support_names[k] ?? code));
      if (r.notice_id !== null) {
        notices.set(r.notice_id, { number: r.label_notice_number, title: r.label_notice_title });
      }
    }
    const ctx: ReadContext = { names, notices, nowMs, calendar: this.calendar };
    const hydrate = (this.hydrator ??= itemHydrator(this.db));
    return rows.map((raw) => toItemRecord(hydrate(raw as unknown as RawRow), ctx));
  }

  private async records(rows: readonly ItemEntity[], nowMs: number): Promise<ItemRecord[]> {
    const ctx = await this.context(nowMs, rows);
    return rows.map((r) => toItemRecord(r, ctx));
  }

  /** Agency names, and the number and title of the notices of `rows`: one statement. */
  private async context(nowMs: number, rows: readonly ItemEntity[]): Promise<ReadContext> {
    const noticeIds = [...new Set(rows.flatMap((r) => (r.noticeId ? [r.noticeId] : [])))];
    const found = await this.db.query<
      { notice: boolean; key: string; name: string | null; title: string | null }[]
    >(
      `SELECT false AS notice, code AS key, name, NULL AS title FROM agencies
       UNION ALL
       SELECT true, id::text, number, title FROM notices WHERE id = ANY ($1::uuid[])`,
      [noticeIds],
    );
    const names = new Map<string, string>();
    const notices = new Map<string, { number: string | null; title: string | null }>();
    for (const r of found) {
      if (r.notice) notices.set(r.key, { number: r.name, title: r.title });
      else names.set(r.key, r.name ?? r.key);
    }
    return { names, notices, nowMs, calendar: this.calendar };
  }
}
