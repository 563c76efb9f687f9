import { Tag, Typography } from 'antd';
import type { ItemStatus } from '../api/client';
import { STATUS_COLORS, STATUS_LABELS } from '../labels';
import type { NoticeCounts } from './use-notice';

const LIST_STYLE = {
  listStyle: 'none',
  margin: '8px 0 0',
  padding: 0,
  display: 'flex',
  flexWrap: 'wrap',
  gap: 8,
} as const;

const ORDER: readonly ItemStatus[] = ['overdue', 'open', 'submitted', 'completed', 'cancelled'];

/**
 * How many of the notice's items are in each live status. `recurring`: some item recurs, and the
 * reports count each of its periods (a completed period too) where this counts the item once, as
 * it stands: said, so the two are not read as disagreeing (issue 8 blind check).
 */
export function NoticeCountsList({
  counts,
  recurring = false,
}: {
  counts: NoticeCounts;
  recurring?: boolean;
}) {
  return (
    <div>
      <Typography.Text strong>{counts.total} nhiệm vụ</Typography.Text>
      <ul aria-label="Số nhiệm vụ theo trạng thái" style={LIST_STYLE}>
        {ORDER.map((s) => (
          <li key={s}>
            <Tag
              style={{ marginInlineEnd: 0 }}
              color={counts[s] > 0 ? STATUS_COLORS[s] : undefined}
            >
              {STATUS_LABELS[s]}: {counts[s]}
            </Tag>
          </li>
        ))}
      </ul>
      {recurring && (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          Mỗi nhiệm vụ được tính một lần theo trạng thái hiện tại; nhiệm vụ định kỳ được tính theo
          kỳ đang thực hiện. Báo cáo tính riêng từng kỳ, kể cả các kỳ đã hoàn thành.
        </Typography.Paragraph>
      )}
    </div>
  );
}
