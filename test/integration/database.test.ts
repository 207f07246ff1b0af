import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { databaseIsUp } from '../../src/db/health-check.ts';
import { createTestDb, dialectSkip, DIALECTS, type TestDatabase } from '../support/databases.ts';

for (const dialect of DIALECTS) {
  describe(`database on ${dialect}`, { skip: dialectSkip(dialect) }, () => {
    let test: TestDatabase;
    before(async () => {
      test = await createTestDb(dialect);
    });
    after(() => test.drop());

    it('is migrated and answers', async () => {
      assert.equal(await databaseIsUp(test.db), true);
      const rows = await test.db.selectFrom('setting').selectAll().execute();
      assert.deepEqual(rows, []);
    });

    it('migrating again changes nothing', async () => {
      assert.deepEqual(await migrateToLatest(test.db), []);
    });

    it('stores and reads back a setting', async () => {
      await test.db
        .insertInto('setting')
        .values({ key: 'k', value: 'vé', updated_at: '2026-11-27T00:00:00Z' })
        .execute();
      const row = await test.db
        .selectFrom('setting')
        .select('value')
        .where('key', '=', 'k')
        .executeTakeFirst();
      assert.equal(row?.value, 'vé');
    });
  });
}
