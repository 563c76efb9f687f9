import { Typography } from 'antd';
import type { Item } from '../api/client';

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
