import { Tag } from 'antd';
import type { Item } from '../api/client';
import { STATUS_COLORS, STATUS_LABELS } from '../labels';

/** The status in Vietnamese; an overdue item also says by how many working days. */
export function StatusTag({ item }: { item: Pick<Item, 'status' | 'overdue' | 'daysOverdue'> }) {
  const status = item.overdue && item.status === 'open' ? 'overdue' : item.status;
  return (
    <Tag color={STATUS_COLORS[status]} style={{ whiteSpace: 'normal' }}>
      {STATUS_LABELS[status]}
      {item.overdue && item.daysOverdue > 0 ? ` · ${item.daysOverdue} ngày làm việc` : ''}
    </Tag>
  );
}
