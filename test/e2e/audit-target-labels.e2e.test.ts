/**
 * The audit log's target names on the real PostgreSQL with the migrations: an item's code comes
 * with its notice's number, or the start of the title of a notice without one (issue 8 blind
 * check: "2.a" of two unnumbered notices looked alike).
 */
import { randomUUID } from 'node:crypto';
import { auditTargetLabels, targetKey } from '../../libs/persistence/src';
import { createTestDatabase, type TestDatabase } from '../support/database';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());

async function notice(number: string | null, title: string | null): Promise<string> {
  const id = randomUUID();
  await db.dataSource.query(
    `INSERT INTO notices (id, source_hash, number, title, text, parsed)
     VALUES ($1, $2, $3, $4, 'Thông báo', '{}')`,
    [id, randomUUID().replace(/-/g, '').padEnd(64, '0'), number, title],
  );
  return id;
}

async function item(code: string | null, noticeId: string | null, text = 'Việc'): Promise<string> {
  const id = randomUUID();
  await db.dataSource.query(
    `INSERT INTO items (id, workflow_id, notice_id, code, text, lead_code, status, policy)
     VALUES ($1, $2, $3, $4, $5, 'STC', 'open', '{}')`,
    [id, `item-${id}`, noticeId, code, text],
  );
  return id;
}

it('names an item by its code and its notice', async () => {
  const numbered = await item('2.a', await notice('12/TB-BCĐ', 'Kết luận phiên họp thứ 3'));
  const untitled = await item('2.a', await notice(null, null));
  const unnumbered = await item(
    '2.a',
    await notice(null, 'Kết luận của Trưởng Ban Chỉ đạo tại phiên họp thứ 5 về chuyển đổi số'),
  );
  const loose = await item(null, null, 'Rà soát   hồ sơ\nđất đai tồn đọng');
  const targets = [numbered, untitled, unnumbered, loose].map((targetId) => ({
    targetType: 'item',
    targetId,
  }));
  const labels = await auditTargetLabels(db.dataSource.manager, targets);
  expect(targets.map((t) => labels.get(targetKey(t)))).toEqual([
    '2.a, TB số 12/TB-BCĐ',
    '2.a',
    '2.a, TB “Kết luận của Trưởng Ban Chỉ đạo tại…”',
    'Rà soát hồ sơ đất đai tồn đọng',
  ]);
});
