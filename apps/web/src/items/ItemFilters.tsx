import { Button, DatePicker, Flex, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ItemStatus } from '../api/client';
import { STATUS_LABELS } from '../labels';
import type { ListQuery } from './list-query';
import { useAgencies, useNotices } from './use-items';

interface Props {
  readonly query: ListQuery;
  readonly onChange: (query: ListQuery) => void;
  /** The secretariat and the head filter by agency and notice; an agency sees its own. */
  readonly wide: boolean;
}

const STATUS_OPTIONS = (Object.keys(STATUS_LABELS) as ItemStatus[]).map((s) => ({
  value: s,
  label: STATUS_LABELS[s],
}));
const OVERDUE_OPTIONS = [
  { value: 'true', label: 'Chỉ nhiệm vụ quá hạn' },
  { value: 'false', label: 'Chưa quá hạn' },
];
const SORT_OPTIONS = [
  { value: 'overdue', label: 'Quá hạn trước, rồi theo hạn' },
  { value: 'due', label: 'Hạn gần nhất trước' },
  { value: '-due', label: 'Hạn xa nhất trước' },
];
const DATE_FORMAT = 'DD/MM/YYYY';

const toDay = (d: Dayjs | null | undefined): string | undefined => d?.format('YYYY-MM-DD');

/** Filters of the items list; each change goes to the page's address. */
export function ItemFilters({ query, onChange, wide }: Props) {
  const agencies = useAgencies();
  const notices = useNotices(wide);
  const set = (patch: Partial<ListQuery>) => onChange({ ...query, ...patch });
  const range: [Dayjs | null, Dayjs | null] = [
    query.dueFrom ? dayjs(query.dueFrom) : null,
    query.dueTo ? dayjs(query.dueTo) : null,
  ];
  return (
    <Flex wrap gap={8} className="no-print" role="search" aria-label="Lọc nhiệm vụ">
      <Input.Search
        key={query.q ?? ''}
        aria-label="Tìm trong nội dung"
        placeholder="Tìm trong nội dung"
        allowClear
        defaultValue={query.q}
        onSearch={(q) => set({ q: q || undefined })}
        style={{ width: 260, maxWidth: '100%' }}
      />
      <Select
        aria-label="Trạng thái"
        placeholder="Trạng thái"
        allowClear
        options={STATUS_OPTIONS}
        value={query.status}
        onChange={(status?: ItemStatus) => set({ status })}
        style={{ width: 200, maxWidth: '100%' }}
      />
      <Select
        aria-label="Quá hạn"
        placeholder="Quá hạn"
        allowClear
        options={OVERDUE_OPTIONS}
        value={query.overdue === undefined ? undefined : String(query.overdue)}
        onChange={(v?: string) => set({ overdue: v === undefined ? undefined : v === 'true' })}
        style={{ width: 190, maxWidth: '100%' }}
      />
      {wide && (
        <Select
          aria-label="Cơ quan chủ trì"
          placeholder="Cơ quan chủ trì"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={(agencies.data ?? []).map((a) => ({ value: a.code, label: a.name }))}
          value={query.lead}
          onChange={(lead?: string) => set({ lead })}
          style={{ width: 240, maxWidth: '100%' }}
        />
      )}
      {wide && (
        <Select
          aria-label="Thông báo"
          placeholder="Thông báo"
          allowClear
          options={(notices.data ?? []).map((n) => ({
            value: n.id,
            label: n.number ?? n.title ?? n.id,
          }))}
          value={query.noticeId}
          onChange={(noticeId?: string) => set({ noticeId })}
          style={{ width: 200, maxWidth: '100%' }}
        />
      )}
      <DatePicker.RangePicker
        aria-label="Hạn từ ngày đến ngày"
        placeholder={['Hạn từ ngày', 'đến ngày']}
        format={DATE_FORMAT}
        value={range}
        onChange={(v) => set({ dueFrom: toDay(v?.[0]), dueTo: toDay(v?.[1]) })}
        style={{ maxWidth: '100%' }}
      />
      <Select
        aria-label="Sắp xếp"
        options={SORT_OPTIONS}
        value={query.sort ?? 'overdue'}
        onChange={(sort: ListQuery['sort']) => set({ sort })}
        style={{ width: 240, maxWidth: '100%' }}
      />
      <Button onClick={() => onChange({})}>Xóa bộ lọc</Button>
    </Flex>
  );
}
