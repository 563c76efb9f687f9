import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { civilDateAt } from '../../../../libs/domain/src';
import {
  AGENCY_TALLY_COLUMNS,
  ITEM_COLUMNS,
  SCORECARD_COLUMNS,
  scorecardRows,
  sheet,
  tallyByLead,
  totalRow,
  XLSX_MIME,
  xlsxOf,
} from '../../../../libs/papers/src';
import {
  ItemReadRepository,
  type ItemRecord,
  NoticeEntity,
} from '../../../../libs/persistence/src';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ApiError } from '../common/api-error';
import { ItemsService, type ListItemsQuery } from '../items/items.module';
import { ReportsService, type ReportQuery } from '../reports/reports.module';
import { fileSafe, type ExportFile } from './export-file';

/** Rows one export may hold; a larger list is refused with a hint to filter it. */
export const EXPORT_MAX_ROWS = 20_000;
const PAGE = 1_000;

const SUMMARY_SHEET = 'Tổng hợp theo cơ quan';

/** The office's spreadsheets: what the lists and reports show, as files to print, sort and keep. */
@Injectable()
export class SpreadsheetsService {
  constructor(
    private readonly items: ItemsService,
    private readonly reports: ReportsService,
    private readonly read: ItemReadRepository,
    @InjectRepository(NoticeEntity) private readonly notices: Repository<NoticeEntity>,
  ) {}

  /** The item list with its filters and order (an agency: its own items), and a tally by agency. */
  async itemList(q: ListItemsQuery, user: AuthenticatedUser): Promise<ExportFile> {
    const now = Date.now();
    const rows = await this.allOf(q, user);
    const bytes = await xlsxOf(
      [
        sheet({ sheet: 'Nhiệm vụ', columns: ITEM_COLUMNS, rows }),
        sheet({ sheet: SUMMARY_SHEET, columns: AGENCY_TALLY_COLUMNS, rows: tallyByLead(rows) }),
      ],
      now,
    );
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
    const rows = await this.allOf(
      {
        overdue: true,
        sort: 'due',
        ...(q.noticeId ? { noticeId: q.noticeId } : {}),
        ...(q.from ? { dueFrom: q.from } : {}),
        ...(q.to ? { dueTo: q.to } : {}),
      },
      user,
    );
    const tally = [...completion.agencies, totalRow(completion.totals)];
    const bytes = await xlsxOf(
      [
        sheet({ sheet: 'Nhiệm vụ quá hạn', columns: ITEM_COLUMNS, rows }),
        sheet({ sheet: SUMMARY_SHEET, columns: AGENCY_TALLY_COLUMNS, rows: tally }),
      ],
      now,
    );
    return { fileName: await this.overdueFileName(q, now), mime: XLSX_MIME, bytes };
  }

  /** A filtered file is named for its filter, so it is not taken for (or saved over) the whole. */
  private async overdueFileName(q: ReportQuery, now: number): Promise<string> {
    const parts = ['nhiem-vu-qua-han'];
    if (q.noticeId) {
      const notice = await this.notices.findOneBy({ id: q.noticeId });
      parts.push(notice?.number ? `thong-bao-${fileSafe(notice.number)}` : 'thong-bao');
    }
    if (q.from) parts.push(`tu-${q.from}`);
    if (q.to) parts.push(`den-${q.to}`);
    return `${[...parts, civilDateAt(now)].join('-')}.xlsx`;
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
    const bytes = await xlsxOf(
      [sheet({ sheet: `Năm ${y}`, columns: SCORECARD_COLUMNS, rows })],
      now,
    );
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
