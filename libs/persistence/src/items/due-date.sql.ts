/**
 * The literal due date of a due: the named date, else the local (UTC+7) date of the exact instant
 * (an instant at 00:00 ends the day before). What `dueFrom`/`dueTo` of the list and the reports'
 * period compare.
 */
export const literalDueDateSql = (date: string, at: string): string =>
  `COALESCE(${date}, ((${at} - interval '1 millisecond') AT TIME ZONE 'Asia/Ho_Chi_Minh')::date)`;
