import { Button, Flex, Select } from 'antd';
import { useNotices } from '../items/use-items';
import { DateRangeFields } from '../layout/DateRangeFields';
import { noticeLabel, type ReportFilter, type ReportScope } from './report-filter';
import { CLEAR_SELECTION } from '../layout/clear-selection';

interface Props {
  readonly filter: ReportFilter;
  /** A change of some fields (kept with the others), or null to clear every filter. */
  readonly onChange: (patch: Partial<ReportFilter> | null) => void;
  /** The notice of the report shown, named even when the notice list cannot be read. */
  readonly notice: ReportScope['notice'] | undefined;
}

const FIELD = { display: 'flex', flexDirection: 'column', gap: 4 } as const;
const PERIOD = {
  display: 'flex',
  flexWrap: 'wrap',
  gap: 12,
  border: 0,
  margin: 0,
  padding: 0,
} as const;
const LEGEND = { fontSize: 14, marginBottom: 4, border: 0 } as const;

/** The reports' filters: a notice and a period of due dates; each change goes to the address. */
export function ReportFilters({ filter, onChange, notice }: Props) {
  const notices = useNotices(true);
  const options = (notices.data ?? []).map((n) => ({ value: n.id, label: noticeLabel(n) }));
  if (notice && !options.some((o) => o.value === notice.id)) {
    options.unshift({ value: notice.id, label: noticeLabel(notice) });
  }
  return (
    <Flex wrap gap={12} align="end" className="no-print" role="search" aria-label="Lọc báo cáo">
      <div style={FIELD}>
        <label htmlFor="report-notice">Thông báo</label>
        <Select
          id="report-notice"
          placeholder="Tất cả thông báo"
          allowClear={CLEAR_SELECTION}
          showSearch={{ optionFilterProp: 'label' }}
          options={options}
          value={filter.noticeId}
          onChange={(noticeId?: string) => onChange({ noticeId })}
          style={{ width: 280, maxWidth: '100%' }}
        />
      </div>
      <fieldset style={PERIOD}>
        <legend style={LEGEND}>Hạn của nhiệm vụ</legend>
        <DateRangeFields keys={['from', 'to']} value={filter} onChange={onChange} />
      </fieldset>
      <Button onClick={() => onChange(null)}>Xóa bộ lọc</Button>
    </Flex>
  );
}
