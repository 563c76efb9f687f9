import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Result, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, type Item } from '../api/client';
import { messageOf, statusOf, unwrap } from '../api/errors';
import { AgencyActions, type AgencyCommand } from '../item/AgencyActions';
import { ItemFacts } from '../item/ItemFacts';
import { returnedText } from '../item/due-labels';
import { ItemHeading, itemTitle } from '../item/ItemHeading';
import { Loading } from '../layout/Loading';
import { usePageTitle } from '../layout/use-page-title';
import { LOGIN_PATH } from './LoginPage';

/** Sends the agency's action through the link; the item as the action left it. */
async function sendThroughLink(token: string, { action, body }: AgencyCommand): Promise<Item> {
  const params = { path: { token } };
  switch (action) {
    case 'progress':
      return unwrap(await api.POST('/api/links/{token}/progress', { params, body }));
    case 'submit':
      return unwrap(await api.POST('/api/links/{token}/submit', { params, body }));
    case 'extension-request':
      return unwrap(await api.POST('/api/links/{token}/extension-requests', { params, body }));
  }
}

/**
 * What the agency has just sent from this page, kept in sight: a link page has no history, and
 * after a completion report the facts no longer show the work (issue 8 blind check 3). None for
 * an extension request: the facts show it already, with its date and reason, while it waits.
 */
function sentSummary({ action, body }: AgencyCommand): { title: string; text: string } | null {
  switch (action) {
    case 'progress':
      return {
        title: `Đã gửi báo cáo tiến độ${body.percent === undefined ? '' : ` (${body.percent}%)`}`,
        text: body.note,
      };
    case 'submit':
      return {
        title: 'Đã gửi báo cáo hoàn thành, chờ Văn phòng xác nhận',
        text: `Kết quả đã báo cáo: ${body.note}`,
      };
    case 'extension-request':
      return null;
  }
}

/** A link that no longer works (tampered, expired, revoked): say so and offer the login. */
function DeadLink({ message }: { message: string }) {
  return (
    <main className="narrow">
      <Result
        status="warning"
        title="Liên kết không còn hiệu lực"
        subTitle={message}
        extra={
          <Link to={LOGIN_PATH}>
            <Button type="primary">Đăng nhập</Button>
          </Link>
        }
      />
    </main>
  );
}

/** The item page opened from a mail's signed link, without a login (GET /api/links/:token). */
export function LinkItemPage({ token }: { token: string }) {
  const queryClient = useQueryClient();
  const key = ['link', token];
  const [sent, setSent] = useState<{ title: string; text: string } | null>(null);
  const link = useQuery({
    queryKey: key,
    queryFn: async () =>
      unwrap(await api.GET('/api/links/{token}', { params: { path: { token } } })),
  });
  usePageTitle(
    link.data ? itemTitle(link.data.item) : link.isError ? 'Liên kết không còn hiệu lực' : null,
  );
  if (link.isPending) return <Loading />;
  if (link.isError) {
    const status = statusOf(link.error);
    const known = status === 401 || status === 410;
    return (
      <DeadLink
        message={
          known
            ? messageOf(link.error)
            : 'Liên kết trong thư không mở được nhiệm vụ. Vui lòng đăng nhập để tiếp tục.'
        }
      />
    );
  }
  const { item, agency, actions, returnReason, readOnly } = link.data;
  return (
    <main className="app-content">
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Text strong style={{ color: '#b71c1c', fontSize: 18 }}>
          Đôn Đốc
        </Typography.Text>
        {readOnly ? (
          // A link that only reads: how the item stands, and where the link that acts is.
          <Alert
            type="warning"
            showIcon
            title={`Bạn đang xem nhiệm vụ của ${agency.name} qua liên kết trong thư.`}
            description={readOnly.message}
          />
        ) : (
          <Alert
            type="info"
            showIcon
            title={`Bạn đang thao tác thay mặt ${agency.name} qua liên kết trong thư, không cần đăng nhập.`}
          />
        )}
        <ItemHeading item={item} />
        <ItemFacts
          item={item}
          linkNotice={false}
          returned={returnReason === null ? null : returnedText(returnReason)}
        />
        {sent && <Alert type="success" showIcon title={sent.title} description={sent.text} />}
        {actions.length > 0 ? (
          <AgencyActions
            actions={actions}
            deadline={item}
            run={async (command) => {
              const changed = await sendThroughLink(token, command);
              setSent(sentSummary(command));
              // The page shows the item as the action left it (the progress just reported) at
              // once, then reads the link again: what the agency may do next changes with it.
              queryClient.setQueryData<typeof link.data>(key, (old) =>
                old ? { ...old, item: changed } : old,
              );
              await queryClient.invalidateQueries({ queryKey: key });
              void queryClient.invalidateQueries({ queryKey: ['item', changed.id] });
            }}
          />
        ) : readOnly ? null : (
          <Alert type="success" showIcon title="Nhiệm vụ không còn thao tác nào cần thực hiện." />
        )}
        <Link to={LOGIN_PATH}>Đăng nhập để xem toàn bộ nhiệm vụ và lịch sử</Link>
      </Space>
    </main>
  );
}
