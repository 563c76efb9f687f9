import { Alert, Card, Result, Space } from 'antd';
import { Link, useParams } from 'react-router';
import { api } from '../api/client';
import { messageOf, statusOf, unwrap } from '../api/errors';
import { useSession } from '../auth/session';
import { AgencyActions, type AgencyAction, type AgencyCommand } from '../item/AgencyActions';
import { ItemFacts } from '../item/ItemFacts';
import { returnedBanner } from '../item/due-labels';
import { ItemHeading, itemTitle } from '../item/ItemHeading';
import { ItemTimeline } from '../item/ItemTimeline';
import { SecretariatActions } from '../item/SecretariatActions';
import { useItem } from '../item/use-item';
import { UrgingLetterDialog } from '../item/UrgingLetterDialog';
import { Loading } from '../layout/Loading';
import { usePageTitle } from '../layout/use-page-title';
import { NoAccessPage } from './NoAccessPage';

const AGENCY_ACTIONS: readonly AgencyAction[] = ['progress', 'submit', 'extension-request'];

/**
 * A công văn đôn đốc is for an item past its deadline that the agency has not reported complete:
 * one waiting for the Văn phòng's decision, or closed, has nobody to urge (issue 8 blind check).
 */
const urgingDue = (item: { readonly overdue: boolean; readonly status: string }): boolean =>
  item.overdue &&
  item.status !== 'submitted' &&
  item.status !== 'completed' &&
  item.status !== 'cancelled';

async function sendAsLead(id: string, { action, body }: AgencyCommand): Promise<unknown> {
  const params = { path: { id } };
  switch (action) {
    case 'progress':
      return unwrap(await api.POST('/api/items/{id}/progress', { params, body }));
    case 'submit':
      return unwrap(await api.POST('/api/items/{id}/submit', { params, body }));
    case 'extension-request':
      return unwrap(await api.POST('/api/items/{id}/extension-requests', { params, body }));
  }
}

/** An item: its facts, the actions its status allows the reader, and its history. */
export function ItemPage() {
  const { id = '' } = useParams();
  const { me } = useSession();
  const { item, history, actions: allowed, names, addresses, refresh } = useItem(id);
  usePageTitle(item.data ? itemTitle(item.data) : item.isError ? 'Nhiệm vụ không mở được' : null);
  if (item.isPending) return <Loading />;
  if (item.isError) {
    const status = statusOf(item.error);
    if (status === 403) return <NoAccessPage message={messageOf(item.error)} />;
    return (
      <Result
        status={status === 404 ? '404' : 'error'}
        title={status === 404 ? 'Không tìm thấy nhiệm vụ' : 'Không tải được nhiệm vụ'}
        subTitle={messageOf(item.error)}
        extra={<Link to="/items">Về danh sách nhiệm vụ</Link>}
      />
    );
  }
  const data = item.data;
  const actions = AGENCY_ACTIONS.filter((a) => allowed.includes(a));
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/items" className="no-print">
        ← Danh sách nhiệm vụ
      </Link>
      <ItemHeading item={data} />
      <ItemFacts item={data} returned={returnedBanner(data.status, history.data)} />
      {actions.length > 0 && (
        <AgencyActions
          actions={actions}
          deadline={data}
          run={async (command) => {
            await sendAsLead(id, command);
            await refresh();
          }}
        />
      )}
      {me?.role === 'secretariat' && (
        <SecretariatActions item={data} allowed={allowed} onDone={() => void refresh()} />
      )}
      {me?.role === 'secretariat' && urgingDue(data) && (
        <div className="no-print">
          <UrgingLetterDialog itemId={id} />
        </div>
      )}
      <section aria-labelledby="item-history">
        <Card
          title={
            <h2 id="item-history" style={{ fontSize: 16, margin: 0 }}>
              Lịch sử
            </h2>
          }
          size="small"
        >
          {history.isError && <Alert type="error" showIcon title={messageOf(history.error)} />}
          {history.data ? (
            <ItemTimeline
              events={history.data}
              item={data}
              agencyNames={names}
              addressNames={addresses}
            />
          ) : (
            <Loading />
          )}
        </Card>
      </section>
    </Space>
  );
}
