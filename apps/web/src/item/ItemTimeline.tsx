import { Timeline, Typography } from 'antd';
import type { ItemEvent } from '../api/client';
import { formatDate, formatDateTime } from '../format';
import { EVENT_LABELS } from '../labels';

type Detail = NonNullable<ItemEvent['detail']>;

const COLORS: Partial<Record<ItemEvent['type'], string>> = {
  overdue: 'red',
  escalated: 'red',
  completed: 'green',
  returned: 'orange',
  cancelled: 'gray',
};

/** The literal date of a deadline the workflow recorded ({date, at}), if any. */
function dueOf(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const date = (value as { date?: unknown }).date;
  return typeof date === 'string' ? formatDate(date) : null;
}

/** The lines worth reading in an event's detail, in Vietnamese. */
function detailLines(type: ItemEvent['type'], d: Detail): string[] {
  const lines: string[] = [];
  if (typeof d.percent === 'number') lines.push(`Tiến độ: ${d.percent}%`);
  if (typeof d.note === 'string' && d.note) lines.push(`Nội dung: ${d.note}`);
  if (typeof d.reason === 'string' && d.reason) lines.push(`Lý do: ${d.reason}`);
  if (type === 'extension_requested' && dueOf(d.due)) lines.push(`Hạn đề nghị: ${dueOf(d.due)}`);
  if (type === 'extension_approved' && dueOf(d.to)) lines.push(`Hạn mới: ${dueOf(d.to)}`);
  if (type === 'reassigned' && typeof d.to === 'string') lines.push(`Chuyển sang: ${d.to}`);
  if (d.recipients?.length) lines.push(`Thư gửi đến: ${d.recipients.join(', ')}`);
  if (d.failedRecipients?.length) {
    lines.push(`Không gửi được đến: ${d.failedRecipients.join(', ')}`);
  }
  if (d.channelCode === 'email_link') lines.push('Thực hiện qua liên kết trong thư');
  return lines;
}

/** The item's history, oldest first: when, what, who, and the mails sent. */
export function ItemTimeline({ events }: { events: ItemEvent[] }) {
  return (
    <Timeline
      items={events.map((e) => ({
        key: e.seq,
        color: COLORS[e.type] ?? 'blue',
        children: (
          <div>
            <Typography.Text strong>{EVENT_LABELS[e.type]}</Typography.Text>{' '}
            <Typography.Text type="secondary">
              {formatDateTime(e.at)} · {e.actor ?? 'Hệ thống'}
            </Typography.Text>
            {detailLines(e.type, e.detail ?? {}).map((line) => (
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
