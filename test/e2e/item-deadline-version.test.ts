/**
 * `items.deadline_version` (ADR 0011): the migration backfills it from each item's history, 1 plus
 * one per approved extension and per new period of a recurring item; the projection writes it.
 */
import { randomUUID } from 'node:crypto';
import { createTestDatabase, undoMigrationsThrough, type TestDatabase } from '../support/database';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  await db?.drop();
});

it('the migration counts approved extensions and new periods; other events do not count', async () => {
  await undoMigrationsThrough(db, 'ItemDeadlineVersion1796198768831');
  const item = async (events: [string, Record<string, unknown> | null][]): Promise<string> => {
    const id = randomUUID();
    await db.dataSource.query(
      `INSERT INTO items (id, workflow_id, text, lead_code, policy, status, version)
       VALUES ($1, $2, 'Việc', 'STC', '{}'::jsonb, 'open', 0)`,
      [id, `item-${id}`],
    );
    let seq = 0;
    for (const [type, detail] of events) {
      await db.dataSource.query(
        `INSERT INTO item_events (item_id, workflow_id, seq, type, at, detail)
         VALUES ($1, $2, $3, $4, now(), $5::jsonb)`,
        [id, `item-${id}`, ++seq, type, detail === null ? null : JSON.stringify(detail)],
      );
    }
    return id;
  };
  const fresh = await item([['created', { due: null }]]);
  const extended = await item([
    ['created', null],
    ['extension_requested', { requestId: 'a' }],
    ['extension_approved', { requestId: 'a' }],
    ['extension_rejected', { requestId: 'b' }],
    ['extension_approved', { requestId: 'c' }],
  ]);
  const recurring = await item([
    ['created', null],
    ['completed', null],
    ['created', { period: true }],
    ['extension_approved', { requestId: 'd' }],
  ]);
  const noHistory = await item([]);

  await db.dataSource.runMigrations();
  const rows = await db.dataSource.query<{ id: string; deadline_version: number }[]>(
    `SELECT id, deadline_version FROM items`,
  );
  const versionOf = new Map(rows.map((r) => [r.id, r.deadline_version]));
  expect([fresh, extended, recurring, noHistory].map((id) => versionOf.get(id))).toEqual([
    1, 3, 3, 1,
  ]);
});
