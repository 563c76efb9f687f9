import { Grid, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import type { Item } from '../api/client';
import { formatDate } from '../format';
import { StatusTag } from '../items/StatusTag';
import { truncate } from './notice-labels';

/** Characters of an item's text shown in a row, on a desk and on a phone (the item page has all). */
const TEXT_MAX = { wide: 180, narrow: 110 } as const;

/** The notice's items in notice order; under 768 px lead and deadline go under the text. */
export function NoticeItemsTable({ items }: { items: Item[] }) {
  const screens = Grid.useBreakpoint();
  const narrow = screens.md === false;
  const columns: ColumnsType<Item> = [
    {
      title: 'Mục',
      key: 'code',
      width: narrow ? 52 : 64,
      render: (_: unknown, i: Item) => i.code ?? '—',
    },
    {
      title: 'Nhiệm vụ',
      key: 'text',
      render: (_: unknown, i: Item) => (
        <>
          <Link to={`/items/${i.id}`} title={i.text} style={{ overflowWrap: 'anywhere' }}>
            {truncate(i.text, narrow ? TEXT_MAX.narrow : TEXT_MAX.wide)}
          </Link>
          {narrow && (
            <Typography.Text type="secondary" style={{ display: 'block' }}>
              {i.leadName ?? i.lead} · Hạn {formatDate(i.due)}
            </Typography.Text>
          )}
        </>
      ),
    },
    {
      title: 'Cơ quan chủ trì',
      key: 'lead',
      width: 190,
      responsive: ['md'],
      render: (_: unknown, i: Item) => i.leadName ?? i.lead,
    },
    {
      title: 'Hạn',
      key: 'due',
      width: 110,
      responsive: ['md'],
      render: (_: unknown, i: Item) => formatDate(i.due),
    },
    {
      title: 'Trạng thái',
      key: 'status',
      width: narrow ? 116 : 190,
      render: (_: unknown, i: Item) => <StatusTag item={i} />,
    },
  ];
  return (
    <Table<Item>
      aria-label="Nhiệm vụ của thông báo"
      rowKey="id"
      size={narrow ? 'small' : 'middle'}
      columns={columns}
      dataSource={items}
      pagination={false}
      locale={{ emptyText: 'Thông báo không có nhiệm vụ nào.' }}
    />
  );
}
