import { OVERDUE_STATUSES, OVERDUE_WHEN_PAST_DUE, type ItemStatus } from '../../../domain/src';

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
/** A bind parameter: `$1` (raw queries) or `:now` (TypeORM query builder). */
const PARAMETER = /^(\$[1-9][0-9]*|:[a-zA-Z_][a-zA-Z0-9_]*)$/;

const statusList = (statuses: readonly ItemStatus[]): string =>
  statuses.map((s) => `'${s}'`).join(', ');

/**
 * The SQL twin of the domain's `isOverdue` (libs/domain/src/status/overdue.ts), built from the same
 * status lists; test/e2e/overdue-rule.test.ts runs both on a table of cases and proves they agree.
 *
 * `alias` is the items table's alias, `now` the bind parameter holding the caller's clock (the
 * same instant the API maps responses with, not the database's `now()`). The predicate is never
 * NULL (a missing due_at is "not past due"), so `NOT (…)` is its exact complement.
 */
export function overdueSql(alias: string, now: string): string {
  if (!IDENTIFIER.test(alias)) throw new Error(`overdueSql: bad table alias ${alias}`);
  if (!PARAMETER.test(now)) throw new Error(`overdueSql: bad parameter ${now}`);
  return (
    `(${alias}.status IN (${statusList(OVERDUE_STATUSES)}) OR ` +
    `(${alias}.status IN (${statusList(OVERDUE_WHEN_PAST_DUE)}) AND ` +
    `${alias}.due_at IS NOT NULL AND ${alias}.due_at <= CAST(${now} AS timestamptz)))`
  );
}
