import { Flex, Grid, List, Table, Typography, theme } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useRef } from 'react';
import { Link } from 'react-router';
import type { Item } from '../api/client';
import { DueText } from './DueText';
import { PendingExtensionTag, StatusTag } from './StatusTag';
import { namedPagerItem } from '../layout/quiet-icons';
import { noticeShort, noticeShortHeading } from '../notices/notice-labels';

interface Props {
  readonly items: Item[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
  readonly loading: boolean;
  readonly onPage: (page: number) => void;
  /** The accessible name of the table or list. */
  readonly label: string;
}

const itemTitle = (i: Item) => (i.code ? `${i.code}. ${i.text}` : i.text);
/** Which notice an item is from: "2.a" of two notices look alike. */
const noticeOf = (i: Item): string | null =>
  i.noticeId ? noticeShort({ number: i.noticeNumber, title: i.noticeTitle }) : null;

const columns: ColumnsType<Item> = [
  {
    title: 'Nhiệm vụ',
    key: 'text',
    render: (_: unknown, i: Item) => <Link to={`/items/${i.id}`}>{itemTitle(i)}</Link>,
  },
  {
    title: 'Thông báo',
    key: 'notice',
    width: 130,
    // From a desk's width on: a narrow table keeps its room for the item's text.
    responsive: ['lg'],
    render: (_: unknown, i: Item) => noticeOf(i) ?? '—',
  },
  {
    title: 'Cơ quan chủ trì',
    key: 'lead',
    width: 200,
    render: (_: unknown, i: Item) => i.leadName ?? i.lead,
  },
  { title: 'Hạn', key: 'due', width: 150, render: (_: unknown, i: Item) => <DueText item={i} /> },
  {
    title: 'Trạng thái',
    key: 'status',
    width: 200,
    render: (_: unknown, i: Item) => (
      <Flex wrap gap={4}>
        <StatusTag item={i} />
        <PendingExtensionTag item={i} />
      </Flex>
    ),
  },
];

/** Items as a table on a desk, as a list of cards on a phone (no horizontal scrolling). */
export function ItemsTable({ items, total, page, pageSize, loading, onPage, label }: Props) {
  const screens = Grid.useBreakpoint();
  const { token } = theme.useToken();
  // A new page starts at its first row, not at the pager the reader pressed (at the bottom).
  const top = useRef<HTMLDivElement>(null);
  const turn = (next: number) => {
    onPage(next);
    top.current?.scrollIntoView({ block: 'start' });
  };
  const pagination = {
    itemRender: namedPagerItem,
    current: page,
    pageSize,
    total,
    onChange: turn,
    showSizeChanger: false,
    hideOnSinglePage: true,
    showTotal: (n: number) => `${n} nhiệm vụ`,
    simple: !screens.md,
  };
  if (screens.md === false) {
    return (
      <div ref={top} className="scroll-target">
        <List<Item>
          aria-label={label}
          loading={loading}
          dataSource={items}
          pagination={pagination}
          // A list's own empty text is the disabled grey (1.8:1 on the page): secondary text instead.
          locale={{
            emptyText: <Typography.Text type="secondary">Không có nhiệm vụ nào.</Typography.Text>,
          }}
          renderItem={(i) => (
            <List.Item key={i.id}>
              <List.Item.Meta
                title={
                  // A card's title reads as what it is, a link (the list's default is body text).
                  <Link to={`/items/${i.id}`} style={{ color: token.colorLink }}>
                    {itemTitle(i)}
                  </Link>
                }
                description={
                  <Typography.Text type="secondary">
                    {i.noticeId &&
                      `${noticeShortHeading({ number: i.noticeNumber, title: i.noticeTitle })} · `}
                    {i.leadName ?? i.lead} · Hạn <DueText item={i} /> <StatusTag item={i} />
                    <PendingExtensionTag item={i} />
                  </Typography.Text>
                }
              />
            </List.Item>
          )}
        />
      </div>
    );
  }
  return (
    <div ref={top} className="scroll-target">
      <Table<Item>
        aria-label={label}
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={items}
        pagination={pagination}
        locale={{ emptyText: 'Không có nhiệm vụ nào.' }}
      />
    </div>
  );
}
