import { Alert, Card, Descriptions, Flex, Result, Space, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { api } from '../api/client';
import { messageOf, statusOf } from '../api/errors';
import { useSession } from '../auth/session';
import { formatDate, formatDateTime } from '../format';
import { recurrenceLabel } from '../item/due-labels';
import { DownloadButton } from '../layout/DownloadButton';
import { Loading } from '../layout/Loading';
import { usePageTitle } from '../layout/use-page-title';
import { NoticeCountsList } from '../notices/NoticeCountsList';
import { NoticeItemsTable } from '../notices/NoticeItemsTable';
import { noticeHeading, NOTICES_PATH } from '../notices/notice-labels';
import { useNotice } from '../notices/use-notice';
import { NoAccessPage } from './NoAccessPage';

/** A notice: its facts, its items' counts by status and every item with its live status. */
export function NoticePage() {
  const { id = '' } = useParams();
  const { me } = useSession();
  const notice = useNotice(id);
  usePageTitle(
    notice.data ? noticeHeading(notice.data) : notice.isError ? 'Thông báo không mở được' : null,
  );
  if (notice.isPending) return <Loading />;
  if (notice.isError) {
    const status = statusOf(notice.error);
    if (status === 403) return <NoAccessPage message={messageOf(notice.error)} />;
    return (
      <Result
        status={status === 404 ? '404' : 'error'}
        title={status === 404 ? 'Không tìm thấy thông báo' : 'Không tải được thông báo'}
        subTitle={messageOf(notice.error)}
        extra={<Link to={NOTICES_PATH}>Về danh sách thông báo</Link>}
      />
    );
  }
  const n = notice.data;
  const agency = me?.role === 'agency';
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Link to={agency ? '/items' : NOTICES_PATH} className="no-print">
        {agency ? '← Nhiệm vụ của tôi' : '← Danh sách thông báo'}
      </Link>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0, overflowWrap: 'anywhere' }}>
        {noticeHeading(n)}
        {n.title && (
          <span style={{ display: 'block', fontSize: 18, fontWeight: 500, marginTop: 4 }}>
            {' '}
            {n.title}
          </span>
        )}
      </Typography.Title>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, sm: 1, md: 2 }}
        styles={{ label: { width: 150 } }}
        items={[
          { key: 'issued', label: 'Ngày ban hành', children: formatDate(n.issuedOn) },
          { key: 'meeting', label: 'Ngày họp', children: formatDate(n.meetingDate) },
          { key: 'chair', label: 'Chủ trì', children: n.chair ?? '—' },
          { key: 'created', label: 'Nhập lúc', children: formatDateTime(n.createdAt) },
        ]}
      />
      {!agency && (
        <Flex wrap gap={8}>
          {/* The report on this notice (Nghị định 30 layout), to edit, sign and send. */}
          <DownloadButton
            label="Tải báo cáo thực hiện (Word)"
            fallbackName="bao-cao-thuc-hien-thong-bao.docx"
            fetchFile={() =>
              api.GET('/api/notices/{id}/report.docx', {
                params: { path: { id: n.id } },
                parseAs: 'blob',
              })
            }
          />
        </Flex>
      )}
      {agency && (
        <Alert
          type="info"
          showIcon
          title="Chỉ hiển thị các nhiệm vụ cơ quan bạn chủ trì hoặc phối hợp."
        />
      )}
      {/* The heading and its link in the card's body, not its header: they wrap on a phone. */}
      <Card size="small">
        <Flex wrap justify="space-between" align="baseline" gap={8} style={{ marginBottom: 12 }}>
          <h2 style={{ fontSize: 16, margin: 0 }}>Nhiệm vụ của thông báo</h2>
          {!agency && (
            <Link to={`/items?noticeId=${n.id}`} className="no-print">
              Lọc trong danh sách nhiệm vụ
            </Link>
          )}
        </Flex>
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <NoticeCountsList
            counts={n.counts}
            recurring={n.items.some((i) => recurrenceLabel(i.deadline) !== null)}
          />
          <NoticeItemsTable items={n.items} />
        </Space>
      </Card>
    </Space>
  );
}
