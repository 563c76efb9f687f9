import { Typography } from 'antd';
import type { Item } from '../api/client';

/** The item as the browser's tab names it: "Nhiệm vụ 2.a", or its text when it has no code. */
export const itemTitle = (item: Pick<Item, 'code' | 'text'>): string =>
  item.code
    ? `Nhiệm vụ ${item.code}`
    : item.text.length > 60
      ? `${item.text.slice(0, 60)}…`
      : item.text;

/** The item's text as the page's title, with its code in the notice. */
export function ItemHeading({ item }: { item: Item }) {
  return (
    <>
      <Typography.Text type="secondary">
        {item.code ? `Nhiệm vụ ${item.code}` : 'Nhiệm vụ'}
      </Typography.Text>
      <Typography.Title level={1} style={{ fontSize: 20, marginTop: 4, overflowWrap: 'anywhere' }}>
        {item.text}
      </Typography.Title>
    </>
  );
}
