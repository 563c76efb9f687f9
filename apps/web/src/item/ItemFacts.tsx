import { Alert, Descriptions, Grid, Progress, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Item } from '../api/client';
import { formatDate, formatDateTime } from '../format';
import { StatusTag } from '../items/StatusTag';
import { noticeHeading, noticePath } from '../notices/notice-labels';
import { completionLabel, dayOffHint, dueSpecText, recurrenceLabel } from './due-labels';

/** A value that must not break inside: a date, a number of days, a status tag. */
const whole = (value: ReactNode) => <span className="nowrap">{value}</span>;

/**
 * The notice's words a dated deadline came from ("trước ngày 15/01/2027", read as the end of the
 * day before): the page shows them beside the date (issue 8 blind check).
 */
function dateWords(deadline: unknown): string | null {
  if (typeof deadline !== 'object' || deadline === null) return null;
  const { kind, phrase } = deadline as { kind?: unknown; phrase?: unknown };
  return kind === 'date' && typeof phrase === 'string' && phrase.trim() !== ''
    ? phrase.trim()
    : null;
}

/** What an item is: text, deadlines, agencies, notice, status; `returned`: the return banner. */
export function ItemFacts({
  item,
  returned,
  linkNotice = true,
}: {
  item: Item;
  returned?: string | null;
  /** Off on a mail link's page: the notice's page needs a login the link holder may not have. */
  linkNotice?: boolean;
}) {
  // On a phone each label sits above its value: the value gets the whole width.
  const phone = Grid.useBreakpoint().sm === false;
  const moved = item.originalDue !== null && item.originalDue !== item.due;
  const ext = item.pendingExtension;
  const recurrence = recurrenceLabel(item.deadline);
  const hint = dayOffHint(item.due, item.dueAt);
  const done = completionLabel(item.status, item.completedLate);
  const words = moved ? null : dateWords(item.deadline);
  return (
    <>
      <Descriptions
        bordered
        size="small"
        layout={phone ? 'vertical' : 'horizontal'}
        column={{ xs: 1, sm: 1, md: 1, lg: 2 }}
        styles={{ label: { width: 160 }, content: { minWidth: 120 } }}
        items={[
          { key: 'status', label: 'Trạng thái', children: whole(<StatusTag item={item} />) },
          {
            key: 'due',
            label: moved ? 'Hạn hiện tại' : 'Hạn',
            children: (
              <>
                {recurrence && `Định kỳ: ${recurrence} — kỳ này hạn `}
                {item.due ? whole(formatDate(item.due)) : 'Không có hạn'}
                {hint && ` ${hint}`}
                {words && (
                  <Typography.Text type="secondary" style={{ display: 'block' }}>
                    Thông báo ghi: “{words}”
                  </Typography.Text>
                )}
              </>
            ),
          },
          ...(done ? [{ key: 'done', label: 'Kết quả', children: whole(done) }] : []),
          ...(moved
            ? [{ key: 'orig', label: 'Hạn ban đầu', children: whole(formatDate(item.originalDue)) }]
            : []),
          { key: 'lead', label: 'Cơ quan chủ trì', children: item.leadName ?? item.lead },
          {
            key: 'support',
            label: 'Cơ quan phối hợp',
            children: item.supportNames.length ? item.supportNames.join('; ') : '—',
          },
          ...(item.noticeId
            ? [
                {
                  key: 'notice',
                  label: 'Thông báo',
                  children: (
                    <>
                      {linkNotice ? (
                        <Link to={noticePath(item.noticeId)}>
                          {noticeHeading({ number: item.noticeNumber })}
                        </Link>
                      ) : (
                        noticeHeading({ number: item.noticeNumber })
                      )}
                      {item.noticeTitle ? ` — ${item.noticeTitle}` : ''}
                    </>
                  ),
                },
              ]
            : []),
          ...(item.code ? [{ key: 'code', label: 'Mục', children: item.code }] : []),
          ...(item.reportTo ? [{ key: 'rt', label: 'Báo cáo về', children: item.reportTo }] : []),
          ...(item.overdue
            ? [
                {
                  key: 'days',
                  label: 'Số ngày quá hạn',
                  children: whole(`${item.daysOverdue} ngày làm việc`),
                },
              ]
            : []),
          // The last percent reported, while the work goes on: once reported done (or closed)
          // the status says where it stands, not an older "40 %".
          ...(item.progressPercent !== null && (item.status === 'open' || item.status === 'overdue')
            ? [
                {
                  key: 'pct',
                  label: 'Tiến độ',
                  children: (
                    <Progress percent={item.progressPercent} size="small" aria-label="Tiến độ" />
                  ),
                },
              ]
            : []),
          { key: 'created', label: 'Giao lúc', children: whole(formatDateTime(item.createdAt)) },
        ]}
      />
      {returned && <Alert type="warning" showIcon style={{ marginTop: 12 }} title={returned} />}
      {ext && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          title={`Đang đề nghị gia hạn đến ${dueSpecText(ext.due) ?? formatDate(new Date(ext.due.at).toISOString())}`}
          description={`Lý do: ${ext.reason} (${ext.requestedBy}, ${formatDateTime(ext.requestedAt)})`}
        />
      )}
      {item.warnings.map((w) => (
        <Alert key={w} type="info" showIcon style={{ marginTop: 12 }} title={w} />
      ))}
    </>
  );
}
