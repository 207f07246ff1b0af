import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Migrator, sql } from 'kysely';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { MIGRATIONS } from '../../src/db/migrations/index.ts';
import { holderSortName } from '../../src/domain/register/search-text.ts';
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

    it('gives holders stored before their sort key one when migrating, and back down', async () => {
      const migrator = new Migrator({
        db: test.db,
        provider: { getMigrations: () => Promise.resolve(MIGRATIONS) },
      });
      const down = await migrator.migrateTo('2026-11-27-0005-back-office');
      assert.equal(down.error, undefined);
      const at = '2026-11-27T00:00:00Z';
      for (const [id, name] of [
        ['h1', 'Électricité  du Nord'],
        ['h2', 'ZETA BV'],
      ]) {
        await sql`insert into holder (id, legal_name, search_text, source, created_at, updated_at)
                  values (${id}, ${name}, '', 'test', ${at}, ${at})`.execute(test.db);
      }
      assert.deepEqual(await migrateToLatest(test.db), ['2026-11-27-0006-holder-sort-name']);
      const rows = await test.db
        .selectFrom('holder')
        .select(['id', 'sort_name'])
        .orderBy('sort_name')
        .execute();
      assert.deepEqual(rows, [
        { id: 'h1', sort_name: holderSortName('Électricité  du Nord') },
        { id: 'h2', sort_name: 'zeta bv' },
      ]);
      assert.equal(rows[0]?.sort_name, 'electricite du nord');
      await test.db.deleteFrom('holder').execute();
    });
  });
}
