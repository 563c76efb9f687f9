import { useQuery } from '@tanstack/react-query';
import { Typography } from 'antd';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import { formatDate } from '../format';
import type { IntakeRow } from './intake-rows';

/**
 * A recurring row's first deadline, were the notice confirmed now: "Kỳ đầu tiên: hạn 25/12/2026."
 * with what the working calendar makes of it (a Sunday moves to Monday). The API computes it as
 * the confirmation will (GET /api/calendar/first-periods), from the notice's date of issue.
 */
export function FirstPeriodNote({
  recurrence,
  issuedOn,
}: {
  readonly recurrence: IntakeRow['recurrence'];
  readonly issuedOn: string | null | undefined;
}) {
  const query = {
    frequency: recurrence.frequency,
    ...(recurrence.day === undefined ? {} : { day: recurrence.day }),
    ...(recurrence.months?.length ? { months: recurrence.months.join(',') } : {}),
    ...(issuedOn ? { issuedOn } : {}),
  };
  const first = useQuery({
    queryKey: ['first-period', query],
    staleTime: 60_000,
    queryFn: async () =>
      unwrap(await api.GET('/api/calendar/first-periods', { params: { query } })),
  });
  if (!first.data) return null;
  const { date, note } = first.data;
  return (
    <Typography.Text style={{ display: 'block', marginTop: 4 }}>
      {`Kỳ đầu tiên: hạn ${formatDate(date)}.${note ? ` ${note}` : ''}`}
    </Typography.Text>
  );
}
