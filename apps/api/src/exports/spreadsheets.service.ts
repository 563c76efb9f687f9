import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { civilDateAt } from '../../../../libs/domain/src';
import {
  itemListSheets,
  overdueSheets,
  scorecardRows,
  scorecardSheets,
  totalRow,
  XLSX_MIME,
  xlsxOf,
  type ListFilters,
} from '../../../../libs/papers/src';
import {
  ItemReadRepository,
  type ItemRecord,
  NoticeEntity,
} from '../../../../libs/persistence/src';
import { AgenciesService } from '../agencies/agencies.module';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ApiError } from '../common/api-error';
import { ItemsService, type ListItemsQuery } from '../items/items.module';
import { ReportsService, type ReportQuery } from '../reports/reports.module';
import { fileSafe, type ExportFile } from './export-file';

/** Rows one export may hold; a larger list is refused with a hint to filter it. */
export const EXPORT_MAX_ROWS = 20_000;
const PAGE = 1_000;

/** The office's spreadsheets: what the lists and reports show, as files to print, sort and keep. */
@Injectable()
export class SpreadsheetsService {
  constructor(
    private readonly items: ItemsService,
    private readonly reports: ReportsService,
    private readonly read: ItemReadRepository,
    private readonly agencies: AgenciesService,
    @InjectRepository(NoticeEntity) private readonly notices: Repository<NoticeEntity>,
  ) {}

  /** The item list with its filters and order (an agency: its own items), and a tally by agency. */
  async itemList(q: ListItemsQuery, user: AuthenticatedUser): Promise<ExportFile> {
    const now = Date.now();
    const rows = await this.allOf(q, user);
    const filters = await this.filtersOf(q, user, await this.noticeOf(q.noticeId));
    const own = user.role === 'agency' ? user.agencyCode : null;
    const bytes = await xlsxOf(itemListSheets(rows, filters, now, own), now);
    return { fileName: `nhiem-vu-${civilDateAt(now)}.xlsx`, mime: XLSX_MIME, bytes };
  }

  /**
   * The overdue report: every overdue item of the filter (GET /api/items?overdue=true with the
   * notice and the due dates, as the report defines it) and the completion report's tally.
   */
  async overdue(q: ReportQuery, user: AuthenticatedUser): Promise<ExportFile> {
    const now = Date.now();
    // Validates the filter (period, notice) before anything is read.
    const completion = await this.reports.completion(q);
    const query: ListItemsQuery = {
      overdue: true,
      sort: 'due',
      ...(q.noticeId ? { noticeId: q.noticeId } : {}),
      ...(q.from ? { dueFrom: q.from } : {}),
      ...(q.to ? { dueTo: q.to } : {}),
    };
    const rows = await this.allOf(query, user);
    const notice = await this.noticeOf(q.noticeId);
    const { overdue: _overdue, ...period } = await this.filtersOf(query, user, notice);
    const tally = [...completion.agencies, totalRow(completion.totals)];
    const bytes = await xlsxOf(overdueSheets(rows, tally, period, now), now);
    return { fileName: overdueFileName(q, notice, now), mime: XLSX_MIME, bytes };
  }

  private async noticeOf(id: string | undefined): Promise<NoticeEntity | null> {
    return id ? this.notices.findOneBy({ id }) : null;
  }

  /** The list's filters in words' terms: the agencies' and the notice's names looked up. */
  private async filtersOf(
    q: ListItemsQuery,
    user: AuthenticatedUser,
    notice: NoticeEntity | null,
  ): Promise<ListFilters> {
    const names = await this.agencies.namesByCode();
    const name = (code: string | null | undefined): string | null =>
      code ? (names.get(code) ?? code) : null;
    return {
      ownAgency: user.role === 'agency' ? name(user.agencyCode) : null,
      notice: notice ? (notice.number ? `số ${notice.number}` : (notice.title ?? '')) : null,
      lead: name(q.lead),
      support: name(q.support),
      ...(q.status ? { status: q.status } : {}),
      ...(q.overdue !== undefined ? { overdue: q.overdue } : {}),
      ...(q.pendingExtension ? { pendingExtension: true } : {}),
      ...(q.q ? { q: q.q } : {}),
      ...(q.dueFrom ? { dueFrom: q.dueFrom } : {}),
      ...(q.dueTo ? { dueTo: q.dueTo } : {}),
    };
  }

  /**
   * The agencies' record of a year (UTC+7; default the current one) for the year-end emulation
   * ranking: the completion report of the periods due in it, with lateness and extensions.
   */
  async scorecard(year: number | undefined): Promise<ExportFile> {
    const now = Date.now();
    const y = year ?? Number(civilDateAt(now).slice(0, 4));
    const [from, to] = [`${y}-01-01`, `${y}-12-31`];
    const [completion, facts] = await Promise.all([
      this.reports.completion({ from, to }),
      this.read.yearFacts(from, to),
    ]);
    const rows = scorecardRows(completion.agencies, completion.totals, facts);
    const bytes = await xlsxOf(scorecardSheets(rows, y, now), now);
    return { fileName: `ket-qua-thuc-hien-nhiem-vu-nam-${y}.xlsx`, mime: XLSX_MIME, bytes };
  }

  private async allOf(q: ListItemsQuery, user: AuthenticatedUser): Promise<ItemRecord[]> {
    const first = await this.items.list({ ...q, limit: PAGE, offset: 0 }, user);
    if (first.total > EXPORT_MAX_ROWS) {
      throw ApiError.badRequest(
        'EXPORT_TOO_LARGE',
        `Danh sách có ${first.total.toLocaleString('vi-VN')} nhiệm vụ, quá ${EXPORT_MAX_ROWS.toLocaleString('vi-VN')} nhiệm vụ một tệp được phép; hãy lọc bớt rồi xuất lại.`,
      );
    }
    const rows = [...first.items];
    while (rows.length < first.total) {
      const page = await this.items.list({ ...q, limit: PAGE, offset: rows.length }, user);
      if (page.items.length === 0) break;
      rows.push(...page.items);
    }
    return rows;
  }
}

/** A filtered file is named for its filter, so it is not taken for (or saved over) the whole. */
function overdueFileName(q: ReportQuery, notice: NoticeEntity | null, now: number): string {
  const parts = ['nhiem-vu-qua-han'];
  if (q.noticeId) {
    parts.push(notice?.number ? `thong-bao-${fileSafe(notice.number)}` : 'thong-bao');
  }
  if (q.from) parts.push(`tu-${q.from}`);
  if (q.to) parts.push(`den-${q.to}`);
  return `${[...parts, civilDateAt(now)].join('-')}.xlsx`;
}
