import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import { auditHash, GENESIS_HASH } from '../../src/app/audit/chain.ts';
import type { AuditDraft } from '../../src/app/audit/ports.ts';
import { verifyAuditTrail } from '../../src/app/audit/verify-audit-trail.ts';
import { connectDatabase } from '../../src/db/connect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { appendAudit, createAuditReader } from '../../src/db/repositories/audit-log.ts';
import type { Database } from '../../src/db/schema.ts';
import { createTestDb, dialectSkip, DIALECTS, type TestDatabase } from '../support/databases.ts';
import { runIdro } from '../support/run-idro.ts';

const ACTIONS = ['holder.renamed', 'code.suspended', 'code.reinstated', 'application.approved'];

function draft(n: number): AuditDraft {
  return {
    at: new Date(Date.UTC(2026, 10, 27, 10, 0, n)).toISOString(),
    actor: { type: 'staff', id: 'staff-1', label: 'reviewer@registry.test' },
    action: ACTIONS[n % ACTIONS.length] ?? 'code.suspended',
    subject: { type: 'code', id: 'BEABC' },
    holderId: 'holder-1',
    codeKey: 'BEABC',
    reason: `Decision number ${n}`,
    before: { status: 'active', note: n },
    after: { status: 'suspended', note: n },
  };
}

interface VerifyJson {
  intact: boolean;
  verified: number;
  head: { seq: number; hash: string } | null;
  break?: {
    kind: string;
    seq: number | null;
    count?: number;
    by?: string;
    message: string;
    entry?: { seq: number; at: string; action: string };
  };
}

for (const dialect of DIALECTS) {
  describe(`idro audit verify on ${dialect}`, { skip: dialectSkip(dialect) }, () => {
    let dir: string;
    let pgTest: TestDatabase | undefined;
    let db: Kysely<Database>;
    let env: Record<string, string>;

    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'idro-audit-'));
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

    /** A fresh trail of ten entries, appended as the service appends them. */
    beforeEach(async () => {
      await db.deleteFrom('audit_entry').execute();
      await db.deleteFrom('audit_head').execute();
      await db.insertInto('audit_head').values({ id: 1, seq: 0, hash: GENESIS_HASH }).execute();
      for (let n = 1; n <= 10; n += 1) {
        await db.transaction().execute((trx) => appendAudit(trx, draft(n)));
      }
    });

    const verify = async (...extra: string[]) => {
      const run = await runIdro(['audit', 'verify', '--json', ...extra], env);
      return { code: run.code, stderr: run.stderr, report: JSON.parse(run.stdout) as VerifyJson };
    };
    const entry = (seq: number) =>
      db.selectFrom('audit_entry').selectAll().where('seq', '=', seq).executeTakeFirstOrThrow();

    it('an intact chain verifies: exit 0, every entry checked, the head printed', async () => {
      const text = await runIdro(['audit', 'verify'], env);
      assert.equal(text.code, 0, text.stderr);
      assert.match(
        text.stdout,
        /^audit trail intact: 10 entries, entry 1 \(2026-11-27T10:00:01\.000Z\) to entry 10 /,
      );
      const head = await createAuditReader(db).head();
      assert.match(text.stdout, new RegExp(`^head: 10:${head.hash}$`, 'm'));
      const { code, report } = await verify();
      assert.equal(code, 0);
      assert.deepEqual(
        { intact: report.intact, verified: report.verified, head: report.head },
        { intact: true, verified: 10, head },
      );
      const shown = await runIdro(['audit', 'head'], env);
      assert.equal(shown.stdout, `10:${head.hash}\n`);
      assert.match(shown.stderr, /not verified/);
    });

    it('an audit row edited in the database fails verify, naming that entry', async () => {
      await db
        .updateTable('audit_entry')
        .set({ reason: 'Nothing to see' })
        .where('seq', '=', 4)
        .execute();
      const text = await runIdro(['audit', 'verify'], env);
      assert.equal(text.code, 1);
      assert.match(text.stdout, /^audit trail BROKEN at entry 4: altered content$/m);
      assert.match(
        text.stdout,
        /entry 4 \(2026-11-27T10:00:04\.000Z, holder\.renamed of code BEABC, by staff reviewer@registry\.test\) was altered/,
      );
      assert.match(text.stdout, /entries 1 to 3 are intact/);
      await db
        .updateTable('audit_entry')
        .set({ reason: 'Decision number 4' })
        .where('seq', '=', 4)
        .execute();
      assert.equal((await verify()).code, 0, 'putting the text back mends it: the hash covers it');
      await db
        .updateTable('audit_entry')
        .set({ after: JSON.stringify({ status: 'active', note: 7 }) })
        .where('seq', '=', 7)
        .execute();
      const { code, report } = await verify();
      assert.equal(code, 1);
      assert.equal(report.break?.kind, 'altered');
      assert.equal(report.break.seq, 7);
      assert.equal(report.break.entry?.action, 'application.approved');
    });

    it('a middle row deleted is named as the missing entry', async () => {
      await db.deleteFrom('audit_entry').where('seq', '=', 6).execute();
      const { code, report } = await verify();
      assert.equal(code, 1);
      assert.deepEqual(
        { kind: report.break?.kind, seq: report.break?.seq, count: report.break?.count },
        { kind: 'missing', seq: 6, count: 1 },
      );
      assert.match(
        report.break?.message ?? '',
        /^entry 6 is missing: deleted from the middle of the trail, between entry 5 \(.*\) and entry 7 \(/,
      );
      assert.equal(report.verified, 5);
    });

    it('the last rows deleted do not match the head: entries removed from the end', async () => {
      await db.deleteFrom('audit_entry').where('seq', '>', 8).execute();
      const text = await runIdro(['audit', 'verify'], env);
      assert.equal(text.code, 1);
      assert.match(text.stdout, /^audit trail BROKEN at entry 9: entries removed from the end$/m);
      assert.match(
        text.stdout,
        /entries 9 to 10 were removed from the end: the head row counts 10 entries, but the trail ends at entry 8 /,
      );
    });

    it('an entry rewritten with its hash recomputed is caught at the next link', async () => {
      const original = await entry(5);
      const forged = { ...original, reason: 'A kinder reason' };
      const hash = auditHash({
        seq: forged.seq,
        at: forged.at,
        actorType: forged.actor_type,
        actorId: forged.actor_id,
        actorLabel: forged.actor_label,
        action: forged.action,
        subjectType: forged.subject_type,
        subjectId: forged.subject_id,
        holderId: forged.holder_id,
        codeKey: forged.code_key,
        applicationId: forged.application_id,
        reason: forged.reason,
        before: forged.before,
        after: forged.after,
        prevHash: forged.prev_hash,
      });
      await db
        .updateTable('audit_entry')
        .set({ reason: forged.reason, hash })
        .where('seq', '=', 5)
        .execute();
      const { code, report } = await verify();
      assert.equal(code, 1);
      assert.deepEqual(
        { kind: report.break?.kind, seq: report.break?.seq, by: report.break?.by },
        { kind: 'replaced', seq: 5, by: 'next' },
      );
      assert.match(
        report.break?.message ?? '',
        /^entry 5 \(.*\) was replaced: it matches its own hash, but entry 6 still records the hash it had/,
      );
      assert.equal(report.verified, 4);
    });

    it('a rewritten trail passes on its own but not against a head written down earlier', async () => {
      const recorded = await createAuditReader(db).head();
      // A forger with the whole database: rewrites entry 3 and every hash after it, and the head.
      await db
        .updateTable('audit_entry')
        .set({ reason: 'Rewritten' })
        .where('seq', '=', 3)
        .execute();
      let prevHash = (await entry(2)).hash;
      for (let seq = 3; seq <= 10; seq += 1) {
        const row = await entry(seq);
        const hash = auditHash({
          seq,
          at: row.at,
          actorType: row.actor_type,
          actorId: row.actor_id,
          actorLabel: row.actor_label,
          action: row.action,
          subjectType: row.subject_type,
          subjectId: row.subject_id,
          holderId: row.holder_id,
          codeKey: row.code_key,
          applicationId: row.application_id,
          reason: row.reason,
          before: row.before,
          after: row.after,
          prevHash,
        });
        await db
          .updateTable('audit_entry')
          .set({ prev_hash: prevHash, hash })
          .where('seq', '=', seq)
          .execute();
        prevHash = hash;
      }
      await db.updateTable('audit_head').set({ hash: prevHash }).where('id', '=', 1).execute();
      assert.equal((await verify()).code, 0, 'the chain alone cannot tell');
      const { code, report } = await verify('--expect-head', `${recorded.seq}:${recorded.hash}`);
      assert.equal(code, 1);
      assert.deepEqual(
        { kind: report.break?.kind, seq: report.break?.seq, verified: report.verified },
        { kind: 'rewritten', seq: 10, verified: 0 },
      );
      const text = await runIdro(['audit', 'verify', '--expect-head', recorded.hash], env);
      assert.equal(text.code, 1);
      assert.match(text.stdout, /no entry has the recorded hash/);
    });

    it('a head written down earlier that is still there verifies', async () => {
      const recorded = await createAuditReader(db).head();
      await db.transaction().execute((trx) => appendAudit(trx, draft(11)));
      const { code, report } = await verify('--expect-head', `${recorded.seq}:${recorded.hash}`);
      assert.equal(code, 0);
      assert.equal(report.verified, 11);
    });

    it('a row inserted by hand beyond the head was never issued by the chain', async () => {
      const last = await entry(10);
      await db
        .insertInto('audit_entry')
        .values({ ...last, seq: 11, prev_hash: last.hash })
        .execute();
      const { code, report } = await verify();
      assert.equal(code, 1);
      assert.deepEqual(
        { kind: report.break?.kind, seq: report.break?.seq },
        { kind: 'unchained', seq: 11 },
      );
    });

    it('usage errors exit 2 with the help', async () => {
      for (const args of [
        ['audit'],
        ['audit', 'prove'],
        ['audit', 'verify', '--expect-head', '12:beef'],
        ['audit', 'head', 'extra'],
      ]) {
        const run = await runIdro(args, env);
        assert.equal(run.code, 2, args.join(' '));
        assert.match(run.stderr, /usage: idro audit verify/);
      }
    });

    it('verifying while others append sees a consistent trail every time', async () => {
      const reader = createAuditReader(db);
      const appends = Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          db.transaction().execute((trx) => appendAudit(trx, draft(300 + i))),
        ),
      );
      const checks = Promise.all(
        Array.from({ length: 5 }, () => verifyAuditTrail(reader, { pageSize: 3 })),
      );
      const [, results] = await Promise.all([appends, checks]);
      for (const result of results) {
        assert.equal(result.intact, true, JSON.stringify(result.break));
        assert.equal(result.verified, result.head?.seq);
      }
      assert.equal((await verifyAuditTrail(reader)).verified, 40);
    });

    it('concurrent appends in many transactions leave an intact chain without gaps', async () => {
      await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          db.transaction().execute(async (trx) => {
            await appendAudit(trx, draft(100 + i));
            await appendAudit(trx, draft(200 + i));
          }),
        ),
      );
      const reader = createAuditReader(db);
      const state = await reader.state();
      assert.deepEqual(
        {
          entries: state.entries,
          first: state.firstSeq,
          last: state.lastSeq,
          head: state.head?.seq,
        },
        { entries: 90, first: 1, last: 90, head: 90 },
      );
      const result = await verifyAuditTrail(reader, { pageSize: 7 });
      assert.equal(result.intact, true);
      assert.equal(result.verified, 90);
      // Each transaction's two entries stay next to each other: appenders take turns.
      const rows = await db
        .selectFrom('audit_entry')
        .select(['seq', 'reason'])
        .where('seq', '>', 10)
        .orderBy('seq')
        .execute();
      for (let i = 0; i < rows.length; i += 2) {
        const first = Number(rows[i]?.reason?.split(' ').at(-1));
        const second = Number(rows[i + 1]?.reason?.split(' ').at(-1));
        assert.equal(second, first + 100, `entries ${rows[i]?.seq} and ${rows[i + 1]?.seq}`);
      }
    });
  });
}
