import {
  ITEM_STATUSES,
  OVERDUE_STATUSES,
  OVERDUE_WHEN_PAST_DUE,
  type ItemStatus,
} from '../../../domain/src';

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
/** A bind parameter: `$1` (raw queries) or `:now` (TypeORM query builder). */
const PARAMETER = /^(\$[1-9][0-9]*|:[a-zA-Z_][a-zA-Z0-9_]*)$/;

const statusList = (statuses: readonly ItemStatus[]): string =>
  statuses.map((s) => `'${s}'`).join(', ');

function checked(alias: string, now?: string): void {
  if (!IDENTIFIER.test(alias)) throw new Error(`overdueSql: bad table alias ${alias}`);
  if (now !== undefined && !PARAMETER.test(now)) {
    throw new Error(`overdueSql: bad parameter ${now}`);
  }
}

/** Overdue whatever the clock says: a status in `OVERDUE_STATUSES` (the workflow marked it). */
export function overdueStatusSql(alias: string): string {
  checked(alias);
  return `${alias}.status IN (${statusList(OVERDUE_STATUSES)})`;
}

/** One status of `OVERDUE_WHEN_PAST_DUE`, past its due instant at `now`. */
const pastDueIn = (alias: string, status: ItemStatus, now: string): string =>
  `(${alias}.status = '${status}' AND ${alias}.due_at IS NOT NULL AND ` +
  `${alias}.due_at <= CAST(${now} AS timestamptz))`;

/**
 * Overdue by the clock only: a status in `OVERDUE_WHEN_PAST_DUE` whose due instant has passed at
 * `now` (the workflow has not marked it yet). With `overdueStatusSql`, the two halves of
 * `overdueSql`, which never overlap.
 */
export function pastDueSql(alias: string, now: string): string {
  checked(alias, now);
  return `(${OVERDUE_WHEN_PAST_DUE.map((s) => pastDueIn(alias, s, now)).join(' OR ')})`;
}

/**
 * `overdueSql` as disjoint predicates, one status each (`status = …`, with the due instant for
 * the statuses overdue once past due): a query that wants the overdue items in due order reads
 * each from an index in that order and merges them (the overdue report's items per agency).
 */
export function overdueBranchesSql(alias: string, now: string): string[] {
  checked(alias, now);
  return [
    ...OVERDUE_STATUSES.map((s) => `${alias}.status = '${s}'`),
    ...OVERDUE_WHEN_PAST_DUE.map((s) => pastDueIn(alias, s, now)),
  ];
}

/** One of `notOverdueBranchesSql`: a status and the rows of it that are not overdue. */
export interface StatusBranch {
  readonly status: ItemStatus;
  readonly sql: string;
}

/**
 * The complement of `overdueBranchesSql`, again one status each: a status overdue once past due,
 * before its due instant or without one, and every status never overdue. A list that wants the
 * running items before the closed ones ranks each branch by its status.
 */
export function notOverdueBranchesSql(alias: string, now: string): StatusBranch[] {
  checked(alias, now);
  return ITEM_STATUSES.filter((s) => !OVERDUE_STATUSES.includes(s)).map((status) => ({
    status,
    sql: OVERDUE_WHEN_PAST_DUE.includes(status)
      ? `(${alias}.status = '${status}' AND ` +
        `(${alias}.due_at IS NULL OR ${alias}.due_at > CAST(${now} AS timestamptz)))`
      : `${alias}.status = '${status}'`,
  }));
}

/**
 * The SQL twin of the domain's `isOverdue` (libs/domain/src/status/overdue.ts), built from the same
 * status lists; test/e2e/overdue-rule.test.ts runs both on a table of cases and proves they agree.
 *
 * `alias` is the items table's alias, `now` the bind parameter holding the caller's clock (the
 * same instant the API maps responses with, not the database's `now()`). The predicate is never
 * NULL (a missing due_at is "not past due"), so `NOT (…)` is its exact complement.
 */
export function overdueSql(alias: string, now: string): string {
  return `(${overdueStatusSql(alias)} OR ${pastDueSql(alias, now)})`;
}
