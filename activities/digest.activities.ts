import { ApplicationFailure, log } from '@temporalio/activity';
import type { DataSource } from 'typeorm';
import type { DigestKind, DigestSummary } from '../libs/contracts/src';
import { instantAt, vnPublicSectorCalendar, type CivilDate } from '../libs/domain/src';
import {
  renderAgencyDigest,
  renderHeadDigest,
  renderSecretariatDigest,
  itemPageUrl,
  type Mailer,
  type MailAttachment,
  type RenderedDigest,
} from '../libs/mail/src';
import {
  agencyDigests,
  headDigest,
  isEmptyDigest,
  ITEM_COLUMNS,
  AGENCY_TALLY_COLUMNS,
  secretariatDigest,
  sheet,
  totalRow,
  XLSX_MIME,
  xlsxOf,
} from '../libs/papers/src';
import { ItemReadRepository, type ItemRecord } from '../libs/persistence/src';
import { signItemLink } from '../libs/security/src';
import { messageIdFor } from './mail.activities';
import type { MailLogStore } from './ports';

export interface DigestDeps {
  readonly dataSource: DataSource;
  readonly mailer: Mailer;
  readonly mailLog: MailLogStore;
  readonly config: {
    readonly publicBaseUrl: string;
    /** Signs the agencies' links, as in their item mails (ADR 0011). */
    readonly linkSigningSecret: string;
    readonly messageIdDomain?: string;
    /** OFFICE_NAME: whom the secretariat's digest greets. */
    readonly officeName?: string;
  };
  /** The secretariat's and the committee head's addresses (configuration). */
  readonly recipients: { readonly secretariat: string; readonly head: string };
}

interface Outgoing {
  readonly to: string;
  readonly mail: RenderedDigest;
  readonly attachments?: readonly MailAttachment[];
}

const PAGE = 1_000;
const NOT_CLOSED = ['open', 'overdue', 'submitted'] as const;

/** The digests' one activity: reads the day's records, builds each mail, sends each once. */
export function createDigestActivities(deps: DigestDeps) {
  const read = new ItemReadRepository(deps.dataSource);
  const domain = deps.config.messageIdDomain ?? 'dondoc.local';
  const base = deps.config.publicBaseUrl;

  async function all(filter: Parameters<ItemReadRepository['page']>[0], nowMs: number) {
    const rows: ItemRecord[] = [];
    for (;;) {
      const page = await read.page({ ...filter, limit: PAGE, offset: rows.length }, nowMs);
      rows.push(...page.items);
      if (page.items.length === 0 || rows.length >= page.total) return rows;
    }
  }

  const notClosed = (nowMs: number): Promise<ItemRecord[]> =>
    all({ statuses: NOT_CLOSED, sort: 'due' }, nowMs);

  async function mailsOf(kind: DigestKind, date: CivilDate, nowMs: number): Promise<Outgoing[]> {
    if (kind === 'secretariat') {
      const digest = secretariatDigest(await notClosed(nowMs), date, vnPublicSectorCalendar);
      if (isEmptyDigest(digest)) return [];
      const mail = renderSecretariatDigest(digest, base, deps.config.officeName);
      return [{ to: deps.recipients.secretariat, mail }];
    }
    if (kind === 'head') {
      const [report, overdue] = await Promise.all([
        read.completionReport(nowMs),
        all({ overdue: true, sort: 'due' }, nowMs),
      ]);
      const name = `nhiem-vu-qua-han-${date}.xlsx`;
      const xlsx = await xlsxOf(
        [
          sheet({ sheet: 'Nhiệm vụ quá hạn', columns: ITEM_COLUMNS, rows: overdue }),
          sheet({
            sheet: 'Tổng hợp theo cơ quan',
            columns: AGENCY_TALLY_COLUMNS,
            rows: [...report.agencies, totalRow(report.totals)],
          }),
        ],
        nowMs,
      );
      const mail = renderHeadDigest(headDigest(report, overdue, date), base, name);
      const attachments = [{ filename: name, content: xlsx, contentType: XLSX_MIME }];
      return [{ to: deps.recipients.head, mail, attachments }];
    }
    const contacts = new Map(
      (
        await deps.dataSource.query<{ code: string; contact_email: string }[]>(
          'SELECT code, contact_email FROM agencies WHERE active',
        )
      ).map((r) => [r.code, r.contact_email]),
    );
    const items = await notClosed(nowMs);
    const link = await agencyLinks(items, instantAt(date));
    return agencyDigests(items, date).flatMap((d) => {
      const to = contacts.get(d.code);
      return to ? [{ to, mail: renderAgencyDigest(d, link) }] : [];
    });
  }

  /**
   * Each item's page with a link signed for its lead agency on its current deadline, issued at the
   * start of the digest's day: a retry renders the same mail.
   */
  async function agencyLinks(items: readonly ItemRecord[], issuedAtMs: number) {
    const versions = new Map(
      (
        await deps.dataSource.query<{ id: string; deadline_version: number }[]>(
          'SELECT id, deadline_version FROM items WHERE id = ANY ($1::uuid[])',
          [items.map((i) => i.id)],
        )
      ).map((r) => [r.id, r.deadline_version]),
    );
    return (i: ItemRecord): string => {
      const token = signItemLink(
        {
          itemId: i.id,
          agencyCode: i.lead,
          deadlineVersion: versions.get(i.id) ?? 1,
          issuedAtMs,
        },
        deps.config.linkSigningSecret,
      );
      return itemPageUrl(base, i.id, token);
    };
  }

  /**
   * Sends the day's digest of a kind: at most one mail per recipient and day (mail_log, keyed by
   * kind, day and recipient), so a retry or a second run the same day sends nothing twice. A mail
   * the server does not take fails the activity, which Temporal retries; those sent stay sent.
   */
  async function sendDigest(input: { kind: DigestKind; date: CivilDate }): Promise<DigestSummary> {
    const { kind, date } = input;
    // The records as they stand at the digest's hour, read now.
    const nowMs = Math.max(Date.now(), instantAt(date));
    const outgoing = await mailsOf(kind, date, nowMs);
    let sent = 0;
    let alreadySent = 0;
    for (const { to, mail, attachments } of outgoing) {
      const key = `digest:${kind}:${date}:${to.toLowerCase()}`;
      const messageId = messageIdFor(key, domain);
      const before = await deps.mailLog.begin({
        idempotencyKey: key,
        workflowId: `digest-${kind}`,
        step: `digest:${date}`,
        recipient: to,
        subject: mail.subject,
        messageId,
      });
      if (before === 'sent' || before === 'failed') {
        alreadySent += 1;
        continue;
      }
      try {
        await deps.mailer.send({
          to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          messageId,
          headers: { 'X-DonDoc-Digest': `${kind}:${date}` },
          ...(attachments ? { attachments } : {}),
        });
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        await deps.mailLog.markFailed(key, message, false);
        log.warn('Digest not sent, retrying', { kind, date, to, error: message });
        throw ApplicationFailure.retryable(`Chưa gửi được thư tổng hợp tới ${to}: ${message}`);
      }
      await deps.mailLog.markSent(key, new Date());
      sent += 1;
    }
    const skipped = outgoing.length === 0 ? 'nothing-to-say' : null;
    return { kind, date, sent, alreadySent, skipped };
  }

  return { sendDigest };
}

export type DigestActivities = ReturnType<typeof createDigestActivities>;
