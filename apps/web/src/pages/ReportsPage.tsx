import { Alert, Card, Empty, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { messageOf } from '../api/errors';
import type { components } from '../api/schema';
import { formatDate, formatDateTime } from '../format';
import { Loading } from '../layout/Loading';
import { OverdueChart } from '../reports/OverdueChart';
import { useCompletionReport, useOverdueReport } from '../reports/use-reports';

type CompletionRow = components['schemas']['CompletionRowResponse'];

const percent = (rate: number | null): string =>
  rate === null ? '—' : `${Math.round(rate * 100)}%`;

/** On a phone: agency, overdue and rate; the other counts from 768 px up. */
const COMPLETION_COLUMNS: ColumnsType<CompletionRow> = [
  { title: 'Cơ quan', dataIndex: 'name', key: 'name' },
  { title: 'Tổng', dataIndex: 'total', key: 'total', width: 70, responsive: ['md'] },
  { title: 'Quá hạn', dataIndex: 'overdue', key: 'overdue', width: 80 },
  { title: 'Đúng hạn', dataIndex: 'completedOnTime', key: 'onTime', width: 90, responsive: ['md'] },
  { title: 'Trễ hạn', dataIndex: 'completedLate', key: 'late', width: 80, responsive: ['md'] },
  {
    title: 'Hoàn thành',
    key: 'rate',
    width: 110,
    render: (_: unknown, r: CompletionRow) => percent(r.completionRate),
  },
];

/** The committee head's (and the secretariat's) view: overdue by agency, completion rates. */
export default function ReportsPage() {
  const overdue = useOverdueReport();
  const completion = useCompletionReport();
  if (overdue.isPending || completion.isPending) return <Loading />;
  if (overdue.isError || completion.isError) {
    return <Alert type="error" showIcon title={messageOf(overdue.error ?? completion.error)} />;
  }
  const { data: o } = overdue;
  const { data: c } = completion;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          Báo cáo
        </Typography.Title>
        <Typography.Text type="secondary">Số liệu lúc {formatDateTime(o.asOf)}</Typography.Text>
      </div>
      <Card
        title={
          <h2 style={{ fontSize: 16, margin: 0 }}>Nhiệm vụ quá hạn theo cơ quan ({o.total})</h2>
        }
      >
        {o.agencies.length === 0 ? (
          <Empty description="Không có nhiệm vụ quá hạn." />
        ) : (
          <>
            <OverdueChart agencies={o.agencies} />
            <ul aria-label="Danh sách nhiệm vụ quá hạn" className="plain-list">
              {o.agencies.flatMap((a) =>
                a.items.map((i) => (
                  <li key={i.id}>
                    <Link to={`/items/${i.id}`}>{i.code ? `${i.code}. ${i.text}` : i.text}</Link>
                    <Typography.Text type="secondary" style={{ display: 'block' }}>
                      {a.name} · hạn {formatDate(i.due)} · quá hạn {i.daysOverdue} ngày làm việc
                    </Typography.Text>
                  </li>
                )),
              )}
            </ul>
          </>
        )}
      </Card>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>Tỷ lệ hoàn thành theo cơ quan</h2>}>
        <Typography.Paragraph>
          Toàn tỉnh: {c.totals.completed}/{c.totals.total - c.totals.cancelled} nhiệm vụ hoàn thành
          ({percent(c.totals.completionRate)}), đúng hạn {percent(c.totals.onTimeRate)}.
        </Typography.Paragraph>
        <Table<CompletionRow>
          aria-label="Tỷ lệ hoàn thành theo cơ quan"
          rowKey="code"
          size="small"
          pagination={false}
          columns={COMPLETION_COLUMNS}
          dataSource={c.agencies}
        />
      </Card>
    </Space>
  );
}
