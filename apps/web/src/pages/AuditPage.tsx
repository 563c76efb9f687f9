import { Alert, Button, Flex, Grid, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { messageOf } from '../api/errors';
import {
  ACTION_LABELS,
  actionLabel,
  actorLabel,
  detailLabel,
  OUTCOME_COLORS,
  OUTCOME_LABELS,
  refusalLabel,
  failureReason,
} from '../admin/admin-labels';
import type { AuditEntry, AuditOutcome, AuditQuery } from '../admin/admin-types';
import { useAudit } from '../admin/use-admin';
import { useUrlState } from '../admin/use-url-state';
import { formatDateTime } from '../format';
import { useAgencies } from '../items/use-items';
import { DateRangeFields } from '../layout/DateRangeFields';
import { CLEAR_SELECTION } from '../layout/clear-selection';
import { CLEAR_TEXT, namedPagerItem, SEARCH_BUTTON } from '../layout/quiet-icons';

const PAGE_SIZE = 50;
const KEYS = ['action', 'outcome', 'actor', 'from', 'to'] as const;
const FIELD = { display: 'flex', flexDirection: 'column', gap: 4 } as const;
const wrap = { display: 'block', overflowWrap: 'anywhere' } as const;

function Target({ e }: { e: AuditEntry }) {
  if (!e.targetId) return <>—</>;
  const named = (kind: string) => (e.targetLabel ? `${kind} ${e.targetLabel}` : kind);
  if (e.targetType === 'item') return <Link to={`/items/${e.targetId}`}>{named('Nhiệm vụ')}</Link>;
  if (e.targetType === 'notice') {
    return <Link to={`/notices/${e.targetId}`}>{named('Thông báo')}</Link>;
  }
  if (e.targetType === 'agency') return <>{e.targetLabel ?? `Cơ quan ${e.targetId}`}</>;
  if (e.targetType === 'digest') {
    return <Link to="/thu-tong-hop">{e.targetLabel ?? 'Thư tổng hợp'}</Link>;
  }
  return <>{e.targetLabel ? `Tài khoản: ${e.targetLabel}` : 'Tài khoản'}</>;
}

/** What happened (action, its facts, the refusal's code): one cell on a phone. */
function What({ e }: { e: AuditEntry }) {
  const detail = detailLabel(e);
  return (
    <>
      <Typography.Text strong style={wrap}>
        {e.action === 'access.refused' ? refusalLabel(e) : actionLabel(e.action)}
      </Typography.Text>
      {detail && (
        <Typography.Text type="secondary" style={wrap}>
          {detail}
        </Typography.Text>
      )}
      {e.request && e.action === 'access.refused' && (
        <Typography.Text type="secondary" style={wrap}>
          {e.request}
        </Typography.Text>
      )}
    </>
  );
}

/** The audit log for the secretariat: newest first, paged, filters in the address. */
export function AuditPage() {
  const screens = Grid.useBreakpoint();
  const { filter, page, go, clear } = useUrlState(KEYS);
  const query: AuditQuery = {
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.outcome ? { outcome: filter.outcome as AuditOutcome } : {}),
    ...(filter.actor ? { actor: filter.actor } : {}),
    ...(filter.from ? { from: filter.from } : {}),
    ...(filter.to ? { to: filter.to } : {}),
  };
  const audit = useAudit(query, page, PAGE_SIZE);
  const agencies = useAgencies();
  const names = new Map((agencies.data ?? []).map((a) => [a.code, a.name]));
  const agencyName = (code: string) => names.get(code) ?? code;

  const columns: ColumnsType<AuditEntry> = [
    {
      title: 'Thời điểm',
      key: 'at',
      width: screens.md === false ? 96 : 150,
      render: (_: unknown, e: AuditEntry) => formatDateTime(e.at),
    },
    {
      title: 'Người thực hiện',
      key: 'actor',
      width: 240,
      responsive: ['md'],
      render: (_: unknown, e: AuditEntry) => (
        <Typography.Text style={wrap}>{actorLabel(e, agencyName)}</Typography.Text>
      ),
    },
    {
      title: 'Thao tác',
      key: 'action',
      render: (_: unknown, e: AuditEntry) => (
        <>
          {screens.md === false && (
            <Typography.Text style={wrap}>{actorLabel(e, agencyName)}</Typography.Text>
          )}
          <What e={e} />
          {screens.md === false && (
            <Tag color={OUTCOME_COLORS[e.outcome]} style={{ marginTop: 4 }}>
              {OUTCOME_LABELS[e.outcome]}
            </Tag>
          )}
        </>
      ),
    },
    {
      title: 'Đối tượng',
      key: 'target',
      width: 120,
      responsive: ['lg'],
      render: (_: unknown, e: AuditEntry) => <Target e={e} />,
    },
    {
      title: 'Kết quả',
      key: 'outcome',
      width: 190,
      responsive: ['md'],
      render: (_: unknown, e: AuditEntry) => (
        <>
          <Tag color={OUTCOME_COLORS[e.outcome]}>{OUTCOME_LABELS[e.outcome]}</Tag>
          {e.code && e.action !== 'access.refused' && (
            <Typography.Text type="secondary" style={wrap} title={e.code}>
              {failureReason(e.code)}
            </Typography.Text>
          )}
        </>
      ),
    },
    {
      title: 'Địa chỉ máy',
      key: 'client',
      width: 140,
      responsive: ['lg'],
      render: (_: unknown, e: AuditEntry) => e.clientAddress ?? '—',
    },
  ];

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
        Nhật ký
      </Typography.Title>
      <Flex wrap gap={12} align="end" role="search" aria-label="Lọc nhật ký">
        <div style={FIELD}>
          <label htmlFor="audit-action">Thao tác</label>
          <Select
            id="audit-action"
            allowClear={CLEAR_SELECTION}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="Tất cả"
            value={filter.action}
            onChange={(action?: string) => go({ action })}
            options={Object.entries(ACTION_LABELS).map(([value, label]) => ({ value, label }))}
            style={{ width: 240, maxWidth: '100%' }}
          />
        </div>
        <div style={FIELD}>
          <label htmlFor="audit-outcome">Kết quả</label>
          <Select
            id="audit-outcome"
            allowClear={CLEAR_SELECTION}
            placeholder="Tất cả"
            value={filter.outcome}
            onChange={(outcome?: string) => go({ outcome })}
            options={(Object.keys(OUTCOME_LABELS) as AuditOutcome[]).map((o) => ({
              value: o,
              label: OUTCOME_LABELS[o],
            }))}
            style={{ width: 200 }}
          />
        </div>
        <div style={FIELD}>
          <label htmlFor="audit-actor">Người thực hiện</label>
          <Input.Search
            enterButton={SEARCH_BUTTON}
            id="audit-actor"
            defaultValue={filter.actor}
            allowClear={CLEAR_TEXT}
            onSearch={(actor) => go({ actor: actor.trim() || undefined })}
            style={{ width: 240, maxWidth: '100%' }}
          />
        </div>
        <DateRangeFields keys={['from', 'to']} value={filter} onChange={go} />
        <Button onClick={clear}>Xóa bộ lọc</Button>
      </Flex>
      {audit.isError && <Alert type="error" showIcon title={messageOf(audit.error)} />}
      <Table<AuditEntry>
        aria-label="Nhật ký thao tác"
        rowKey="id"
        size={screens.md === false ? 'small' : 'middle'}
        loading={audit.isFetching}
        columns={columns}
        dataSource={audit.data?.rows ?? []}
        pagination={{
          itemRender: namedPagerItem,
          current: page,
          pageSize: PAGE_SIZE,
          total: audit.data?.total ?? 0,
          onChange: (p) => go({}, p),
          showSizeChanger: false,
          hideOnSinglePage: true,
          showTotal: (n) => `${n} mục`,
          simple: !screens.md,
        }}
        locale={{ emptyText: 'Không có mục nào.' }}
      />
    </Space>
  );
}
