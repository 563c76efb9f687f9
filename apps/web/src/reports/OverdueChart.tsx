import {
  Bar,
  BarChart,
  CartesianGrid,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type BarShapeProps,
} from 'recharts';
import type { components } from '../api/schema';

type OverdueAgency = components['schemas']['OverdueAgencyResponse'];

interface Props {
  readonly agencies: OverdueAgency[];
  /** A bar was chosen (click or Enter): its agency's overdue items. */
  readonly onSelect: (agency: OverdueAgency) => void;
}

const FILL = '#b3261e';
/** CSS pixels across an A4 page inside 12 mm margins (186 mm), less a little. */
const PRINT_WIDTH = 680;

/**
 * Overdue items by lead agency, one horizontal bar each (most overdue first). Each bar is a link
 * (click, or Tab and Enter) to that agency's overdue items; the figure's name carries every number.
 */
export function OverdueChart({ agencies, onSelect }: Props) {
  const data = agencies.map((a) => ({ name: a.name, overdue: a.overdue }));
  const height = Math.max(160, 40 * data.length + 40);
  // Whole numbers up to the longest bar: one overdue item drew an axis 0–4 and a quarter-wide bar.
  const most = Math.max(1, ...data.map((d) => d.overdue));
  const bar = ({ x, y, width, height: h, index }: BarShapeProps) => {
    const agency = agencies[index];
    if (!agency) return null;
    return (
      <rect
        x={x}
        y={y}
        width={width}
        height={h}
        fill={FILL}
        role="link"
        tabIndex={0}
        aria-label={`Cột ${agency.name}: ${agency.overdue} nhiệm vụ quá hạn`}
        style={{ cursor: 'pointer' }}
        onClick={() => onSelect(agency)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') onSelect(agency);
        }}
      />
    );
  };
  const chart = (print: boolean) => (
    <BarChart
      data={data}
      layout="vertical"
      margin={{ left: 8, right: 24 }}
      accessibilityLayer={false}
      {...(print ? { width: PRINT_WIDTH, height } : {})}
    >
      <CartesianGrid horizontal={false} />
      {/* The axes' words are for the eye: a wrapped name was read "vàMôi trường"; the figure's
          name and each bar's say it all to a screen reader. */}
      <XAxis
        type="number"
        allowDecimals={false}
        tickCount={Math.min(5, most + 1)}
        tick={{ fontSize: print ? 13 : 12, 'aria-hidden': true }}
      />
      <YAxis
        type="category"
        dataKey="name"
        width={print ? 200 : 140}
        tick={{ fontSize: print ? 13 : 12, 'aria-hidden': true }}
      />
      {!print && <Tooltip formatter={(v) => [`${String(v)} nhiệm vụ`, 'Quá hạn']} />}
      <Bar dataKey="overdue" name="Quá hạn" fill={FILL} isAnimationActive={false} shape={bar} />
    </BarChart>
  );
  // Two drawings, one shown by reports.css: the screen's follows the window; the paper's has the
  // A4 width inside the margins, so it prints unscaled and its 13 px labels are about 10 pt.
  return (
    <figure
      className="report-chart"
      style={{ margin: 0, maxWidth: 760 }}
      aria-label={`Biểu đồ số nhiệm vụ quá hạn theo cơ quan: ${data
        .map((d) => `${d.name} ${d.overdue}`)
        .join('; ')}`}
    >
      <div className="report-chart-screen">
        <ResponsiveContainer width="100%" height={height}>
          {chart(false)}
        </ResponsiveContainer>
      </div>
      <div className="report-chart-print">{chart(true)}</div>
    </figure>
  );
}
