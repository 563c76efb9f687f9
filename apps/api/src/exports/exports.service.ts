import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import {
  civilDateAt,
  compareCivil,
  formatVnDate,
  vnPublicSectorCalendar,
} from '../../../../libs/domain/src';
import {
  ItemReadRepository,
  NoticeEntity,
  type ItemRecord,
} from '../../../../libs/persistence/src';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ApiError } from '../common/api-error';
import { ItemsService, type ListItemsQuery } from '../items/items.module';
import { ReportsService, type ReportQuery } from '../reports/reports.module';
import { AGENCY_TALLY_COLUMNS, ITEM_COLUMNS, tallyByLead, totalRow } from './item-sheets';
import { SCORECARD_COLUMNS, scorecardRows } from './scorecard';
import { DOCX_MIME, docxOf } from './docx-layout';
import { noticeReport } from './notice-report';
import { urgingLetter, type ReportedProgress } from './urging-letter';
import { sheet, XLSX_MIME, xlsxOf } from './xlsx-table';

/** Rows one export may hold; a larger list is refused with a hint to filter it. */
export const EXPORT_MAX_ROWS = 20_000;
const PAGE = 1_000;

export interface ExportFile {
  readonly fileName: string;
  readonly mime: string;
  readonly bytes: Buffer;
}

const SUMMARY_SHEET = 'Tổng hợp theo cơ quan';

/** "45/TB-BCĐ" → "45-TB-BCD": a file name in ASCII letters, digits and dashes. */
export const fileSafe = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** The office's spreadsheets: what the lists and reports show, as files to print, sort and keep. */
@Injectable()
export class ExportsService {
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
    return { fileName: `nhiem-vu-qua-han-${civilDateAt(now)}.xlsx`, mime: XLSX_MIME, bytes };
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

  /**
   * "Báo cáo tình hình thực hiện Thông báo kết luận …" (Nghị định 30/2020 layout): every item of
   * the notice with how it stands and the agency's reported result, ready to edit and sign.
   */
  async noticeReport(id: string): Promise<ExportFile> {
    const now = Date.now();
    const notice = await this.notices.findOneBy({ id });
    if (!notice) throw ApiError.notFound('NOTICE_NOT_FOUND', 'Không tìm thấy thông báo.');
    const items = await this.read.ofNotice(id, now);
    const resultNotes = new Map<string, string>();
    for (const item of items.filter((i) => i.status === 'completed' || i.status === 'submitted')) {
      const submitted = (await this.read.history(item.workflowId))
        .filter((e) => e.type === 'submitted')
        .at(-1);
      const note = (submitted?.detail as { note?: unknown } | null)?.note;
      if (typeof note === 'string' && note.trim() !== '') resultNotes.set(item.id, note.trim());
    }
    const bytes = await docxOf(noticeReport({ notice, items, resultNotes, nowMs: now }));
    const number = notice.number ? `-${fileSafe(notice.number)}` : '';
    return {
      fileName: `bao-cao-thuc-hien-thong-bao${number}-${civilDateAt(now)}.docx`,
      mime: DOCX_MIME,
      bytes,
    };
  }

  /**
   * A draft urging letter (công văn đôn đốc) to an open item's lead agency: the assignment, the
   * deadline and how late it is, the last progress reported, and `reportBy` (default five working
   * days from today) as the date to report by.
   */
  async urgingLetter(id: string, reportBy: string | undefined): Promise<ExportFile> {
    const now = Date.now();
    const today = civilDateAt(now);
    if (reportBy !== undefined && compareCivil(reportBy, today) <= 0) {
      throw ApiError.badRequest(
        'REPORT_BY_INVALID',
        `Hạn báo cáo (${formatVnDate(reportBy)}) phải sau ngày hôm nay (${formatVnDate(today)}).`,
      );
    }
    const row = await this.read.findRow(id);
    if (!row) throw ApiError.notFound('ITEM_NOT_FOUND', 'Không tìm thấy nhiệm vụ.');
    const item = await this.read.record(row, now);
    if (item.status === 'completed' || item.status === 'cancelled') {
      throw ApiError.conflict(
        'ITEM_CLOSED',
        item.status === 'completed'
          ? 'Nhiệm vụ đã hoàn thành, không cần đôn đốc.'
          : 'Nhiệm vụ đã hủy, không cần đôn đốc.',
      );
    }
    const notice = item.noticeId ? await this.notices.findOneBy({ id: item.noticeId }) : null;
    const progress = (await this.read.history(item.workflowId))
      .filter((e) => e.type === 'progress_reported')
      .at(-1);
    const detail = (progress?.detail ?? {}) as { note?: unknown; percent?: unknown };
    const lastProgress: ReportedProgress | null =
      progress && typeof detail.note === 'string'
        ? {
            at: Date.parse(progress.at),
            percent: typeof detail.percent === 'number' ? detail.percent : null,
            note: detail.note.trim(),
          }
        : null;
    const bytes = await docxOf(
      urgingLetter({
        item,
        notice,
        lastProgress,
        reportBy: reportBy ?? vnPublicSectorCalendar.addWorkingDays(today, 5),
        nowMs: now,
      }),
    );
    const label = fileSafe(item.code ?? item.id.slice(0, 8));
    return {
      fileName: `cong-van-don-doc-nhiem-vu-${label}-${today}.docx`,
      mime: DOCX_MIME,
      bytes,
    };
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
