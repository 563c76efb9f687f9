import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { components } from '../api/schema';

type OverdueAgency = components['schemas']['OverdueAgencyResponse'];

/** Overdue items by lead agency, one horizontal bar each (most overdue first). */
export function OverdueChart({ agencies }: { agencies: OverdueAgency[] }) {
  const data = agencies.map((a) => ({ name: a.name, overdue: a.overdue }));
  const height = Math.max(160, 40 * data.length + 40);
  return (
    <figure
      style={{ margin: 0 }}
      aria-label={`Biểu đồ số nhiệm vụ quá hạn theo cơ quan: ${data
        .map((d) => `${d.name} ${d.overdue}`)
        .join('; ')}`}
    >
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={data} layout="vertical" margin={{ left: 8, right: 24 }}>
          <CartesianGrid horizontal={false} />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="name" width={140} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(v) => [`${String(v)} nhiệm vụ`, 'Quá hạn']} />
          <Bar dataKey="overdue" name="Quá hạn" fill="#b3261e" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
