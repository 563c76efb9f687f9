import { App } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useId, type CSSProperties } from 'react';
import { DateField } from './DateField';

interface Props<K extends string> {
  /** The names of the period's two ends in the filter, e.g. ['from', 'to'] or ['dueFrom', 'dueTo']. */
  readonly keys: readonly [K, K];
  /** The filter holding both ends, "YYYY-MM-DD" each; either may be open. */
  readonly value: Partial<Record<K, string>>;
  /** One end changed (undefined: cleared); the page merges it with the rest of its filter. */
  readonly onChange: (patch: Partial<Record<K, string | undefined>>) => void;
  /** The fields' names, "Từ ngày" and "Đến ngày" unless told. */
  readonly labels?: readonly [string, string];
  /**
   * "above": a visible label over each field (a form of filters); "inside": the name is the
   * field's placeholder and accessible name (a row of filters on the items list).
   */
  readonly labelPlacement?: 'above' | 'inside';
  /** Each picker's style ("inside", where the row sets the widths). */
  readonly pickerStyle?: CSSProperties;
}

const FIELD = { display: 'flex', flexDirection: 'column', gap: 4 } as const;
const day = (value: string | undefined): Dayjs | null => (value ? dayjs(value) : null);

/**
 * The two date pickers of a period, not a RangePicker (its end field kept the Tab key: a keyboard
 * trap). A typed date counts on Enter and on leaving the field (AntD commits a valid typed date on
 * blur when it asks no confirmation). An end that would put the period upside down is refused
 * with a message saying so (bounds on the pickers refused a typed date silently).
 */
export function DateRangeFields<K extends string>({
  keys,
  value,
  onChange,
  labels = ['Từ ngày', 'Đến ngày'],
  labelPlacement = 'above',
  pickerStyle,
}: Props<K>) {
  const id = useId();
  const { message } = App.useApp();
  const [from, to] = [day(value[keys[0]]), day(value[keys[1]])];
  const ends = [
    { key: keys[0], label: labels[0], value: from },
    { key: keys[1], label: labels[1], value: to },
  ];
  const inverted = (i: number, d: Dayjs): boolean =>
    i === 0 ? !!to && d.isAfter(to, 'day') : !!from && d.isBefore(from, 'day');
  const inside = labelPlacement === 'inside';
  return ends.map((end, i) => {
    const fieldId = `${id}-${i}`;
    const picker = (
      <DateField
        key={i}
        id={fieldId}
        {...(inside ? { 'aria-label': end.label, placeholder: end.label, style: pickerStyle } : {})}
        value={end.value}
        onChange={(d: Dayjs | null) => {
          if (d && inverted(i, d)) {
            void message.error(`"${labels[1]}" không được trước "${labels[0]}".`);
            return;
          }
          onChange({ [end.key]: d?.format('YYYY-MM-DD') } as Partial<
            Record<K, string | undefined>
          >);
        }}
      />
    );
    return inside ? (
      picker
    ) : (
      <div style={FIELD} key={i}>
        <label htmlFor={fieldId}>{end.label}</label>
        {picker}
      </div>
    );
  });
}
