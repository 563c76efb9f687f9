import { DatePicker, type DatePickerProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import type { FormEvent, KeyboardEvent } from 'react';

dayjs.extend(customParseFormat);

/**
 * How a date may be typed: the first shows it, all parse ("05/03/2027", "5/3/2027" as notices
 * write it, "2027-03-05").
 */
export const DATE_FORMATS = ['DD/MM/YYYY', 'D/M/YYYY', 'YYYY-MM-DD'];

/** The hint in an empty date field. */
export const DATE_PLACEHOLDER = 'ngày/tháng/năm';

/**
 * A date field: accepts DATE_FORMATS typed, committed on Enter and on blur. Enter commits the
 * date only: it does not also submit the form or dialog around it (the form is sent by its
 * button, or Enter in another field). `block`: as wide as the form's other fields (a dialog's,
 * where a box sized to its placeholder is a small target on a phone).
 */
export function DateField({
  onKeyDown,
  block = false,
  style,
  ...props
}: DatePickerProps<Dayjs, false> & { readonly block?: boolean }) {
  const { disabledDate, onChange } = props;
  /**
   * The picker drops a typed date it may not offer, leaving the field empty without a word (issue
   * 8 blind check): hand it to the form as soon as it is typed whole, whose rule then says why it
   * is refused. Not on Enter or blur: by then the picker may already have put its last date back
   * in the input (it does so on a later frame), and the typed one would be lost.
   */
  const keepRefused = (event: FormEvent<HTMLElement>) => {
    const input = event.target;
    const text = input instanceof HTMLInputElement ? input.value.trim() : '';
    if (!disabledDate || !onChange || text === '') return;
    const day = dayjs(text, DATE_FORMATS, true);
    if (day.isValid() && disabledDate(day, { type: 'date' })) onChange(day, text);
  };
  return (
    // `display: contents`: the wrapper only listens to the input's typing; it takes no box.
    <span style={{ display: 'contents' }} onInput={keepRefused}>
      <DatePicker
        format={DATE_FORMATS}
        placeholder={DATE_PLACEHOLDER}
        style={block ? { width: '100%', ...style } : style}
        {...props}
        onKeyDown={(event: KeyboardEvent<HTMLElement>, preventDefault: () => void) => {
          // The picker has already taken a typed date on Enter; stop the form's implicit submission.
          if (event.key === 'Enter') event.preventDefault();
          onKeyDown?.(event, preventDefault);
        }}
      />
    </span>
  );
}
