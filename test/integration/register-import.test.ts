import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AuditActor } from '../../src/app/audit/ports.ts';
import { verifyAuditTrail } from '../../src/app/audit/verify-audit-trail.ts';
import { importBeneluxRegister } from '../../src/app/register/import-benelux-register.ts';
import { importIdroDirectory } from '../../src/app/register/import-idro-directory.ts';
import { ExportFormatError } from '../../src/app/register/parse-benelux-export.ts';
import { createAuditReader } from '../../src/db/repositories/audit-log.ts';
import { createRegisterReader } from '../../src/db/repositories/register-reader.ts';
import { createRegisterStore } from '../../src/db/repositories/register-store.ts';
import { createTestDb, dialectSkip, DIALECTS, type TestDatabase } from '../support/databases.ts';
import {
  BENELUX_EXPORT,
  fixedClock,
  IDRO_DIRECTORY,
  readSeed,
  uuids,
} from '../support/register.ts';

const actor: AuditActor = { type: 'cli', id: null, label: 'registrar' };

/** An entry's before or after, as the object it was recorded from. */
const json = (text: string | null | undefined) =>
  JSON.parse(text ?? 'null') as Record<string, unknown>;

async function auditActions(test: TestDatabase): Promise<Record<string, number>> {
  const rows = await test.db
    .selectFrom('audit_entry')
    .select(['action', (eb) => eb.fn.countAll().as('n')])
    .groupBy('action')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.action, Number(r.n)]));
}

async function tableCounts(test: TestDatabase) {
  const count = async (
    table: 'holder' | 'party_code' | 'party_code_role' | 'register_event' | 'federated_record',
  ) =>
    Number(
      (
        await test.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    holders: await count('holder'),
    codes: await count('party_code'),
    roles: await count('party_code_role'),
    events: await count('register_event'),
    federated: await count('federated_record'),
  };
}

for (const dialect of DIALECTS) {
  describe(`register import on ${dialect}`, { skip: dialectSkip(dialect) }, () => {
    let test: TestDatabase;
    const clock = fixedClock();
    before(async () => {
      test = await createTestDb(dialect);
    });
    after(() => test.drop());

    it('imports the real Benelux export: 300 holders, 951 ID-role entries, every anomaly listed', async () => {
      const store = createRegisterStore(test.db);
      const summary = await importBeneluxRegister(readSeed(BENELUX_EXPORT), 'benelux.csv', {
        store,
        clock,
        ids: uuids,
        actor,
      });
      assert.equal(summary.holders.created, 300);
      assert.equal(summary.roles, 951);
      const counts = await tableCounts(test);
      assert.equal(counts.holders, 300);
      assert.equal(counts.roles, 951);
      assert.equal(counts.codes, summary.codes.created);
      assert.equal(counts.events, summary.codes.created);
      const dash = summary.anomalies.filter((a) => a.code === 'cpo_id_with_dash');
      assert.ok(
        dash.some((a) => a.value === 'NL-ABL'),
        'NL-ABL is reported',
      );
      assert.ok(summary.anomalies.some((a) => a.code === 'name_whitespace'));
      assert.ok(summary.anomalies.some((a) => a.code === 'missing_website'));
    });

    it('writes every holder and code it created to the audit trail, by its actor, intact', async () => {
      assert.deepEqual(await auditActions(test), {
        'holder.created': 300,
        'code.created': (await tableCounts(test)).codes,
        'import.completed': 1,
      });
      const reader = createAuditReader(test.db);
      const abl = await reader.forCode('NLABL', 10);
      assert.equal(abl.length, 1);
      assert.equal(abl[0]?.action, 'code.created');
      assert.equal(abl[0].actorType, 'cli');
      assert.equal(abl[0].actorLabel, 'registrar');
      assert.equal(abl[0].reason, 'Imported from benelux.csv.');
      assert.equal(abl[0].at, '2026-11-27T10:00:00.000Z');
      assert.equal(abl[0].before, null);
      const holderId = (await createRegisterReader(test.db).findParty('NLABL'))?.holder.id;
      assert.equal(abl[0].holderId, holderId);
      assert.deepEqual(json(abl[0].after), {
        holderId,
        status: 'active',
        roles: ['CPO'],
        validFrom: null,
        validTo: null,
        successorKey: null,
      });
      const holder = await reader.forHolder(holderId ?? '', 10);
      assert.deepEqual(
        holder.map((e) => e.action),
        ['code.created', 'holder.created'],
      );
      assert.equal(json(holder[1]?.after).legalName, 'Abel & Co');
      const run = await reader.forSubject('import', 'benelux-csv', 10);
      assert.equal((json(run[0]?.after).holders as { created: number }).created, 300);
      assert.equal((await verifyAuditTrail(reader)).intact, true);
    });

    it('a second import of the same file changes nothing', async () => {
      const store = createRegisterStore(test.db);
      const before = await tableCounts(test);
      const firstVersion = await createRegisterReader(test.db).version();
      clock.set('2026-11-28T10:00:00.000Z');
      const summary = await importBeneluxRegister(readSeed(BENELUX_EXPORT), 'benelux.csv', {
        store,
        clock,
        ids: uuids,
        actor,
      });
      assert.equal(summary.holders.created + summary.holders.updated, 0);
      assert.equal(summary.codes.created + summary.codes.updated, 0);
      assert.deepEqual(await tableCounts(test), before);
      assert.deepEqual(await createRegisterReader(test.db).version(), firstVersion);
      const actions = await auditActions(test);
      assert.equal(actions['import.completed'], 2, 'the run itself is in the trail');
      assert.equal(actions['holder.created'], 300, 'but no holder or code entry');
    });

    it('publishes what it imported, with roles, holder and provenance event', async () => {
      const reader = createRegisterReader(test.db);
      const abl = await reader.findParty('NLABL');
      assert.equal(abl?.holder.legalName, 'Abel & Co');
      assert.deepEqual(abl.roles, ['CPO']);
      assert.equal(abl.status, 'active');
      assert.equal(abl.holder.website, 'https://www.abelenco.nl');
      const five = await reader.findParty('BE505');
      assert.deepEqual(five?.roles, ['CPO', 'EMSP']);
      const history = await reader.partyHistory('BE505');
      assert.equal(history.length, 1);
      assert.equal(history[0]?.type, 'imported');
    });

    it('searches accent- and case-insensitively in names and codes', async () => {
      const reader = createRegisterReader(test.db);
      const byName = await reader.listParties({ q: 'ABEL & co' }, 10);
      assert.deepEqual(
        byName.map((p) => p.key),
        ['NLABL'],
      );
      const byCode = await reader.listParties({ q: 'nl*abl' }, 10);
      assert.deepEqual(
        byCode.map((p) => p.key),
        ['NLABL'],
      );
      const page1 = await reader.listParties({ country: 'BE' }, 5);
      const page2 = await reader.listParties({ country: 'BE' }, 5, page1.at(-1)?.key);
      assert.equal(page1.length, 5);
      assert.ok(page2.every((p) => p.key > (page1.at(-1)?.key ?? '') && p.country === 'BE'));
    });

    it('refuses a file that is not the export layout, changing nothing', async () => {
      const store = createRegisterStore(test.db);
      const before = await tableCounts(test);
      await assert.rejects(
        importBeneluxRegister('a,b\n1,2\n', 'x.csv', { store, clock, ids: uuids, actor }),
        ExportFormatError,
      );
      assert.deepEqual(await tableCounts(test), before);
    });

    it('imports the Open IDRO Directory as federated records with provenance, idempotently', async () => {
      const store = createRegisterStore(test.db);
      const text = readSeed(IDRO_DIRECTORY);
      const first = await importIdroDirectory(text, 'registry.csv', 'open-idro-directory@f52cb90', {
        store,
        clock,
        actor,
      });
      assert.equal(first.records + first.anomalies.length, 8010);
      assert.equal(first.inserted, first.records);
      assert.equal(Object.keys(first.registries).length, 18);
      assert.ok(first.anomalies.every((a) => a.code === 'invalid_party_id'));
      const second = await importIdroDirectory(
        text,
        'registry.csv',
        'open-idro-directory@f52cb90',
        { store, clock, actor },
      );
      assert.equal(second.unchanged, first.records);
      const records = await createRegisterReader(test.db).federatedRecords('AT', '000');
      assert.equal(records[0]?.registryId, 'at-ladestellen');
      assert.equal(records[0].retrievedAt, '2026-06-29T15:36:31.359Z');
      assert.equal(records[0].official, true);
      const ours = await tableCounts(test);
      assert.equal(ours.holders, 300, 'federated records never become holders of ours');
      const runs = await createAuditReader(test.db).forSubject('import', 'idro-directory', 5);
      assert.equal(runs.length, 2, 'one audit entry a run, none per federated record');
      const after = json(runs[1]?.after);
      assert.equal(after.dataset, 'open-idro-directory@f52cb90');
      assert.equal(after.inserted, first.records);
      assert.equal(after.sha256, first.sha256);
    });

    it('a changed website and changed roles are audited with before and after', async () => {
      const store = createRegisterStore(test.db);
      const text = readSeed(BENELUX_EXPORT).replace(
        '"Abel & Co","NL-ABL",/,www.abelenco.nl',
        '"Abel & Co","NL-ABL","NL-ABL",abel.example',
      );
      clock.set('2026-11-29T10:00:00.000Z');
      const summary = await importBeneluxRegister(text, 'benelux-v2.csv', {
        store,
        clock,
        ids: uuids,
        actor,
      });
      assert.equal(summary.holders.updated, 1);
      assert.equal(summary.codes.updated, 1);
      const holderId = (await createRegisterReader(test.db).findParty('NLABL'))?.holder.id ?? '';
      const reader = createAuditReader(test.db);
      const [roles, holder] = await reader.forHolder(holderId, 2);
      assert.equal(holder?.action, 'holder.updated');
      assert.equal(holder.reason, 'Imported from benelux-v2.csv.');
      assert.equal(json(holder.before).website, 'https://www.abelenco.nl');
      assert.equal(json(holder.after).website, 'https://abel.example');
      assert.equal(roles?.action, 'code.roles_changed');
      assert.equal(roles.codeKey, 'NLABL');
      assert.deepEqual(json(roles.before).roles, ['CPO']);
      assert.deepEqual(json(roles.after).roles, ['CPO', 'EMSP']);
      const [latestRun] = await reader.forSubject('import', 'benelux-csv', 1);
      assert.equal(latestRun?.seq, (await reader.head()).seq, 'the run is the last entry');
      assert.equal((await verifyAuditTrail(createAuditReader(test.db))).intact, true);
    });
  });
}
