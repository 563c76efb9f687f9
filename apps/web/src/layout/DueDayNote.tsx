import { useQuery } from '@tanstack/react-query';
import { Form, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import { isIsoDay } from '../format';

/**
 * What a chosen due date means by the working calendar: "Chủ nhật 20/12/2026 là ngày nghỉ: hạn
 * tính đến hết thứ Hai 21/12/2026." Nothing for a working day (or while it is asked). The
 * calendar stays with the API (holidays and make-up days are its data), asked once per date.
 */
export function DueDayNote({ date }: { readonly date: string | null | undefined }) {
  const day = date && isIsoDay(date) ? date : null;
  const note = useQuery({
    queryKey: ['due-day', day],
    enabled: day !== null,
    staleTime: Infinity,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/calendar/due-days/{date}', { params: { path: { date: day ?? '' } } }),
      ).note,
  });
  return (
    <div aria-live="polite">
      {note.data && (
        // The theme's warning yellow is 1.9:1 on white: a dark amber, 6:1 (WCAG AA).
        <Typography.Text style={{ display: 'block', marginTop: 4, color: '#7a4a00' }}>
          {note.data}
        </Typography.Text>
      )}
    </div>
  );
}

/** DueDayNote for a form's date field, by its name: a sibling of the field, inside the form. */
export function FormDueDayNote({ name }: { readonly name: string }) {
  const form = Form.useFormInstance();
  const value = Form.useWatch<Dayjs | null | undefined>(name, form);
  return <DueDayNote date={value ? value.format('YYYY-MM-DD') : null} />;
}
