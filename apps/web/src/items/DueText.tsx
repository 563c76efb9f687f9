import { Tag, Typography } from 'antd';
import type { Item } from '../api/client';
import { formatDate } from '../format';
import { dayOffHint, recurrenceLabel } from '../item/due-labels';

/**
 * An item's due date in a list: the literal date (never broken inside), a "Định kỳ" tag on a
 * recurring item (its rhythm in the tag's title), and the legal day when the date is a day off.
 */
export function DueText({ item }: { item: Pick<Item, 'due' | 'dueAt' | 'deadline'> }) {
  const recurrence = recurrenceLabel(item.deadline);
  const hint = dayOffHint(item.due, item.dueAt);
  return (
    <>
      <span className="nowrap">{formatDate(item.due)}</span>
      {recurrence && (
        <Tag style={{ marginInlineStart: 4 }} title={`Định kỳ: ${recurrence}`}>
          Định kỳ
        </Tag>
      )}
      {hint && (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {hint}
        </Typography.Text>
      )}
    </>
  );
}
