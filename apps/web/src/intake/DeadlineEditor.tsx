import { Flex, InputNumber, Radio, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import {
  FREQUENCY_LABELS,
  recurrenceText,
  shownDeadlineNote,
  WEEKDAY_LABELS,
  type DeadlineMode,
  type Frequency,
  type IntakeRow,
} from './intake-rows';
import { DateField } from '../layout/DateField';
import { DueDayNote } from '../layout/DueDayNote';
import { FirstPeriodNote } from './FirstPeriodNote';

interface Props {
  readonly row: IntakeRow;
  readonly onChange: (row: IntakeRow) => void;
  /** The id of one of the row's fields. */
  readonly id: (field: string) => string;
  /** The notice's date of issue: a recurring item's first period starts no earlier. */
  readonly issuedOn?: string | null;
}

const MODES: { value: DeadlineMode; label: string }[] = [
  { value: 'date', label: 'Ngày' },
  { value: 'recurring', label: 'Định kỳ' },
  { value: 'none', label: 'Không có hạn' },
];
const FREQUENCIES = (Object.keys(FREQUENCY_LABELS) as Frequency[]).map((f) => ({
  value: f,
  label: FREQUENCY_LABELS[f],
}));
const WEEKDAYS = WEEKDAY_LABELS.map((label, i) => ({ value: i + 1, label }));
const MONTHS = Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: `Tháng ${i + 1}` }));
const DEFAULT_MONTHS: Record<Exclude<Frequency, 'weekly'>, string> = {
  monthly: 'Mọi tháng',
  quarterly: 'Tháng 3, 6, 9, 12',
  yearly: 'Tháng 12',
};
const field = { display: 'flex', flexDirection: 'column', minWidth: 0 } as const;

/** A row's deadline: a date, a recurrence (frequency, day, months) or none. */
export function DeadlineEditor({ row, onChange, id, issuedOn }: Props) {
  const r = row.recurrence;
  const note = shownDeadlineNote(row);
  // What the item page will say of the recurrence chosen in the fields above.
  const rhythm = recurrenceText(row);
  const setRecurrence = (next: IntakeRow['recurrence']) => onChange({ ...row, recurrence: next });
  return (
    <fieldset style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}>
      <legend style={{ fontSize: 14, marginBottom: 4 }}>Hạn</legend>
      <Radio.Group
        aria-label="Loại hạn"
        name={id('mode')}
        optionType="button"
        size="small"
        options={MODES}
        value={row.mode}
        onChange={(e) => onChange({ ...row, mode: e.target.value as DeadlineMode })}
      />
      <Flex wrap gap={8} style={{ marginTop: 8 }}>
        {row.mode === 'date' && (
          <div style={field}>
            <label htmlFor={id('due')}>Ngày hạn</label>
            <DateField
              id={id('due')}
              status={row.due ? undefined : 'error'}
              value={row.due ? dayjs(row.due) : null}
              onChange={(d) => onChange({ ...row, due: d ? d.format('YYYY-MM-DD') : undefined })}
            />
          </div>
        )}
        {row.mode === 'recurring' && (
          <>
            <div style={field}>
              <label htmlFor={id('frequency')}>Tần suất</label>
              <Select
                id={id('frequency')}
                style={{ minWidth: 140 }}
                showSearch={{ optionFilterProp: 'label' }}
                options={FREQUENCIES}
                value={r.frequency}
                // Another frequency means other days and months: start them afresh.
                onChange={(frequency: Frequency) => setRecurrence({ frequency })}
              />
            </div>
            {r.frequency === 'weekly' ? (
              <div style={field}>
                <label htmlFor={id('day')}>Thứ</label>
                <Select
                  id={id('day')}
                  style={{ minWidth: 120 }}
                  showSearch={{ optionFilterProp: 'label' }}
                  options={WEEKDAYS}
                  value={r.day ?? 5}
                  onChange={(day: number) => setRecurrence({ frequency: 'weekly', day })}
                />
              </div>
            ) : (
              <>
                <div style={field}>
                  <label htmlFor={id('day')}>Ngày trong tháng</label>
                  <InputNumber
                    id={id('day')}
                    // No step buttons: the library names them in English; arrow keys still step.
                    controls={false}
                    min={1}
                    max={31}
                    precision={0}
                    style={{ width: 150 }}
                    placeholder="Cuối tháng"
                    value={r.day ?? null}
                    onChange={(day: number | null) => {
                      const { day: _, ...rest } = r;
                      setRecurrence(day === null ? rest : { ...rest, day });
                    }}
                  />
                </div>
                <div style={{ ...field, flex: '1 1 180px' }}>
                  <label htmlFor={id('months')}>Các tháng</label>
                  <Select
                    id={id('months')}
                    mode="multiple"
                    showSearch={{ optionFilterProp: 'label' }}
                    placeholder={DEFAULT_MONTHS[r.frequency]}
                    options={MONTHS}
                    value={[...(r.months ?? [])]}
                    onChange={(months: number[]) => {
                      const { months: _, ...rest } = r;
                      setRecurrence(
                        months.length === 0
                          ? rest
                          : { ...rest, months: [...months].sort((a, b) => a - b) },
                      );
                    }}
                  />
                </div>
              </>
            )}
          </>
        )}
      </Flex>
      {row.mode === 'date' && <DueDayNote date={row.due} />}
      {rhythm && <div style={{ marginTop: 4 }}>{rhythm}</div>}
      {row.mode === 'recurring' && (
        <FirstPeriodNote recurrence={row.recurrence} issuedOn={issuedOn} />
      )}
      {note && (
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
          {note}
        </Typography.Text>
      )}
    </fieldset>
  );
}
