import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import { verifyAuditTrail } from '../../src/app/audit/verify-audit-trail.ts';
import { seedRegister } from '../../src/app/register/seed-register.ts';
import { connectDatabase } from '../../src/db/connect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { createAuditReader } from '../../src/db/repositories/audit-log.ts';
import { createRegisterStore } from '../../src/db/repositories/register-store.ts';
import type { Database } from '../../src/db/schema.ts';
import { bundledSeed } from '../../src/serve.ts';
import { createTestDb, dialectSkip, DIALECTS, type TestDatabase } from '../support/databases.ts';
import { BENELUX_EXPORT, fixedClock, IDRO_DIRECTORY, uuids } from '../support/register.ts';
import { runIdro } from '../support/run-idro.ts';

async function byActor(db: Kysely<Database>) {
  const rows = await db
    .selectFrom('audit_entry')
    .select(['actor_type', 'actor_label', 'action', (eb) => eb.fn.countAll().as('n')])
    .groupBy(['actor_type', 'actor_label', 'action'])
    .orderBy('action')
    .execute();
  return rows.map((r) => `${r.actor_type}/${r.actor_label ?? ''} ${r.action} ${Number(r.n)}`);
}

for (const dialect of DIALECTS) {
  describe(
    `the register's bulk changes in the audit trail on ${dialect}`,
    { skip: dialectSkip(dialect) },
    () => {
      let dir: string;
      let pgTest: TestDatabase | undefined;
      let db: Kysely<Database>;
      let env: Record<string, string>;
      const me = userInfo().username;

      before(async () => {
        dir = mkdtempSync(join(tmpdir(), 'idro-audit-import-'));
        if (dialect === 'sqlite') {
          const url = `sqlite:${join(dir, 'idro.sqlite')}`;
          db = connectDatabase(url).db;
          await migrateToLatest(db);
          env = { DATABASE_URL: url };
        } else {
          pgTest = await createTestDb(dialect);
          db = pgTest.db;
          env = { DATABASE_URL: pgTest.url };
        }
      });
      after(async () => {
        if (pgTest === undefined) await db.destroy();
        else await pgTest.drop();
        rmSync(dir, { recursive: true, force: true });
      });

      it('idro import writes each holder and code it creates, by the command line and its user', async () => {
        const run = await runIdro(['import', 'benelux-csv', BENELUX_EXPORT], env);
        assert.equal(run.code, 0, run.stderr);
        const summary = JSON.parse(run.stdout) as { codes: { created: number } };
        assert.deepEqual(await byActor(db), [
          `cli/${me} code.created ${summary.codes.created}`,
          `cli/${me} holder.created 300`,
          `cli/${me} import.completed 1`,
        ]);
        const directory = await runIdro(['import', 'idro-directory', IDRO_DIRECTORY], env);
        assert.equal(directory.code, 0, directory.stderr);
        const again = await runIdro(['import', 'benelux-csv', BENELUX_EXPORT], env);
        assert.equal(again.code, 0, again.stderr);
        assert.deepEqual(await byActor(db), [
          `cli/${me} code.created ${summary.codes.created}`,
          `cli/${me} holder.created 300`,
          `cli/${me} import.completed 3`,
        ]);
        const verify = await runIdro(['audit', 'verify'], env);
        assert.equal(verify.code, 0, verify.stdout);
        assert.match(
          verify.stdout,
          new RegExp(`^audit trail intact: ${summary.codes.created + 303} entries`),
        );
      });

      it('the first-start seed writes its holders and codes as the system, and seeds only once', async () => {
        const fresh = dialect === 'sqlite' ? undefined : await createTestDb(dialect);
        const seeded = fresh?.db ?? connectDatabase('sqlite::memory:').db;
        try {
          if (fresh === undefined) await migrateToLatest(seeded);
          const deps = { store: createRegisterStore(seeded), clock: fixedClock(), ids: uuids };
          const result = await seedRegister(deps, bundledSeed);
          assert.ok(result !== undefined);
          const created = result.benelux.codes.created;
          assert.deepEqual(await byActor(seeded), [
            `system/first-start seed code.created ${created}`,
            'system/first-start seed holder.created 300',
            'system/first-start seed import.completed 2',
          ]);
          assert.equal(await seedRegister(deps, bundledSeed), undefined);
          const verified = await verifyAuditTrail(createAuditReader(seeded));
          assert.equal(verified.intact, true);
          assert.equal(verified.verified, created + 302);
        } finally {
          if (fresh === undefined) await seeded.destroy();
          else await fresh.drop();
        }
      });
    },
  );
}
