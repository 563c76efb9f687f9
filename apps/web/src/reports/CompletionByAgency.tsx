import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import type { components } from '../api/schema';
import { itemsListUrl, type ReportFilter } from './report-filter';

type CompletionRow = components['schemas']['CompletionRowResponse'];
type CompletionTotals = components['schemas']['CompletionTotalsResponse'];

const percent = (rate: number | null): string =>
  rate === null ? '—' : `${Math.round(rate * 100)}%`;

/** The totals in one sentence: "Tổng cộng: 3/10 nhiệm vụ hoàn thành (30%), trong đó …". */
export function totalsText(t: CompletionTotals): string {
  const done = `Tổng cộng: ${t.completed}/${t.total - t.cancelled} nhiệm vụ hoàn thành (${percent(t.completionRate)})`;
  const split =
    t.completed > 0
      ? `, trong đó đúng hạn ${t.completedOnTime}, trễ hạn ${t.completedLate} (${percent(t.onTimeRate)} đúng hạn)`
      : '';
  // The cancelled are left out of the rate: said, so that the figures add up (issue 8 blind check).
  const cancelled = t.cancelled > 0 ? `; ${t.cancelled} nhiệm vụ đã hủy không tính` : '';
  return `${done}${split}; quá hạn chưa hoàn thành ${t.overdue}${cancelled}.`;
}

const LABEL = 'Tỷ lệ hoàn thành theo cơ quan';

/** Every figure of a row, in the order of the table's columns. */
const FIGURES: readonly { title: string; value: (r: CompletionRow) => string | number }[] = [
  { title: 'Tổng', value: (r) => r.total },
  { title: 'Đang thực hiện', value: (r) => r.open },
  { title: 'Quá hạn', value: (r) => r.overdue },
  { title: 'Chờ xác nhận', value: (r) => r.submitted },
  { title: 'Hoàn thành đúng hạn', value: (r) => r.completedOnTime },
  { title: 'Hoàn thành trễ hạn', value: (r) => r.completedLate },
  { title: 'Trễ so với hạn ban đầu', value: (r) => r.completedAfterOriginalDue },
  { title: 'Đã hủy', value: (r) => r.cancelled },
  { title: 'Tỷ lệ hoàn thành', value: (r) => percent(r.completionRate) },
  { title: 'Tỷ lệ đúng hạn', value: (r) => percent(r.onTimeRate) },
];

/**
 * Completion by lead agency: a table on a desk and on paper, one card per agency on a phone, every
 * figure shown in both (no column hidden). The agency opens its items in the list.
 */
export function CompletionByAgency({
  agencies,
  filter,
}: {
  agencies: CompletionRow[];
  filter: ReportFilter;
}) {
  const agencyLink = (r: CompletionRow) => (
    <Link to={itemsListUrl(filter, r.code, false)}>{r.name}</Link>
  );
  const columns: ColumnsType<CompletionRow> = [
    {
      title: 'Cơ quan',
      key: 'name',
      width: 170,
      render: (_: unknown, r: CompletionRow) => agencyLink(r),
    },
    ...FIGURES.map((f) => ({
      title: f.title,
      key: f.title,
      align: 'right' as const,
      render: (_: unknown, r: CompletionRow) => f.value(r),
    })),
  ];
  // Both drawn, one shown by reports.css (by width, and the table on paper).
  return (
    <>
      <Table<CompletionRow>
        className="report-wide"
        aria-label={LABEL}
        rowKey="code"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={agencies}
      />
      <ul aria-label={LABEL} className="plain-list report-narrow">
        {agencies.map((r) => (
          <li key={r.code}>
            <h3 style={{ fontSize: 15, margin: '0 0 4px' }}>{agencyLink(r)}</h3>
            <dl style={CARD}>
              {FIGURES.map((f) => (
                <div key={f.title} style={{ display: 'contents' }}>
                  <dt>{f.title}</dt>
                  <dd style={{ margin: 0, textAlign: 'right' }}>{f.value(r)}</dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}

const CARD = {
  display: 'grid',
  gridTemplateColumns: '1fr auto',
  columnGap: 16,
  rowGap: 2,
  margin: 0,
} as const;
