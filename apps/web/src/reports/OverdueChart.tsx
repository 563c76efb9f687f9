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

/**
 * Overdue items by lead agency, one horizontal bar each (most overdue first). Each bar is a link
 * (click, or Tab and Enter) to that agency's overdue items; the figure's name carries every number.
 */
export function OverdueChart({ agencies, onSelect }: Props) {
  const data = agencies.map((a) => ({ name: a.name, overdue: a.overdue }));
  const height = Math.max(160, 40 * data.length + 40);
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
  return (
    <figure
      className="report-chart"
      style={{ margin: 0, maxWidth: 760 }}
      aria-label={`Biểu đồ số nhiệm vụ quá hạn theo cơ quan: ${data
        .map((d) => `${d.name} ${d.overdue}`)
        .join('; ')}`}
    >
      <ResponsiveContainer width="100%" height={height}>
        <BarChart
          data={data}
          layout="vertical"
          margin={{ left: 8, right: 24 }}
          accessibilityLayer={false}
        >
          <CartesianGrid horizontal={false} />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="name" width={140} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(v) => [`${String(v)} nhiệm vụ`, 'Quá hạn']} />
          <Bar dataKey="overdue" name="Quá hạn" fill={FILL} isAnimationActive={false} shape={bar} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
