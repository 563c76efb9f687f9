import { Button, Flex, Grid, Input, Select } from 'antd';
import { useId, useState } from 'react';
import { agencyOptions, agencySearch } from '../agencies/agency-match';
import type { ItemStatus } from '../api/client';
import { EXTENSION_FILTER, STATUS_LABELS } from '../labels';
import { DateRangeFields } from '../layout/DateRangeFields';
import type { ListQuery } from './list-query';
import { useAgencies, useNotices } from './use-items';
import { CLEAR_SELECTION } from '../layout/clear-selection';
import { CLEAR_TEXT, SEARCH_BUTTON } from '../layout/quiet-icons';

interface Props {
  readonly query: ListQuery;
  /** A change of some filters (kept with the others), or null to clear every filter. */
  readonly onChange: (patch: Partial<ListQuery> | null) => void;
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
const EXTENSION_OPTIONS = [
  { value: 'true', label: EXTENSION_FILTER.pending },
  { value: 'false', label: EXTENSION_FILTER.none },
];
const SORT_OPTIONS = [
  { value: 'overdue', label: 'Quá hạn trước, rồi theo hạn' },
  { value: 'due', label: 'Hạn gần nhất trước' },
  { value: '-due', label: 'Hạn xa nhất trước' },
];

/** Filters of the items list; each change goes to the page's address. */
export function ItemFilters({ query, onChange, wide }: Props) {
  const agencies = useAgencies();
  const notices = useNotices(wide);
  // The box keeps what is being typed (and its focus) while the search it sent is applied; a
  // search changed from outside (a count on the home page, "Xóa bộ lọc") replaces it.
  const [text, setText] = useState(query.q ?? '');
  const [sent, setSent] = useState(query.q);
  if (sent !== query.q) {
    setSent(query.q);
    setText(query.q ?? '');
  }
  // On a phone the list comes first: the search stays, the other filters fold behind a button.
  const compact = Grid.useBreakpoint().md === false;
  const [unfolded, setUnfolded] = useState(false);
  const foldId = useId();
  const active = [
    query.status,
    query.overdue,
    query.pendingExtension,
    query.lead,
    query.noticeId,
    query.dueFrom ?? query.dueTo,
  ].filter((v) => v !== undefined).length;
  const width = (px: number) => ({ width: compact ? '100%' : px, maxWidth: '100%' });
  return (
    <Flex wrap gap={8} className="no-print" role="search" aria-label="Lọc nhiệm vụ">
      <Input.Search
        enterButton={SEARCH_BUTTON}
        aria-label="Tìm trong nội dung"
        placeholder="Tìm trong nội dung"
        allowClear={CLEAR_TEXT}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onSearch={(q) => onChange({ q: q.trim() || undefined })}
        style={{ width: compact ? 'calc(100% - 110px)' : 260, maxWidth: '100%' }}
      />
      {compact && (
        <Button
          aria-expanded={unfolded}
          aria-controls={foldId}
          onClick={() => setUnfolded(!unfolded)}
          style={{ width: 102 }}
        >
          {active ? `Bộ lọc (${active})` : 'Bộ lọc'}
        </Button>
      )}
      {/* On a desk its filters flow with the search box (display: contents). */}
      <div
        id={foldId}
        style={
          compact
            ? { display: unfolded ? 'flex' : 'none', flexWrap: 'wrap', gap: 8, width: '100%' }
            : { display: 'contents' }
        }
      >
        <Select
          aria-label="Trạng thái"
          placeholder="Trạng thái"
          allowClear={CLEAR_SELECTION}
          options={STATUS_OPTIONS}
          value={query.status}
          onChange={(status?: ItemStatus) => onChange({ status })}
          style={width(200)}
        />
        <Select
          aria-label="Quá hạn"
          placeholder="Quá hạn"
          allowClear={CLEAR_SELECTION}
          options={OVERDUE_OPTIONS}
          value={query.overdue === undefined ? undefined : String(query.overdue)}
          onChange={(v?: string) =>
            onChange({ overdue: v === undefined ? undefined : v === 'true' })
          }
          style={width(190)}
        />
        <Select
          aria-label={EXTENSION_FILTER.name}
          placeholder={EXTENSION_FILTER.name}
          allowClear={CLEAR_SELECTION}
          options={EXTENSION_OPTIONS}
          value={query.pendingExtension === undefined ? undefined : String(query.pendingExtension)}
          onChange={(v?: string) =>
            onChange({ pendingExtension: v === undefined ? undefined : v === 'true' })
          }
          style={width(250)}
        />
        {wide && (
          <Select
            aria-label="Cơ quan chủ trì"
            placeholder="Cơ quan chủ trì"
            allowClear={CLEAR_SELECTION}
            showSearch={agencySearch}
            options={agencyOptions(agencies.data ?? [])}
            value={query.lead}
            onChange={(lead?: string) => onChange({ lead })}
            style={width(240)}
          />
        )}
        {wide && (
          <Select
            aria-label="Thông báo"
            placeholder="Thông báo"
            allowClear={CLEAR_SELECTION}
            showSearch={{ optionFilterProp: 'label' }}
            options={(notices.data ?? []).map((n) => ({
              value: n.id,
              label: n.number ?? n.title ?? n.id,
            }))}
            value={query.noticeId}
            onChange={(noticeId?: string) => onChange({ noticeId })}
            style={width(200)}
          />
        )}
        <DateRangeFields
          keys={['dueFrom', 'dueTo']}
          value={query}
          onChange={onChange}
          labels={['Hạn từ ngày', 'Hạn đến ngày']}
          labelPlacement="inside"
          pickerStyle={width(150)}
        />
        <Select
          aria-label="Sắp xếp"
          options={SORT_OPTIONS}
          value={query.sort ?? 'overdue'}
          onChange={(sort: ListQuery['sort']) => onChange({ sort })}
          style={width(240)}
        />
        <Button onClick={() => onChange(null)}>Xóa bộ lọc</Button>
      </div>
    </Flex>
  );
}
