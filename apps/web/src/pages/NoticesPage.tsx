import { Alert, Grid, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import type { NoticeSummary } from '../api/client';
import { messageOf } from '../api/errors';
import { formatDate } from '../format';
import { useNotices } from '../items/use-items';
import { usePageTitle } from '../layout/use-page-title';
import { noticeNumber, noticePath } from '../notices/notice-labels';

const columns: ColumnsType<NoticeSummary> = [
  {
    title: 'Thông báo',
    key: 'notice',
    render: (_: unknown, n: NoticeSummary) => (
      <>
        <Link to={noticePath(n.id)}>{noticeNumber(n)}</Link>
        {n.title && (
          <Typography.Text style={{ display: 'block', overflowWrap: 'anywhere' }}>
            {n.title}
          </Typography.Text>
        )}
      </>
    ),
  },
  {
    title: 'Ngày họp',
    key: 'meeting',
    width: 120,
    responsive: ['md'],
    render: (_: unknown, n: NoticeSummary) => formatDate(n.meetingDate),
  },
  {
    title: 'Nhiệm vụ',
    key: 'total',
    width: 100,
    render: (_: unknown, n: NoticeSummary) => n.counts.total,
  },
  {
    title: 'Quá hạn',
    key: 'overdue',
    width: 90,
    render: (_: unknown, n: NoticeSummary) => n.counts.overdue,
  },
  {
    title: 'Chờ xác nhận',
    key: 'submitted',
    width: 130,
    responsive: ['md'],
    render: (_: unknown, n: NoticeSummary) => n.counts.submitted,
  },
  {
    title: 'Hoàn thành',
    key: 'completed',
    width: 110,
    responsive: ['md'],
    render: (_: unknown, n: NoticeSummary) => n.counts.completed,
  },
];

/** The confirmed notices, newest first, with their items' counts. */
export function NoticesPage() {
  const notices = useNotices(true);
  usePageTitle('Danh sách thông báo');
  const screens = Grid.useBreakpoint();
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
        Thông báo
      </Typography.Title>
      {notices.isError && <Alert type="error" showIcon title={messageOf(notices.error)} />}
      <Table<NoticeSummary>
        aria-label="Danh sách thông báo"
        rowKey="id"
        size={screens.md === false ? 'small' : 'middle'}
        loading={notices.isPending}
        columns={columns}
        dataSource={notices.data ?? []}
        pagination={false}
        locale={{ emptyText: 'Chưa có thông báo nào.' }}
      />
    </Space>
  );
}
