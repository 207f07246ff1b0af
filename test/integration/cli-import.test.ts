import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createTestDb, dialectSkip, DIALECTS, type TestDatabase } from '../support/databases.ts';
import { BENELUX_EXPORT, IDRO_DIRECTORY } from '../support/register.ts';
import { runIdro } from '../support/run-idro.ts';

interface Summary {
  holders: { created: number; unchanged: number };
  codes: { created: number; updated: number; unchanged: number };
  roles: number;
  anomalies: { code: string; line: number }[];
}

for (const dialect of DIALECTS) {
  describe(`idro import and reserved on ${dialect}`, { skip: dialectSkip(dialect) }, () => {
    let test: TestDatabase;
    let dir: string;
    let env: Record<string, string>;
    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'idro-cli-'));
      test = await createTestDb(dialect);
      env = {
        DATABASE_URL: dialect === 'sqlite' ? `sqlite:${join(dir, 'idro.sqlite')}` : test.url,
      };
    });
    after(async () => {
      await test.drop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('imports the Benelux export, prints a JSON summary and lists every anomaly', async () => {
      const run = await runIdro(['import', 'benelux-csv', BENELUX_EXPORT], env);
      assert.equal(run.code, 0, run.stderr);
      const summary = JSON.parse(run.stdout) as Summary;
      assert.equal(summary.holders.created, 300);
      assert.equal(summary.roles, 951);
      assert.ok(summary.codes.created > 0);
      const stderrLines = run.stderr.trim().split('\n');
      assert.equal(stderrLines.length, summary.anomalies.length);
      assert.match(run.stderr, /line 3, Operator-ID \(CPO\): cpo_id_with_dash "NL-ABL"/);
    });

    it('importing the same file again changes nothing', async () => {
      const run = await runIdro(['import', 'benelux-csv', BENELUX_EXPORT], env);
      const summary = JSON.parse(run.stdout) as Summary;
      assert.equal(summary.holders.created, 0);
      assert.equal(summary.codes.created + summary.codes.updated, 0);
      assert.equal(summary.holders.unchanged, 300);
    });

    it('imports the Open IDRO Directory as federated records', async () => {
      const run = await runIdro(
        ['import', 'idro-directory', IDRO_DIRECTORY, '--dataset', 'oid@f52cb90'],
        env,
      );
      assert.equal(run.code, 0, run.stderr);
      const summary = JSON.parse(run.stdout) as {
        records: number;
        dataset: string;
        registries: object;
      };
      assert.equal(summary.records, 8006);
      assert.equal(summary.dataset, 'oid@f52cb90');
      assert.equal(Object.keys(summary.registries).length, 18);
    });

    it('refuses a file in the wrong layout or that cannot be read, changing nothing', async () => {
      const bad = join(dir, 'bad.csv');
      writeFileSync(bad, 'name,code\nx,BE*ABC\n');
      const wrong = await runIdro(['import', 'benelux-csv', bad], env);
      assert.equal(wrong.code, 1);
      assert.match(wrong.stderr, /not a benelux-csv file.*nothing was changed/);
      const missing = await runIdro(['import', 'benelux-csv', join(dir, 'none.csv')], env);
      assert.equal(missing.code, 1);
      assert.match(missing.stderr, /cannot read/);
    });

    it('answers a usage error with exit 2', async () => {
      assert.equal((await runIdro(['import', 'xml', BENELUX_EXPORT], env)).code, 2);
      assert.equal((await runIdro(['import', 'benelux-csv'], env)).code, 2);
      assert.equal((await runIdro(['reserved', 'add', 'BE*TST'], env)).code, 2);
    });

    it('keeps a published list of reserved codes, and will not reserve a held code', async () => {
      const add = await runIdro(['reserved', 'add', 'be-tst', '--reason', 'Kept for testing'], env);
      assert.equal(add.code, 0, add.stderr);
      const list = await runIdro(['reserved', 'list'], env);
      assert.equal(list.stdout, 'BE*TST\tKept for testing\n');
      const held = await runIdro(['reserved', 'add', 'NL*ABL', '--reason', 'x'], env);
      assert.equal(held.code, 1);
      assert.match(held.stderr, /held by a holder/);
      const removed = await runIdro(['reserved', 'remove', 'BE*TST'], env);
      assert.equal(removed.stdout, 'released BE*TST\n');
    });
  });
}
