import { Alert, Flex, Space, Typography } from 'antd';
import { useId, useState } from 'react';
import { api } from '../api/client';
import { messageOf } from '../api/errors';
import { useSession } from '../auth/session';
import { HomeCounts } from '../items/HomeCounts';
import { ItemFilters } from '../items/ItemFilters';
import { ItemsTable } from '../items/ItemsTable';
import { PAGE_SIZE, readListState, writeListState, type ListQuery } from '../items/list-query';
import { useItems } from '../items/use-items';
import { DownloadButton } from '../layout/DownloadButton';
import { useAddress } from '../layout/use-address';
import { usePageTitle } from '../layout/use-page-title';

/** A titled, paged list of items. */
function ItemsSection(props: {
  title: string;
  query: ListQuery;
  page: number;
  onPage: (page: number) => void;
}) {
  const items = useItems(props.query, props.page);
  // An id without spaces: aria-labelledby reads a space as a list of ids, which named nothing.
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <Typography.Title level={2} id={headingId} style={{ fontSize: 20 }}>
        {props.title}
      </Typography.Title>
      {items.isError && <Alert type="error" showIcon title={messageOf(items.error)} />}
      <ItemsTable
        label={props.title}
        items={items.data?.items ?? []}
        total={items.data?.total ?? 0}
        page={props.page}
        pageSize={PAGE_SIZE}
        loading={items.isFetching}
        onPage={props.onPage}
      />
    </section>
  );
}

/**
 * The home page of every role for now: the secretariat and the committee head see every item with
 * filters; an agency sees "Nhiệm vụ của tôi" (overdue first) and the items it co-ordinates.
 */
export function ItemsPage() {
  const { me } = useSession();
  const [params, changeAddress] = useAddress();
  const [supportPage, setSupportPage] = useState(1);
  const state = readListState(params);
  const agency = me?.role === 'agency' ? me.agencyCode : null;
  // Merged with the address as it is now (useAddress): two quick changes both stay.
  const filter = (patch: Partial<ListQuery> | null) =>
    changeAddress((now) =>
      writeListState({ query: patch ? { ...readListState(now).query, ...patch } : {}, page: 1 }),
    );
  const toPage = (page: number) =>
    changeAddress((now) => writeListState({ query: readListState(now).query, page }));
  const query: ListQuery = { sort: 'overdue', ...state.query };
  usePageTitle(agency ? 'Nhiệm vụ của tôi' : 'Danh sách nhiệm vụ');

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {agency ? 'Nhiệm vụ của tôi' : 'Nhiệm vụ'}
        </Typography.Title>
        {/* The list with its filters (an agency: every item it leads or co-ordinates). */}
        <DownloadButton
          label="Xuất Excel"
          fallbackName="nhiem-vu.xlsx"
          fetchFile={() =>
            api.GET('/api/items/export.xlsx', { params: { query }, parseAs: 'blob' })
          }
        />
      </Flex>
      {me?.role === 'secretariat' && <HomeCounts />}
      <ItemFilters query={query} onChange={filter} wide={!agency} />
      <ItemsSection
        title={agency ? 'Cơ quan tôi chủ trì' : 'Tất cả nhiệm vụ'}
        query={agency ? { ...query, lead: agency } : query}
        page={state.page}
        onPage={toPage}
      />
      {agency && (
        <ItemsSection
          title="Nhiệm vụ phối hợp"
          query={{ support: agency, sort: 'overdue' }}
          page={supportPage}
          onPage={setSupportPage}
        />
      )}
    </Space>
  );
}
