/**
 * An item's position in its notice is a column: the migration backfills it from the workflow id
 * (`item-<noticeId>-<n>`), new rows get it at insert, and a notice's items are read in its order.
 */
import { randomUUID } from 'node:crypto';
import { ItemReadRepository, ItemStartRepository } from '../../libs/persistence/src';
import { createTestDatabase, undoMigrationsThrough, type TestDatabase } from '../support/database';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  await db?.drop();
});

it('the migration backfills position from item-<noticeId>-<n>; single items keep null', async () => {
  await undoMigrationsThrough(db, 'ItemPosition1796195176022');

  const noticeId = randomUUID();
  const single = randomUUID();
  const insert = (id: string, workflowId: string, notice: string | null) =>
    db.dataSource.query(
      `INSERT INTO items (id, workflow_id, notice_id, text, lead_code, policy, status, version)
       VALUES ($1, $2, $3, 'Việc', 'STC', '{}'::jsonb, 'open', 0)`,
      [id, workflowId, notice],
    );
  const ids = [randomUUID(), randomUUID(), randomUUID()];
  await insert(ids[0] as string, `item-${noticeId}-10`, noticeId);
  await insert(ids[1] as string, `item-${noticeId}-2`, noticeId);
  await insert(ids[2] as string, `item-${noticeId}-1`, noticeId);
  await insert(single, `item-${single}`, null);

  await db.dataSource.runMigrations();
  const rows = await db.dataSource.query<{ id: string; position: number | null }[]>(
    `SELECT id, position FROM items`,
  );
  const positionOf = new Map(rows.map((r) => [r.id, r.position]));
  expect(ids.map((id) => positionOf.get(id))).toEqual([10, 2, 1]);
  expect(positionOf.get(single)).toBeNull();

  // Read in notice order, numerically (10 after 2).
  const items = await new ItemReadRepository(db.dataSource).ofNotice(noticeId, Date.now());
  expect(items.map((i) => i.position)).toEqual([1, 2, 10]);
});

it('new notice items store their position and are read in that order', async () => {
  const noticeId = randomUUID();
  const repo = new ItemStartRepository(db.dataSource);
  await repo.insertPending(
    [3, 1, 2].map((position) => ({
      id: randomUUID(),
      workflowId: `item-${noticeId}-${position}`,
      noticeId,
      position,
      code: `${position}.a`,
      text: `Việc ${position}`,
      leadCode: 'STC',
      supportCodes: [],
      reportTo: null,
      dueDate: null,
      dueAt: null,
      deadline: null,
      policy: { remindBefore: [], escalateAfter: [] },
    })),
  );
  const items = await new ItemReadRepository(db.dataSource).ofNotice(noticeId, Date.now());
  expect(items.map((i) => [i.position, i.code])).toEqual([
    [1, '1.a'],
    [2, '2.a'],
    [3, '3.a'],
  ]);
  const pending = await repo.pendingOfNotice(noticeId);
  expect(pending.map((r) => r.position)).toEqual([1, 2, 3]);
});
