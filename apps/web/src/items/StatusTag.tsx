import { Tag } from 'antd';
import type { Item } from '../api/client';
import { formatDate } from '../format';
import { PENDING_EXTENSION_LABEL, STATUS_COLORS, STATUS_LABELS } from '../labels';

/** The status in Vietnamese; an overdue item also says by how many working days. */
export function StatusTag({ item }: { item: Pick<Item, 'status' | 'overdue' | 'daysOverdue'> }) {
  const status = item.overdue && item.status === 'open' ? 'overdue' : item.status;
  return (
    <Tag color={STATUS_COLORS[status]} style={{ whiteSpace: 'nowrap' }}>
      {STATUS_LABELS[status]}
      {item.overdue && item.daysOverdue > 0 ? ` · ${item.daysOverdue} ngày làm việc` : ''}
    </Tag>
  );
}

/** An extension request waiting for the secretariat's decision, and the date it asks for. */
export function PendingExtensionTag({ item }: { item: Pick<Item, 'status' | 'pendingExtension'> }) {
  const ext = item.pendingExtension;
  if (!ext || item.status === 'completed' || item.status === 'cancelled') return null;
  const due = formatDate(ext.due.date ?? new Date(ext.due.at).toISOString());
  return (
    <Tag color="#6a3fa0" style={{ whiteSpace: 'normal' }}>
      {PENDING_EXTENSION_LABEL} đến {due}
    </Tag>
  );
}
