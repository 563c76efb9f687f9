import { Grid, List, Table, Typography, theme } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import type { Item } from '../api/client';
import { DueText } from '../items/DueText';
import { StatusTag } from '../items/StatusTag';
import { truncate } from './notice-labels';

/** Characters of an item's text shown in a row, on a desk and on a phone (the item page has all). */
const TEXT_MAX = { wide: 180, narrow: 110 } as const;

/** The notice's items in notice order: a table on a desk, a list of cards under 768 px. */
export function NoticeItemsTable({ items }: { items: Item[] }) {
  const screens = Grid.useBreakpoint();
  const narrow = screens.md === false;
  const { token } = theme.useToken();
  if (narrow) {
    return (
      <List<Item>
        aria-label="Nhiệm vụ của thông báo"
        dataSource={items}
        locale={{
          emptyText: (
            <Typography.Text type="secondary">Thông báo không có nhiệm vụ nào.</Typography.Text>
          ),
        }}
        renderItem={(i) => (
          <List.Item key={i.id}>
            <List.Item.Meta
              title={
                <Link
                  to={`/items/${i.id}`}
                  title={i.text}
                  style={{ color: token.colorLink, overflowWrap: 'anywhere' }}
                >
                  {i.code ? `${i.code}. ` : ''}
                  {truncate(i.text, TEXT_MAX.narrow)}
                </Link>
              }
              description={
                <Typography.Text type="secondary">
                  {i.leadName ?? i.lead} · Hạn <DueText item={i} /> <StatusTag item={i} />
                </Typography.Text>
              }
            />
          </List.Item>
        )}
      />
    );
  }
  const columns: ColumnsType<Item> = [
    {
      title: 'Mục',
      key: 'code',
      width: 64,
      render: (_: unknown, i: Item) => i.code ?? '—',
    },
    {
      title: 'Nhiệm vụ',
      key: 'text',
      render: (_: unknown, i: Item) => (
        <Link to={`/items/${i.id}`} title={i.text} style={{ overflowWrap: 'anywhere' }}>
          {truncate(i.text, TEXT_MAX.wide)}
        </Link>
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
      width: 150,
      responsive: ['md'],
      render: (_: unknown, i: Item) => <DueText item={i} />,
    },
    {
      title: 'Trạng thái',
      key: 'status',
      width: 190,
      render: (_: unknown, i: Item) => <StatusTag item={i} />,
    },
  ];
  return (
    <Table<Item>
      aria-label="Nhiệm vụ của thông báo"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      pagination={false}
      locale={{ emptyText: 'Thông báo không có nhiệm vụ nào.' }}
    />
  );
}
