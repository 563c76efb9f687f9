import type { DataSource } from 'typeorm';
import { civilDateAt, isClosed, vnPublicSectorCalendar } from '../libs/domain/src';
import type { MailAttachment } from '../libs/mail/src';
import { DOCX_MIME, docxOf, urgingLetter, urgingLetterFileName } from '../libs/papers/src';
import { ItemReadRepository } from '../libs/persistence/src';

/**
 * The draft urging letter (công văn đôn đốc) an escalation mail carries (issue 11): the same
 * document as GET /api/items/:id/urging-letter.docx, dated the day of the escalation, asking for
 * a report within five working days. Null when the item is gone or already closed.
 */
export function urgingLetterAttachment(dataSource: DataSource) {
  const read = new ItemReadRepository(dataSource);
  return async (itemId: string, nowMs: number): Promise<MailAttachment | null> => {
    const facts = await read.urgingLetterFacts(itemId, nowMs);
    if (!facts || isClosed(facts.item.status)) return null;
    const day = civilDateAt(nowMs);
    const content = await docxOf(
      urgingLetter({
        ...facts,
        reportBy: vnPublicSectorCalendar.addWorkingDays(day, 5),
        nowMs,
      }),
    );
    return { filename: urgingLetterFileName(facts.item, day), content, contentType: DOCX_MIME };
  };
}
