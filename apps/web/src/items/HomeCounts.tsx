import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Statistic } from 'antd';
import { Link } from 'react-router';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import { todayVn } from '../format';
import { PENDING_EXTENSION_LABEL } from '../labels';
import { writeListState, type ListQuery } from './list-query';

/** How many items match a list query (the X-Total-Count of a one-row page). */
function useCount(query: ListQuery) {
  return useQuery({
    queryKey: ['count', query],
    queryFn: async () => {
      const result = await api.GET('/api/items', { params: { query: { ...query, limit: 1 } } });
      unwrap(result);
      return Number(result.response.headers.get('x-total-count') ?? 0);
    },
  });
}

const inDays = (day: string, days: number): string => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

function Count({ title, query }: { title: string; query: ListQuery }) {
  const count = useCount(query);
  return (
    <Col flex="1 1 170px">
      <Link to={`/items?${writeListState({ query, page: 1 }).toString()}`} className="card-link">
        <Card size="small" hoverable>
          <Statistic title={title} value={count.data ?? '…'} />
        </Card>
      </Link>
    </Col>
  );
}

/** The secretariat's home: what is open, due this week, overdue, and waiting for its decision. */
export function HomeCounts() {
  const today = todayVn();
  return (
    <Row gutter={[8, 8]} className="no-print">
      <Count title="Đang thực hiện" query={{ status: 'open', overdue: false }} />
      <Count
        title="Đến hạn trong 7 ngày"
        query={{ overdue: false, status: 'open', dueFrom: today, dueTo: inDays(today, 6) }}
      />
      <Count title="Quá hạn" query={{ overdue: true }} />
      <Count title="Chờ xác nhận hoàn thành" query={{ status: 'submitted' }} />
      <Count title={PENDING_EXTENSION_LABEL} query={{ pendingExtension: true }} />
    </Row>
  );
}
