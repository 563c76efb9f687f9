/**
 * The reports' maintained read model (ADR 0023) on the real PostgreSQL: whatever is written to
 * `items` and `item_events` (inserts, updates of several rows at once, deletes, a truncate, events
 * of a recurring item), the triggers keep `item_periods` equal to the periods recomputed from
 * scratch and `report_counts` equal to their counts, before and after folding; the reports read
 * through them equal the periods counted straight from items and history (ADR 0016's query, as the
 * reports ran it before), at a clock that leaves some open items past due; and the list's total
 * from the maintained counts equals count(*).
 */
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { instantAt } from '../../libs/domain/src';
import {
  ItemReadRepository,
  overdueSql,
  type CompletionRow,
  type ItemListFilter,
} from '../../libs/persistence/src';
import { literalDueDateSql } from '../../libs/persistence/src/items/due-date.sql';
import { runMigrations } from '../../libs/persistence/src/migrate';
import { createTestDatabase, undoMigrationsThrough, type TestDatabase } from '../support/database';

let db: TestDatabase;
let read: ItemReadRepository;
const q = <T>(sql: string, params: unknown[] = []): Promise<T[]> =>
  db.dataSource.query<T[]>(sql, params);
async function one<T>(sql: string, params: unknown[] = []): Promise<T> {
  const [row] = await q<T>(sql, params);
  if (!row) throw new Error(`no row: ${sql}`);
  return row;
}

beforeAll(async () => {
  db = await createTestDatabase();
  read = new ItemReadRepository(db.dataSource);
}, 60_000);
afterAll(() => db?.drop());

// Monday 09/03/2026, 10:00+07: the clock of the reports.
const NOW = instantAt('2026-03-09', 10);
const DAY = 86_400_000;
const LEADS = ['STC', 'SYT', 'SXD'] as const;
const STATUSES = ['open', 'overdue', 'submitted', 'completed', 'cancelled'] as const;
const NOTICES = [randomUUID(), randomUUID()];
/** Item slots: operations name items by slot; a slot is empty or holds one item. */
const SLOTS = 4;

const dueArb = fc.oneof(
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 4, arbitrary: fc.integer({ min: -40, max: 40 }).map((d) => NOW + d * DAY) },
  // An exact instant at 00:00+07: its literal due date is the day before.
  { weight: 1, arbitrary: fc.constant(instantAt('2026-03-01', 0)) },
);
const rowArb = fc.record({
  lead: fc.constantFrom(...LEADS),
  status: fc.constantFrom(...STATUSES),
  dueAt: dueArb,
  literal: fc.boolean(),
  notice: fc.option(fc.constantFrom(...NOTICES)),
  extendedDays: fc.constantFrom(0, 0, 5),
  closedDays: fc.option(fc.integer({ min: -10, max: 10 })),
  late: fc.option(fc.boolean()),
});
type Row = typeof rowArb extends fc.Arbitrary<infer T> ? T : never;
const eventArb = fc.record({
  type: fc.constantFrom('completed', 'completed', 'reminder_sent'),
  dueAt: dueArb,
  late: fc.option(fc.boolean()),
  lateVsOriginal: fc.option(fc.boolean()),
});
type Event = typeof eventArb extends fc.Arbitrary<infer T> ? T : never;

/** The columns `columns` gives values for, in its order. */
const PERIOD_COLUMNS = [
  'lead_code',
  'status',
  'due_date',
  'due_at',
  'original_due_date',
  'original_due_at',
  'completed_late',
  'closed_at',
  'notice_id',
] as const;

const slot = fc.nat(SLOTS - 1);
const opArb = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('insert' as const), slot, row: rowArb }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('update' as const), slot, row: rowArb }) },
  // One column only, so that each column the periods read is seen to move them.
  {
    weight: 6,
    arbitrary: fc.record({
      op: fc.constant('setColumn' as const),
      slot,
      row: rowArb,
      column: fc.nat(PERIOD_COLUMNS.length - 1),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('updateMany' as const),
      lead: fc.constantFrom(...LEADS),
      status: fc.constantFrom(...STATUSES),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('events' as const),
      slot,
      events: fc.array(eventArb, { minLength: 1, maxLength: 3 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('editEvent' as const), slot, late: fc.boolean() }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('deleteEvent' as const), slot }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('delete' as const), slot }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('compact' as const) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('truncateEvents' as const) }) },
);
type Op = typeof opArb extends fc.Arbitrary<infer T> ? T : never;

const slotIds = new Map<number, string>();
const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
const civil = (ms: number): string => new Date(ms + 7 * 3_600_000 - 1).toISOString().slice(0, 10);

function columns(r: Row): unknown[] {
  const dueDate = r.literal && r.dueAt !== null ? civil(r.dueAt) : null;
  const originalAt = r.dueAt === null ? null : r.dueAt - r.extendedDays * DAY;
  const closedAt = r.closedDays === null || r.dueAt === null ? null : r.dueAt + r.closedDays * DAY;
  return [
    r.lead,
    r.status,
    dueDate,
    iso(r.dueAt),
    originalAt === null ? null : civil(originalAt),
    iso(originalAt),
    r.status === 'completed' ? r.late : null,
    iso(closedAt),
    r.notice,
  ];
}

async function apply(op: Op): Promise<void> {
  const id = 'slot' in op ? slotIds.get(op.slot) : undefined;
  switch (op.op) {
    case 'insert': {
      if (id) return;
      const newId = randomUUID();
      slotIds.set(op.slot, newId);
      await q(
        `INSERT INTO items (id, workflow_id, text, lead_code, status, due_date, due_at,
                            original_due_date, original_due_at, completed_late, closed_at, notice_id,
                            policy)
         VALUES ($1, $2, 'Việc', $3, $4, $5, $6, $7, $8, $9, $10, $11, '{}')`,
        [newId, `item-${newId}`, ...columns(op.row)],
      );
      return;
    }
    case 'update':
      if (!id) return;
      await q(
        `UPDATE items SET ${PERIOD_COLUMNS.map((c, k) => `${c} = $${k + 2}`).join(', ')}
          WHERE id = $1`,
        [id, ...columns(op.row)],
      );
      return;
    case 'setColumn': {
      if (!id) return;
      const name = PERIOD_COLUMNS[op.column]!;
      const value = columns(op.row)[op.column];
      await q(`UPDATE items SET ${name} = $2 WHERE id = $1`, [id, value]);
      return;
    }
    case 'updateMany':
      await q(`UPDATE items SET status = $2 WHERE lead_code = $1`, [op.lead, op.status]);
      return;
    case 'events': {
      if (!id) return;
      const { seq } = await one<{ seq: number }>(
        `SELECT COALESCE(max(seq), 0) AS seq FROM item_events WHERE item_id = $1`,
        [id],
      );
      const values = op.events.map((e: Event, k: number) => [
        id,
        `item-${id}`,
        seq + 1 + k,
        e.type,
        JSON.stringify({
          due:
            e.dueAt === null
              ? null
              : { date: k % 2 === 0 ? civil(e.dueAt) : undefined, at: e.dueAt },
          late: e.late,
          lateVsOriginal: e.lateVsOriginal,
        }),
      ]);
      await q(
        `INSERT INTO item_events (item_id, workflow_id, seq, type, at, detail)
         SELECT v.item_id::uuid, v.workflow_id, v.seq::int, v.type, now(), v.detail::jsonb
           FROM jsonb_to_recordset($1::jsonb)
             AS v (item_id text, workflow_id text, seq int, type text, detail text)`,
        [
          JSON.stringify(
            values.map(([item_id, workflow_id, s, type, detail]) => ({
              item_id,
              workflow_id,
              seq: s,
              type,
              detail,
            })),
          ),
        ],
      );
      return;
    }
    case 'editEvent':
      if (!id) return;
      await q(
        `UPDATE item_events SET detail = jsonb_set(COALESCE(detail, '{}'), '{late}', to_jsonb($2::boolean))
          WHERE item_id = $1 AND type = 'completed'`,
        [id, op.late],
      );
      return;
    case 'deleteEvent':
      if (!id) return;
      await q(
        `DELETE FROM item_events WHERE id = (SELECT min(id) FROM item_events WHERE item_id = $1)`,
        [id],
      );
      return;
    case 'delete':
      if (!id) return;
      slotIds.delete(op.slot);
      await q(`DELETE FROM items WHERE id = $1`, [id]);
      return;
    case 'compact':
      await read.compactReportCounts();
      return;
    case 'truncateEvents':
      await q(`TRUNCATE item_events`);
      return;
  }
}

const KEY = 'lead_code, status, late, late_vs_original';
const sorted = <T>(rows: T[]): string[] => rows.map((r) => JSON.stringify(r)).sort();

/** The maintained model equals the one rebuilt from scratch. */
async function expectConsistent(): Promise<void> {
  const periods = await q(`SELECT * FROM item_periods`);
  const fresh = await q(`SELECT * FROM item_periods_of(ARRAY(SELECT id FROM items))`);
  expect(sorted(periods)).toEqual(sorted(fresh));
  const counted = await q(
    `SELECT ${KEY}, seq = 0 AS current_period, count(*)::int AS n FROM item_periods
      GROUP BY 1, 2, 3, 4, 5`,
  );
  const maintained = await q(
    `SELECT ${KEY}, current_period, sum(periods)::int AS n FROM report_counts
      GROUP BY 1, 2, 3, 4, 5 HAVING sum(periods) <> 0`,
  );
  expect(sorted(maintained)).toEqual(sorted(counted));
  // A row's due day is the list's literal due date (`dueFrom`/`dueTo`).
  const { differ } = await one<{ differ: number }>(
    `SELECT count(*)::int AS differ FROM items i JOIN item_periods p ON p.item_id = i.id AND p.seq = 0
      WHERE p.due_day IS DISTINCT FROM ${literalDueDateSql('i.due_date', 'i.due_at')}`,
  );
  expect(differ).toBe(0);
}

/** ADR 0016's periods, straight from items and item_events (the reports' query before ADR 0023). */
async function oracle(filter: { noticeId?: string; from?: string }): Promise<CompletionRow[]> {
  const rows = await q<{ code: string } & Record<string, number>>(
    `SELECT p.lead_code AS code,
            count(*)::int AS total,
            count(*) FILTER (WHERE p.status = 'open' AND NOT p.overdue)::int AS open,
            count(*) FILTER (WHERE p.overdue)::int AS overdue,
            count(*) FILTER (WHERE p.status = 'completed')::int AS completed,
            count(*) FILTER (WHERE p.status = 'completed' AND p.late IS TRUE)::int AS "completedLate",
            count(*) FILTER (WHERE p.status = 'completed' AND p.lvo IS TRUE)::int
              AS "completedAfterOriginalDue",
            count(*) FILTER (WHERE p.status = 'cancelled')::int AS cancelled
       FROM (SELECT i.lead_code, i.notice_id, i.status, ${literalDueDateSql('i.due_date', 'i.due_at')} AS due_date,
                    ${overdueSql('i', '$1')} AS overdue, i.completed_late AS late,
                    (i.original_due_at IS NOT NULL AND i.closed_at > i.original_due_at) AS lvo
               FROM items i
             UNION ALL
             SELECT i.lead_code, i.notice_id, 'completed',
                    ${literalDueDateSql("(e.detail->'due'->>'date')::date", "to_timestamp((e.detail->'due'->>'at')::numeric / 1000)")},
                    false, (e.detail->>'late')::boolean, (e.detail->>'lateVsOriginal')::boolean
               FROM (SELECT c.item_id, c.seq, c.detail, max(c.seq) OVER (PARTITION BY c.item_id) AS last
                       FROM item_events c WHERE c.type = 'completed') e
               JOIN items i ON i.id = e.item_id
              WHERE i.status <> 'completed' OR e.seq < e.last) p
      WHERE ($2::uuid IS NULL OR p.notice_id = $2) AND ($3::date IS NULL OR p.due_date >= $3)
      GROUP BY p.lead_code ORDER BY p.lead_code`,
    [new Date(NOW), filter.noticeId ?? null, filter.from ?? null],
  );
  return rows as unknown as CompletionRow[];
}

const FIGURES = [
  'code',
  'total',
  'open',
  'overdue',
  'completed',
  'completedLate',
  'completedAfterOriginalDue',
  'cancelled',
] as const;
const figures = (rows: readonly CompletionRow[]) =>
  rows.map((r) => Object.fromEntries(FIGURES.map((k) => [k, r[k]])));

async function expectReportsAsComputedFromScratch(): Promise<void> {
  for (const filter of [{}, { noticeId: NOTICES[0] }, { from: '2026-03-05' }]) {
    const report = await read.completionReport(NOW, filter);
    expect(figures(report.agencies)).toEqual(figures(await oracle(filter)));
    const overdue = await read.overdueReport(NOW, filter, 2);
    expect(overdue.total).toBe(report.totals.overdue);
    for (const a of overdue.agencies) {
      const list = await read.page({ lead: a.code, overdue: true, ...listPeriod(filter) }, NOW);
      expect(a.overdue).toBe(list.total);
      expect(a.items.map((i) => i.id)).toEqual(list.items.slice(0, 2).map((i) => i.id));
    }
  }
  for (const lead of [undefined, ...LEADS]) {
    for (const status of [undefined, ...STATUSES]) {
      const { n } = await one<{ n: number }>(
        `SELECT count(*)::int AS n FROM items WHERE ($1::text IS NULL OR lead_code = $1)
            AND ($2::text IS NULL OR status = $2)`,
        [lead ?? null, status ?? null],
      );
      expect((await read.page({ lead, status, limit: 1 }, NOW)).total).toBe(n);
    }
  }
}

/** Every page of the list in each order equals ORDER BY … LIMIT … OFFSET over all its items. */
async function expectListPagesInOrder(): Promise<void> {
  const filters: { lead?: string; status?: string; overdue?: boolean }[] = [
    {},
    { lead: 'STC' },
    { status: 'open' },
    { overdue: true },
    { overdue: false },
  ];
  for (const sort of ['overdue', 'due', '-due'] as const) {
    for (const f of filters) {
      const order = [
        // Overdue first, then those to do, those reported complete, the closed last.
        ...(sort === 'overdue'
          ? [
              `CASE WHEN ${overdueSql('i', '$1')} THEN 0
                    WHEN i.status IN ('completed', 'cancelled') THEN 3
                    WHEN i.status = 'submitted' THEN 2 ELSE 1 END`,
            ]
          : []),
        `i.due_at ${sort === '-due' ? 'DESC' : 'ASC'} NULLS LAST`,
        'i.created_at',
        'i.id',
      ];
      const all = await q<{ id: string }>(
        `SELECT i.id FROM items i
          WHERE ($2::text IS NULL OR i.lead_code = $2) AND ($3::text IS NULL OR i.status = $3)
            AND ($4::boolean IS NULL OR ${overdueSql('i', '$1')} = $4)
          ORDER BY ${order.join(', ')}`,
        [new Date(NOW), f.lead ?? null, f.status ?? null, f.overdue ?? null],
      );
      for (const [limit, offset] of [
        [2, 0],
        [2, 1],
        [3, 2],
        [50, 0],
      ] as const) {
        const page = await read.page({ ...f, sort, limit, offset } as ItemListFilter, NOW);
        expect(page.items.map((i) => i.id)).toEqual(
          all.slice(offset, offset + limit).map((r) => r.id),
        );
        expect(page.total).toBe(all.length);
      }
    }
  }
}

const listPeriod = (f: { noticeId?: string; from?: string }) => ({
  ...(f.noticeId ? { noticeId: f.noticeId } : {}),
  ...(f.from ? { dueFrom: f.from } : {}),
});

it('the triggers keep item_periods and report_counts exact through any writes', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(opArb, { minLength: 1, maxLength: 30, size: 'medium' }),
      async (ops) => {
        await q(`TRUNCATE items, item_events`);
        slotIds.clear();
        for (const op of ops) {
          await apply(op);
          await expectConsistent();
        }
        await expectReportsAsComputedFromScratch();
        await expectListPagesInOrder();
        await read.compactReportCounts();
        expect(
          (
            await q(
              `SELECT 1 FROM report_counts GROUP BY ${KEY}, current_period HAVING count(*) > 1`,
            )
          ).length,
        ).toBe(0);
        await expectConsistent();
        await expectReportsAsComputedFromScratch();
      },
    ),
    { numRuns: 40, seed: 20260309 },
  );
}, 600_000);

it.each([
  ['lead_code', 'SYT'],
  ['notice_id', NOTICES[0]],
  ['status', 'open'],
  ['due_date', '2026-03-20'],
  ['due_at', new Date(NOW + 6 * DAY)],
  ['completed_late', true],
  ['original_due_at', new Date(NOW - DAY)],
  ['closed_at', new Date(NOW + 4 * DAY)],
])('a change of %s alone moves the item’s period', async (column, value) => {
  await q(`TRUNCATE items, item_events`);
  const id = randomUUID();
  // Completed on time, before its original deadline too.
  await q(
    `INSERT INTO items (id, workflow_id, text, lead_code, status, due_date, due_at, original_due_at,
                        completed_late, closed_at, policy)
     VALUES ($1, $2, 'Việc', 'STC', 'completed', '2026-03-10', $3, $4, false, $5, '{}')`,
    [id, `item-${id}`, new Date(NOW + 3 * DAY), new Date(NOW + 2 * DAY), new Date(NOW)],
  );
  const before = await q(`SELECT * FROM item_periods`);
  await q(`UPDATE items SET ${column} = $2 WHERE id = $1`, [id, value]);
  expect(sorted(await q(`SELECT * FROM item_periods`))).not.toEqual(sorted(before));
  await expectConsistent();
});

it('a second fold at the same time folds nothing and loses nothing', async () => {
  await q(`TRUNCATE items, item_events`);
  for (const lead of LEADS) {
    await q(
      `INSERT INTO items (id, workflow_id, text, lead_code, status, due_at, policy)
       VALUES ($1, $2, 'Việc', $3, 'open', $4, '{}')`,
      [randomUUID(), `item-${lead}`, lead, new Date(NOW - DAY)],
    );
  }
  await q(`UPDATE items SET status = 'overdue'`);
  await q(`UPDATE items SET status = 'submitted' WHERE lead_code = 'STC'`);
  // A change folds the deltas now and then (one in 64): two that cancel leave one fold work to do.
  await q(
    `INSERT INTO report_counts (lead_code, status, late, late_vs_original, current_period, periods)
     VALUES ('STC', 'open', false, false, true, 1), ('STC', 'open', false, false, true, -1)`,
  );
  const before = await q(
    `SELECT ${KEY}, current_period, sum(periods)::int AS n FROM report_counts GROUP BY 1, 2, 3, 4, 5 HAVING sum(periods) <> 0`,
  );
  const folded = await Promise.all([read.compactReportCounts(), read.compactReportCounts()]);
  expect(folded.filter((n) => n > 0).length).toBe(1);
  const after = await q(
    `SELECT ${KEY}, current_period, sum(periods)::int AS n FROM report_counts GROUP BY 1, 2, 3, 4, 5 HAVING sum(periods) <> 0`,
  );
  expect(sorted(after)).toEqual(sorted(before));
});

it('the migration builds the periods of the items and histories already there', async () => {
  await q(`TRUNCATE items, item_events`);
  await undoMigrationsThrough(db, 'ReportPeriods1796400000000');
  const id = randomUUID();
  await q(
    `INSERT INTO items (id, workflow_id, text, lead_code, status, due_date, due_at, policy)
     VALUES ($1, $2, 'Báo cáo tháng', 'STC', 'open', '2026-04-25', $3, '{}'),
            ($4, $5, 'Việc', 'SYT', 'overdue', NULL, $6, '{}')`,
    [id, `item-${id}`, new Date(NOW + 47 * DAY), randomUUID(), `item-x`, new Date(NOW - DAY)],
  );
  // Two monthly periods completed before the one open now, one of them late.
  await q(
    `INSERT INTO item_events (item_id, workflow_id, seq, type, at, detail)
     VALUES ($1, $2, 1, 'created', now(), NULL),
            ($1, $2, 2, 'completed', now(), '{"due":{"date":"2026-02-25","at":1772038800000},"late":false}'),
            ($1, $2, 3, 'completed', now(), '{"due":{"date":"2026-03-25","at":1774458000000},"late":true}')`,
    [id, `item-${id}`],
  );
  expect(await runMigrations(db.url)).toEqual([
    'ReportPeriods1796400000000',
    'ItemOrderInNotice1796500000000',
  ]);
  await expectConsistent();
  const report = await read.completionReport(NOW);
  expect(report.totals).toMatchObject({
    total: 4,
    open: 1,
    overdue: 1,
    completed: 2,
    completedLate: 1,
  });
});
