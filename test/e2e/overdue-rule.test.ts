/**
 * One definition of "overdue": the domain's `isOverdue` (TypeScript) and its SQL twin `overdueSql`
 * agree on every status × due (before, at, after now, none), run against the real PostgreSQL. The
 * read repository's filter, mapping and reports use them both.
 */
import { randomUUID } from 'node:crypto';
import {
  instantAt,
  isOverdue,
  ITEM_STATUSES,
  resolveDue,
  vnPublicSectorCalendar,
  type ItemStatus,
} from '../../libs/domain/src';
import {
  ItemReadRepository,
  ItemStartRepository,
  overdueSql,
  type ItemRecord,
} from '../../libs/persistence/src';
import { createTestDatabase, type TestDatabase } from '../support/database';

// Monday 09/03/2026, 10:00+07.
const NOW = instantAt('2026-03-09', 10);
const DUES: [string, number | null][] = [
  ['before now', NOW - 60_000],
  ['at now', NOW],
  ['after now', NOW + 60_000],
  ['none', null],
];

interface Case {
  readonly id: string;
  readonly status: ItemStatus;
  readonly when: string;
  readonly dueAtMs: number | null;
}

let db: TestDatabase;
let read: ItemReadRepository;
let rows: ItemStartRepository;
const cases: Case[] = [];

async function insert(status: ItemStatus, dueAtMs: number | null, lead = 'STC'): Promise<string> {
  const id = randomUUID();
  await rows.insertPending([
    {
      id,
      workflowId: `item-${id}`,
      noticeId: null,
      position: null,
      code: null,
      text: `Việc ${status}`,
      leadCode: lead,
      supportCodes: [],
      reportTo: null,
      dueDate: null,
      dueAt: dueAtMs,
      deadline: null,
      policy: { remindBefore: [], escalateAfter: [] },
    },
  ]);
  await db.dataSource.query(`UPDATE items SET status = $2 WHERE id = $1`, [id, status]);
  return id;
}

beforeAll(async () => {
  db = await createTestDatabase();
  read = new ItemReadRepository(db.dataSource);
  rows = new ItemStartRepository(db.dataSource);
  await db.dataSource.query(
    `INSERT INTO agencies (code, name, contact_email) VALUES ('STC', 'Sở Tài chính', 'stc@x'),
       ('SXD', 'Sở Xây dựng', 'sxd@x')`,
  );
  for (const status of ITEM_STATUSES) {
    for (const [when, dueAtMs] of DUES) {
      cases.push({ id: await insert(status, dueAtMs), status, when, dueAtMs });
    }
  }
});

afterAll(async () => {
  await db?.drop();
});

describe('isOverdue and overdueSql agree', () => {
  it.each(ITEM_STATUSES.flatMap((s) => DUES.map(([when]) => [s, when] as const)))(
    '%s, due %s',
    async (status, when) => {
      const c = cases.find((x) => x.status === status && x.when === when) as Case;
      const predicate = overdueSql('i', '$2');
      const [row] = await db.dataSource.query<{ overdue: boolean; complement: boolean }[]>(
        `SELECT ${predicate} AS overdue, NOT ${predicate} AS complement FROM items i WHERE i.id = $1`,
        [c.id, new Date(NOW)],
      );
      const expected = isOverdue({ status, dueAtMs: c.dueAtMs }, NOW);
      // Never NULL: `NOT (…)` is the exact complement, so ?overdue=false lists the others.
      expect(row).toEqual({ overdue: expected, complement: !expected });
    },
  );
});

describe('the read repository uses the one rule', () => {
  const idsOf = (items: ItemRecord[]) => items.map((i) => i.id).sort();
  const expectedIds = (overdue: boolean) =>
    cases
      .filter((c) => isOverdue(c, NOW) === overdue)
      .map((c) => c.id)
      .sort();

  it('?overdue=true and ?overdue=false split every item by isOverdue, and the mapping agrees', async () => {
    const [late, others] = await Promise.all([
      read.list({ overdue: true, limit: 1000 }, NOW),
      read.list({ overdue: false, limit: 1000 }, NOW),
    ]);
    expect(idsOf(late)).toEqual(expectedIds(true));
    expect(idsOf(others)).toEqual(expectedIds(false)); // open without a deadline included
    expect(late.every((i) => i.overdue)).toBe(true);
    expect(others.some((i) => i.overdue)).toBe(false);
  });

  it('statuses reads any of several statuses in one statement, with its total', async () => {
    const wanted: ItemStatus[] = ['open', 'overdue', 'submitted'];
    const page = await read.page({ statuses: wanted, sort: 'due', limit: 1000 }, NOW);
    const expected = cases.filter((c) => wanted.includes(c.status)).map((c) => c.id);
    expect(idsOf(page.items)).toEqual(expected.sort());
    expect(page.total).toBe(expected.length);
  });

  it('sort=overdue lists the overdue items, then the running ones, those reported complete, then the closed ones, each by due', async () => {
    const group = (c: Case) =>
      isOverdue(c, NOW)
        ? 0
        : c.status === 'completed' || c.status === 'cancelled'
          ? 3
          : c.status === 'submitted'
            ? 2
            : 1;
    const byDue = (a: Case, b: Case) => (a.dueAtMs ?? Infinity) - (b.dueAtMs ?? Infinity);
    const groups = (list: readonly Case[]) =>
      [0, 1, 2, 3].map((g) => list.filter((c) => group(c) === g));
    const listed = await read.list({ sort: 'overdue', limit: 1000 }, NOW);
    const listedCases = listed.map((i) => cases.find((c) => c.id === i.id) as Case);
    expect(listedCases.map(group)).toEqual([...listedCases.map(group)].sort());
    expect(listedCases).toHaveLength(cases.length);
    for (const part of groups(listedCases)) expect(part).toEqual([...part].sort(byDue));
    // A page is a slice of that order; ?overdue=false keeps the closed ones last.
    const page = await read.list({ sort: 'overdue', limit: 5, offset: 4 }, NOW);
    expect(page.map((i) => i.id)).toEqual(listed.slice(4, 9).map((i) => i.id));
    const others = await read.list({ sort: 'overdue', overdue: false, limit: 1000 }, NOW);
    expect(others.map((i) => i.id)).toEqual(listed.filter((i) => !i.overdue).map((i) => i.id));
  });

  it('the completion report counts an open item without a deadline as open', async () => {
    const report = await read.completionReport(NOW);
    const stc = report.agencies.find((a) => a.code === 'STC');
    // open: due after now + no deadline; overdue: open before/at now + every 'overdue' row.
    expect(stc).toMatchObject({ total: 20, open: 2, overdue: 6, submitted: 4, cancelled: 4 });
    expect(report.totals.open).toBe(2);
  });

  it('the overdue report lists what isOverdue says, with working days late', async () => {
    // Due Friday 27/02/2026 (legal due end of that day): Mon 02/03 … Mon 09/03 = 6 working days.
    const dueAt = resolveDue('2026-02-27', vnPublicSectorCalendar).dueAt;
    const late = await insert('open', dueAt, 'SXD');
    const report = await read.overdueReport(NOW);
    const sxd = report.agencies.find((a) => a.code === 'SXD');
    expect(sxd?.items).toEqual([expect.objectContaining({ id: late, daysOverdue: 6 })]);
    expect(report.total).toBe(expectedIds(true).length + 1);
    expect(report.agencies.map((a) => a.code)).toEqual(['STC', 'SXD']);
    const [record] = await read.list({ lead: 'SXD' }, NOW);
    expect(record).toMatchObject({ overdue: true, daysOverdue: 6 });
    await db.dataSource.query(`DELETE FROM items WHERE id = $1`, [late]);
  });
});
