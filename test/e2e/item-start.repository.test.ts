/** The one writer of items.workflow_state: rows are inserted pending, markStarted moves them once. */
import { randomUUID } from 'node:crypto';
import { ItemStartRepository, type NewItem } from '../../libs/persistence/src';
import { createTestDatabase, type TestDatabase } from '../support/database';

let db: TestDatabase;
let repo: ItemStartRepository;

beforeAll(async () => {
  db = await createTestDatabase();
  repo = new ItemStartRepository(db.dataSource);
});

afterAll(async () => {
  await db?.drop();
});

const newItem = (dueAt: number | null): NewItem => {
  const id = randomUUID();
  return {
    id,
    workflowId: `item-${id}`,
    noticeId: null,
    position: null,
    code: null,
    text: 'Việc',
    leadCode: 'STC',
    supportCodes: ['SXD'],
    reportTo: null,
    dueDate: '2026-01-22',
    dueAt,
    deadline: null,
    policy: { remindBefore: ['P1D'], escalateAfter: [] },
  };
};

const stateOf = async (id: string) =>
  (
    await db.dataSource.query<{ workflow_state: string }[]>(
      `SELECT workflow_state FROM items WHERE id = $1`,
      [id],
    )
  )[0]?.workflow_state;

it('inserts open, version 0, pending, with the due as the original due', async () => {
  const dueAt = Date.parse('2026-01-22T17:00:00Z');
  const [row] = await repo.insertPending([newItem(dueAt)]);
  const stored = await db.dataSource.query<Record<string, unknown>[]>(
    `SELECT status, version, workflow_state, original_due_date::text AS odd, original_due_at
       FROM items WHERE id = $1`,
    [row?.id],
  );
  expect(stored[0]).toEqual({
    status: 'open',
    version: 0,
    workflow_state: 'pending',
    odd: '2026-01-22',
    original_due_at: new Date(dueAt),
  });
});

it('markStarted moves pending to started; pendingSince no longer finds the row', async () => {
  const [row] = await repo.insertPending([newItem(null)]);
  const id = row?.id as string;
  const later = Date.now() + 60_000;
  expect((await repo.pendingSince(later, 100)).map((r) => r.id)).toContain(id);
  await repo.markStarted(id);
  expect(await stateOf(id)).toBe('started');
  await repo.markStarted(id); // idempotent
  expect(await stateOf(id)).toBe('started');
  expect((await repo.pendingSince(later, 100)).map((r) => r.id)).not.toContain(id);
});
