import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { ItemEventType } from '../../../../libs/contracts/src';
import {
  civilDateAt,
  compareCivil,
  formatVnDate,
  vnPublicSectorCalendar,
  type ItemStatus,
} from '../../../../libs/domain/src';
import {
  DOCX_MIME,
  docxOf,
  noticeReport,
  urgingLetter,
  urgingLetterFileName,
} from '../../../../libs/papers/src';
import {
  ItemReadRepository,
  NoticeEntity,
  type ItemRecord,
} from '../../../../libs/persistence/src';
import { ApiError } from '../common/api-error';
import { fileSafe, type ExportFile } from './export-file';

/** The office's Word documents: drafts to edit, sign and send. */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly read: ItemReadRepository,
    @InjectRepository(NoticeEntity) private readonly notices: Repository<NoticeEntity>,
  ) {}

  /**
   * "Báo cáo tình hình thực hiện Thông báo kết luận …" (Nghị định 30/2020 layout): every item of
   * the notice with how it stands and the agency's reported result, ready to edit and sign.
   */
  async noticeReport(id: string): Promise<ExportFile> {
    const now = Date.now();
    const notice = await this.notices.findOneBy({ id });
    if (!notice) throw ApiError.notFound('NOTICE_NOT_FOUND', 'Không tìm thấy thông báo.');
    const [items, report] = await Promise.all([
      this.read.ofNotice(id, now),
      this.read.completionReport(now, { noticeId: id }),
    ]);
    const resultNotes = await this.lastSaid(items, ['completed', 'submitted'], 'submitted', 'note');
    const cancelReasons = await this.lastSaid(items, ['cancelled'], 'cancelled', 'reason');
    const bytes = await docxOf(
      noticeReport({
        notice,
        items,
        resultNotes,
        cancelReasons,
        counts: report.totals,
        nowMs: now,
      }),
    );
    const number = notice.number ? `-${fileSafe(notice.number)}` : '';
    return {
      fileName: `bao-cao-thuc-hien-thong-bao${number}-${civilDateAt(now)}.docx`,
      mime: DOCX_MIME,
      bytes,
    };
  }

  /** What the last `event` of each item in one of `statuses` said in its `field`, by item id. */
  private async lastSaid(
    items: readonly ItemRecord[],
    statuses: readonly ItemStatus[],
    event: ItemEventType,
    field: string,
  ): Promise<Map<string, string>> {
    const said = new Map<string, string>();
    for (const item of items.filter((i) => statuses.includes(i.status))) {
      const last = (await this.read.history(item.workflowId))
        .filter((e) => e.type === event)
        .at(-1);
      const text = (last?.detail as Record<string, unknown> | null)?.[field];
      if (typeof text === 'string' && text.trim() !== '') said.set(item.id, text.trim());
    }
    return said;
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
    const facts = await this.read.urgingLetterFacts(id, now);
    if (!facts) throw ApiError.notFound('ITEM_NOT_FOUND', 'Không tìm thấy nhiệm vụ.');
    const { item, notice, lastProgress, lastReturned } = facts;
    if (item.status === 'completed' || item.status === 'cancelled') {
      throw ApiError.conflict(
        'ITEM_CLOSED',
        item.status === 'completed'
          ? 'Nhiệm vụ đã hoàn thành, không cần đôn đốc.'
          : 'Nhiệm vụ đã hủy, không cần đôn đốc.',
      );
    }
    const bytes = await docxOf(
      urgingLetter({
        item,
        notice,
        lastProgress,
        lastReturned,
        reportBy: reportBy ?? vnPublicSectorCalendar.addWorkingDays(today, 5),
        nowMs: now,
      }),
    );
    return {
      fileName: urgingLetterFileName(item, today),
      mime: DOCX_MIME,
      bytes,
    };
  }
}
