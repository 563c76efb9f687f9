/**
 * The migrations build exactly the schema the entities describe (never `synchronize`): TypeORM's
 * schema builder, asked what it would change on a freshly migrated database, finds nothing.
 */
import { createTestDatabase, type TestDatabase } from '../support/database';

let db: TestDatabase;
beforeAll(async () => (db = await createTestDatabase()), 60_000);
afterAll(() => db?.drop());

it('the migrated database matches the entities', async () => {
  const pending = await db.dataSource.driver.createSchemaBuilder().log();
  expect(pending.upQueries.map((q) => q.query)).toEqual([]);
});
