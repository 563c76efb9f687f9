import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { compareCivil, formatVnDate } from '../../../../libs/domain/src';
import {
  type CompletionReport,
  ItemReadRepository,
  NoticeEntity,
  type OverdueReport,
  type ReportFilter,
  type RiskReport,
} from '../../../../libs/persistence/src';
import { ApiError } from '../common/api-error';
import type { OverdueReportQuery, ReportQuery, RiskReportQuery } from './report.query';

/** What a report covers, as its response states it (the notice named for a title or a print). */
export interface ReportScope {
  readonly noticeId: string | null;
  readonly from: string | null;
  readonly to: string | null;
  readonly notice: { id: string; number: string | null; title: string | null } | null;
}

/** Reports are plain SQL over the projection and the history, never workflow queries. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly read: ItemReadRepository,
    @InjectRepository(NoticeEntity) private readonly notices: Repository<NoticeEntity>,
  ) {}

  /**
   * Overdue items by lead agency: per agency the total of the item list's `overdue=true` with the
   * same notice and due dates, and its first `itemsPerAgency` items (ADR 0023).
   */
  async overdue(q: OverdueReportQuery): Promise<OverdueReport & { filter: ReportScope }> {
    const [filter, scope] = await this.filterOf(q);
    const report = await this.read.overdueReport(Date.now(), filter, q.itemsPerAgency);
    return { ...report, filter: scope };
  }

  async completion(q: ReportQuery): Promise<CompletionReport & { filter: ReportScope }> {
    const [filter, scope] = await this.filterOf(q);
    return { ...(await this.read.completionReport(Date.now(), filter)), filter: scope };
  }

  /** The late-risk forecast, the `limit` most at risk (ADR 0029). */
  async risk(q: RiskReportQuery): Promise<RiskReport & { total: number }> {
    const report = await this.read.riskReport(Date.now());
    const items =
      q.overdue === undefined
        ? report.items
        : report.items.filter((x) => x.item.overdue === q.overdue);
    return { ...report, total: items.length, items: items.slice(0, q.limit) };
  }

  private async filterOf(q: ReportQuery): Promise<[ReportFilter, ReportScope]> {
    if (q.from && q.to && compareCivil(q.from, q.to) > 0) {
      throw ApiError.badRequest(
        'REPORT_PERIOD_INVALID',
        `Khoảng thời gian không hợp lệ: "Từ ngày" (${formatVnDate(q.from)}) sau "Đến ngày" (${formatVnDate(q.to)}).`,
      );
    }
    let notice: ReportScope['notice'] = null;
    if (q.noticeId) {
      const row = await this.notices.findOne({
        select: { id: true, number: true, title: true },
        where: { id: q.noticeId },
      });
      if (!row) throw ApiError.notFound('NOTICE_NOT_FOUND', 'Không tìm thấy thông báo.');
      notice = { id: row.id, number: row.number, title: row.title };
    }
    const filter = { noticeId: q.noticeId, from: q.from, to: q.to };
    const scope = { noticeId: q.noticeId ?? null, from: q.from ?? null, to: q.to ?? null, notice };
    return [filter, scope];
  }
}
