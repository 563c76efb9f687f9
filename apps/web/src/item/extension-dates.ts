import type { Item } from '../api/client';
import { formatDate, isIsoDay, todayVn } from '../format';

const nextDay = (day: string): string => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

/** The first date an extension may ask for ("YYYY-MM-DD", UTC+7), why no earlier, and what to pick. */
export interface ExtensionBound {
  readonly first: string;
  readonly why: string;
  readonly pick: string;
}

/**
 * The workflow refuses a new deadline that is not after the current legal due instant, or that is
 * in the past. A date is after that instant exactly when it is after the legal due date (`dueAt`'s
 * day in UTC+7), which is later than the named date when that falls on a day off.
 */
export function extensionBound(
  deadline: Pick<Item, 'due' | 'dueAt'>,
  nowMs: number = Date.now(),
): ExtensionBound {
  const today = todayVn(nowMs);
  const legal = deadline.dueAt === null ? null : todayVn(Date.parse(deadline.dueAt) - 1);
  if (legal !== null && nextDay(legal) > today) {
    const named = deadline.due !== null && isIsoDay(deadline.due) ? deadline.due : legal;
    const first = nextDay(legal);
    return {
      first,
      why:
        named === legal
          ? `Hạn đề nghị phải sau hạn hiện tại (${formatDate(named)}).`
          : `Hạn đề nghị phải sau hạn hiện tại (${formatDate(named)} là ngày nghỉ, nên hạn tính đến hết ngày ${formatDate(legal)}).`,
      pick: `Chọn từ ngày ${formatDate(first)} trở đi.`,
    };
  }
  return {
    first: today,
    why: 'Hạn đề nghị không được ở quá khứ.',
    pick: `Chọn từ hôm nay (${formatDate(today)}) trở đi.`,
  };
}

/** A picked day (a Dayjs, or anything that formats as one) earlier than the bound allows. */
type PickedDay = { format(template: string): string };

export const isTooEarly = (bound: ExtensionBound, day: PickedDay): boolean =>
  day.format('YYYY-MM-DD') < bound.first;

/**
 * The form rule of a date that must not be before the day `first()` gives ("YYYY-MM-DD", read when
 * the form checks): a typed earlier date reaches the form (layout/DateField), refused with `message`.
 */
export const fromDateRule = (first: () => string, message: string) => ({
  validator: (_: unknown, value: PickedDay | null | undefined): Promise<void> =>
    value && value.format('YYYY-MM-DD') < first()
      ? Promise.reject(new Error(message))
      : Promise.resolve(),
});

/** The form rule of a later deadline (asked or granted): refused before the bound, with why. */
export const laterDateRule = (bound: ExtensionBound) => ({
  validator: (_: unknown, value: PickedDay | null | undefined): Promise<void> =>
    value && isTooEarly(bound, value)
      ? // Names the day refused; the field's hint below says why and what to pick (the same words
        // in both were read twice, issue 8 blind check).
        Promise.reject(new Error(`Không chọn được ngày ${formatDate(value.format('YYYY-MM-DD'))}.`))
      : Promise.resolve(),
});
