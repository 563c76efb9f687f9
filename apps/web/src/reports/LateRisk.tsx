import { Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { components } from '../api/schema';
import { formatDate } from '../format';
import { noticeShortHeading } from '../notices/notice-labels';

type RiskItem = components['schemas']['RiskItemResponse'];

/** How many of an item's reasons the list shows: the most telling. */
const REASONS_SHOWN = 3;

/** "Nguy cơ 82%", red from 70 %, orange from 40 %. */
export function riskTag(risk: number) {
  const color = risk >= 0.7 ? 'red' : risk >= 0.4 ? 'orange' : 'default';
  return <Tag color={color}>Nguy cơ {Math.round(risk * 100)}%</Tag>;
}

/** "Hạn 20/12/2026 · còn 3 ngày làm việc" ("hạn hôm nay" on the day). */
function dueLine(x: RiskItem): string {
  const left =
    x.workingDaysLeft === 0 ? 'hạn là hôm nay' : `còn ${x.workingDaysLeft} ngày làm việc`;
  return `Hạn ${formatDate(x.item.due)} · ${left}`;
}

/**
 * The items most likely to end late, most at risk first: each with its lead agency, deadline, the
 * forecast and why. A list, as the overdue one, so nothing is cut on a phone or on paper.
 */
export function LateRisk({ items }: { items: RiskItem[] }) {
  return (
    <ol aria-label="Nhiệm vụ có nguy cơ chậm" className="plain-list report-risk">
      {items.map((x) => (
        <li key={x.item.id} style={{ marginBottom: 12 }}>
          {riskTag(x.risk)}
          <Link to={`/items/${x.item.id}`}>
            {x.item.code ? `${x.item.code}. ${x.item.text}` : x.item.text}
          </Link>
          {(x.item.noticeNumber ?? x.item.noticeTitle) && (
            <Typography.Text type="secondary">
              {' '}
              ({noticeShortHeading({ number: x.item.noticeNumber, title: x.item.noticeTitle })})
            </Typography.Text>
          )}
          <Typography.Text type="secondary" style={{ display: 'block' }}>
            {x.item.leadName ?? x.item.lead} · {dueLine(x)}
          </Typography.Text>
          <ul aria-label="Lý do" style={{ margin: '2px 0 0', paddingLeft: 20 }}>
            {x.reasons.slice(0, REASONS_SHOWN).map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
