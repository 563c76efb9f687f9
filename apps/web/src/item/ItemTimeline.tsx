import { Timeline, Typography } from 'antd';
import type { Item, ItemEvent } from '../api/client';
import { formatDateTime } from '../format';
import { EVENT_LABELS, EVENT_TEXT_LABELS, FIELD_LABELS } from '../labels';
import { dueSpecText, newPeriodLabel } from './due-labels';
import { mailStateLine } from './mail-state';
import { recipientsText } from './recipients';

type Detail = NonNullable<ItemEvent['detail']>;

/**
 * Alarming events in the danger colour, the rest in the link blue: the theme's primary colour (the
 * preset "blue") is the brand red, which made every event look like an alarm.
 */
const COLORS: Partial<Record<ItemEvent['type'], string>> = {
  overdue: '#b3261e',
  escalated: '#b3261e',
  completed: '#1e7b34',
  returned: '#8a5a00',
  extension_rejected: '#8a5a00',
  cancelled: '#595959',
};
const DEFAULT_COLOR = '#0b57d0';

/** The literal date of a deadline the workflow recorded ({date, at}), if any. */
function dueOf(value: unknown): string | null {
  return typeof value === 'object' && value !== null ? dueSpecText(value) : null;
}

/**
 * The events whose command mailed the lead agency (workflows/item-commands: return, a refused
 * extension) without recording the recipients in the event's detail: the workflow sends them to
 * the lead's contact address, which the history does not keep, so the page names the agency.
 */
const MAILS_LEAD: ReadonlySet<ItemEvent['type']> = new Set(['returned', 'extension_rejected']);

/**
 * The events whose command moved the deadline: the lead's mail, and each co-ordinating agency's
 * copy (its calendar event moves too; workflows/item-transition `deadlineCopies`).
 */
const MAILS_LEAD_AND_SUPPORT: ReadonlySet<ItemEvent['type']> = new Set([
  'deadline_changed',
  'extension_approved',
]);

/**
 * Who an event's command mailed, when the event does not record the recipients; a reassignment
 * mails the new lead and tells the former one (workflows/item-commands/reassign).
 */
type Audience = 'lead' | 'lead-and-support' | 'office' | 'new-and-former-lead';

/**
 * The mails each command sends (workflows/item-commands, ADR 0027): a completion report and an
 * extension request go to the Văn phòng; a close, and a recurring item's next period, to the lead
 * and every co-ordinating agency. An accepted period opens the next one, whose event names them.
 */
function audienceOf(events: readonly ItemEvent[], i: number): Audience | null {
  const e = events[i]!;
  if (MAILS_LEAD.has(e.type)) return 'lead';
  if (MAILS_LEAD_AND_SUPPORT.has(e.type)) return 'lead-and-support';
  if (e.type === 'reassigned') return 'new-and-former-lead';
  if (e.type === 'submitted' || e.type === 'extension_requested') return 'office';
  if (e.type === 'cancelled') return 'lead-and-support';
  const next = events[i + 1];
  const period = (x: ItemEvent | undefined) =>
    x?.type === 'created' && (x.detail as { period?: unknown } | null)?.period === true;
  if (e.type === 'completed' && !period(next)) return 'lead-and-support';
  return period(e) ? 'lead-and-support' : null;
}

/** An agency code in an event's detail (keys the generated type does not name included). */
const codeAt = (e: ItemEvent | undefined, key: string): string | null => {
  const value = (e?.detail as Record<string, unknown> | null | undefined)?.[key];
  return typeof value === 'string' ? value : null;
};

/** The lead agency after each event, from 'created' and 'reassigned' (the item's lead otherwise). */
function leadsAfter(events: readonly ItemEvent[], currentLead: string): string[] {
  const firstMove = events.find((e) => e.type === 'reassigned');
  const created = events.find((e) => e.type === 'created');
  let lead = codeAt(created, 'lead') ?? codeAt(firstMove, 'from') ?? currentLead;
  return events.map((e) => {
    if (e.type === 'reassigned') lead = codeAt(e, 'to') ?? lead;
    return lead;
  });
}

/**
 * The lines worth reading in an event's detail, in Vietnamese; what someone typed is labelled as
 * the dialog they typed it in labels it.
 */
function detailLines(
  type: ItemEvent['type'],
  d: Detail,
  agencyName: (code: string) => string,
  { lead, support }: { lead: string; support: readonly string[] },
  audience: Audience | null,
  addresses: ReadonlyMap<string, string>,
) {
  const lines: string[] = [];
  const typed = EVENT_TEXT_LABELS[type];
  if (typeof d.percent === 'number') lines.push(`${FIELD_LABELS.percent}: ${d.percent}%`);
  if (type === 'extension_requested' && dueOf(d.due)) {
    lines.push(`${FIELD_LABELS.newDue}: ${dueOf(d.due)}`);
  }
  if (d.note) lines.push(`${typed?.note ?? 'Nội dung'}: ${d.note}`);
  if (d.reason) lines.push(`${typed?.reason ?? 'Lý do'}: ${d.reason}`);
  if (type === 'extension_approved' && dueOf(d.to)) {
    lines.push(`Hạn mới: ${dueOf(d.to)}`);
    if (dueOf(d.requestedDue)) lines.push(`Hạn cơ quan đề nghị: ${dueOf(d.requestedDue)}`);
  }
  if (type === 'deadline_changed' && dueOf(d.to)) {
    lines.push(`${FIELD_LABELS.changedDue}: ${dueOf(d.to)}`);
    // `from` is not in the generated detail type (it is a deadline here, an agency elsewhere).
    const from = dueOf((d as Record<string, unknown>)['from']);
    if (from) lines.push(`Thời hạn trước đây: ${from}`);
  }
  if (type === 'reassigned' && typeof d.to === 'string') {
    lines.push(`Chuyển sang: ${agencyName(d.to)}`);
  }
  if (d.recipients?.length) lines.push(`Thư gửi đến: ${recipientsText(d.recipients, addresses)}`);
  else if (audience === 'office') lines.push('Thư gửi đến: Văn phòng UBND tỉnh');
  else if (audience === 'new-and-former-lead') {
    // `from` is not in the generated detail type (an agency here, a deadline elsewhere).
    const from = (d as Record<string, unknown>)['from'];
    const former =
      typeof from === 'string' ? `; ${agencyName(from)} (cơ quan chủ trì trước đây)` : '';
    lines.push(`Thư gửi đến: ${agencyName(lead)} (cơ quan chủ trì mới)${former}`);
  } else if (audience) {
    const supports = audience === 'lead-and-support' ? support.map(agencyName) : [];
    lines.push(
      `Thư gửi đến: ${agencyName(lead)} (cơ quan chủ trì)` +
        (supports.length > 0 ? `; ${supports.join('; ')} (cơ quan phối hợp)` : ''),
    );
  }
  if (d.failedRecipients?.length) {
    lines.push(`Không gửi được đến: ${recipientsText(d.failedRecipients, addresses, true)}`);
  }
  const mail = mailStateLine(d);
  if (mail) lines.push(mail);
  if (d.channelCode === 'email_link') lines.push('Thực hiện qua liên kết trong thư');
  return lines;
}

/** The item's history, oldest first: when, what, who, and the mails sent. */
export function ItemTimeline({
  events,
  item,
  agencyNames,
  addressNames = new Map(),
}: {
  events: ItemEvent[];
  item: Pick<Item, 'lead' | 'support'>;
  agencyNames: ReadonlyMap<string, string>;
  /** Recipients' addresses → agency names (item/recipients.ts). */
  addressNames?: ReadonlyMap<string, string>;
}) {
  const agencyName = (code: string) => agencyNames.get(code) ?? code;
  const leads = leadsAfter(events, item.lead);
  return (
    <Timeline
      items={events.map((e, i) => ({
        key: e.seq,
        color: COLORS[e.type] ?? DEFAULT_COLOR,
        children: (
          <div>
            <Typography.Text strong>
              {(e.type === 'created' && newPeriodLabel(e.detail)) || EVENT_LABELS[e.type]}
            </Typography.Text>{' '}
            <Typography.Text type="secondary">
              {formatDateTime(e.at)} ·{' '}
              {e.actor ? recipientsText([e.actor], addressNames, true) : 'Hệ thống'}
            </Typography.Text>
            {detailLines(
              e.type,
              e.detail ?? {},
              agencyName,
              { lead: leads[i] ?? item.lead, support: item.support },
              audienceOf(events, i),
              addressNames,
            ).map((line) => (
              <div key={line} style={{ overflowWrap: 'anywhere' }}>
                {line}
              </div>
            ))}
          </div>
        ),
      }))}
    />
  );
}
