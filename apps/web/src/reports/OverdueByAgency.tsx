import { Typography } from 'antd';
import { Link } from 'react-router';
import type { components } from '../api/schema';
import { formatDate } from '../format';
import { dayOffHint } from '../item/due-labels';
import { noticeShortHeading } from '../notices/notice-labels';
import { itemsListUrl, type ReportFilter } from './report-filter';

type OverdueAgency = components['schemas']['OverdueAgencyResponse'];
type OverdueItem = OverdueAgency['items'][number];

/** "Hạn 20/12/2026 (trùng ngày nghỉ, tính đến hết ngày 21/12/2026) · quá hạn 3 ngày làm việc". */
function dueLine(i: OverdueItem): string {
  const hint = dayOffHint(i.due, i.dueAt);
  return `Hạn ${formatDate(i.due)}${hint ? ` ${hint}` : ''} · quá hạn ${i.daysOverdue} ngày làm việc`;
}

/**
 * Each agency with its number of overdue items (a link to that list, as its bar) and its most
 * overdue items (the API lists at most `itemsPerAgency` of them), each with its deadline and working
 * days overdue: a list, so nothing is cut on a phone or on paper. When the agency has more, a link
 * under its list opens all of them.
 */
export function OverdueByAgency({
  agencies,
  filter,
}: {
  agencies: OverdueAgency[];
  filter: ReportFilter;
}) {
  return (
    <div className="report-agencies">
      {agencies.map((a) => (
        <section key={a.code} aria-labelledby={`overdue-${a.code}`} className="report-agency">
          <h3 id={`overdue-${a.code}`} style={{ fontSize: 15, margin: '16px 0 4px' }}>
            <Link to={itemsListUrl(filter, a.code, true)}>
              {a.name}: {a.overdue} nhiệm vụ quá hạn
            </Link>
          </h3>
          <ul aria-label={`Nhiệm vụ quá hạn của ${a.name}`} className="plain-list">
            {a.items.map((i) => (
              <li key={i.id}>
                <Link to={`/items/${i.id}`}>{i.code ? `${i.code}. ${i.text}` : i.text}</Link>
                {/* Which notice: the codes "2.a" of two notices look alike. */}
                {(i.noticeNumber ?? i.noticeTitle) && (
                  <Typography.Text type="secondary">
                    {' '}
                    ({noticeShortHeading({ number: i.noticeNumber, title: i.noticeTitle })})
                  </Typography.Text>
                )}
                <Typography.Text type="secondary" style={{ display: 'block' }}>
                  {dueLine(i)}
                </Typography.Text>
              </li>
            ))}
          </ul>
          {a.items.length < a.overdue && (
            <p style={{ margin: '4px 0 0' }}>
              <Link to={itemsListUrl(filter, a.code, true)}>
                Xem tất cả {a.overdue} nhiệm vụ quá hạn của {a.name}
              </Link>
            </p>
          )}
        </section>
      ))}
    </div>
  );
}
