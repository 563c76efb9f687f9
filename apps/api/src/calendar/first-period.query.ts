import { CivilDate, OneOf, Pattern, QueryParam } from '../common/fields';

/** "6,12": months of the year 1–12, comma separated. */
const MONTH_LIST = /^(1[0-2]|[1-9])(,(1[0-2]|[1-9])){0,11}$/;

/** A recurrence as the intake editor holds it, and the notice's date of issue. */
export class FirstPeriodQuery {
  @OneOf(['weekly', 'monthly', 'quarterly', 'yearly'] as const)
  frequency!: 'weekly' | 'monthly' | 'quarterly' | 'yearly';

  @QueryParam.int({
    min: 1,
    max: 31,
    description: "Day of the month (weekly: ISO weekday 1–7); absent: the period's last day",
  })
  day?: number;

  @QueryParam.of(
    Pattern(MONTH_LIST, {
      optional: true,
      name: 'months',
      example: '6,12',
      description: 'Months (1–12) in which a period ends, comma separated; not for weekly',
    }),
  )
  months?: string;

  @QueryParam.of(
    CivilDate({ optional: true, example: '2026-11-20', description: "The notice's date of issue" }),
  )
  issuedOn?: string;
}

/** "6,12" → [6, 12], ascending and each once, as a recurrence keeps them. */
export const monthsOf = (list: string | undefined): number[] | undefined =>
  list === undefined ? undefined : [...new Set(list.split(',').map(Number))].sort((a, b) => a - b);
