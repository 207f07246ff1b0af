import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { approveApplication } from '../../src/app/review/approve-application.ts';
import { DomainError } from '../../src/domain/errors.ts';
import { getPage } from '../support/accounts.ts';
import { createApplicant, VALID_STEPS, type TestApplicant } from '../support/applicants.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { createTestDb, DIALECTS, dialectSkip, type TestDatabase } from '../support/databases.ts';
import {
  decide,
  issueCode,
  latestRequestId,
  operate,
  publicParty,
  resolve,
  submitFrom,
} from '../support/lifecycle.ts';
import { runIdro } from '../support/run-idro.ts';
import { createStaff, type TestStaff } from '../support/staff.ts';

interface Availability {
  readonly available: boolean;
  readonly countries: readonly { readonly country: string; readonly availability: string }[];
}

for (const dialect of DIALECTS) {
  describe(`quarantine and reserved codes (${dialect})`, { skip: dialectSkip(dialect) }, () => {
    let app: TestApp;
    let admin1: TestStaff;
    let admin2: TestStaff;
    let applicant: TestApplicant;

    const availability = async (code: string, countries: string) =>
      (
        await app.inject({
          method: 'GET',
          url: `/api/v1/availability?code=${code}&countries=${countries}`,
        })
      ).json<Availability>();

    before(async () => {
      app = await createTestApp({ dialect });
      admin1 = await createStaff(app, { role: 'admin' });
      admin2 = await createStaff(app, { role: 'admin' });
      applicant = await createApplicant(app);
      await issueCode(app, 'BEQQQ', { legalName: 'Quarantined Once BV' });
      await operate(app, admin1.jar, 'BEQQQ', 'withdraw', {
        effectiveDate: new Date().toISOString().slice(0, 10),
        publicReason: 'holder_ceased',
        reason: 'Bankruptcy',
      });
      await decide(app, admin2.jar, await latestRequestId(app, 'BEQQQ'), 'approve');
    });
    after(() => app.close());

    it('a withdrawn code stays in the register, in quarantine, and nothing more can be done to it', async () => {
      const party = await publicParty(app, 'BEQQQ');
      assert.equal(party.status, 'withdrawn');
      const page = await getPage(app, admin1.jar, '/en/admin/codes/BEQQQ');
      assert.match(page.body, /It stays in quarantine and nothing more can be done to it/);
      assert.ok(!page.body.includes('/en/admin/codes/BEQQQ/withdraw'));
      const reinstate = await submitFrom(
        app,
        admin1.jar,
        '/en/admin/reserved',
        '/en/admin/codes/BEQQQ/reinstate',
        { publicReason: 'correction', reason: 'Trying to bring it back' },
      );
      assert.equal(reinstate.statusCode, 409, 'a withdrawn code never comes back');
      const transfer = await submitFrom(
        app,
        admin1.jar,
        '/en/admin/reserved',
        '/en/admin/codes/BEQQQ/transfer',
        { target: 'new', legalName: 'Someone Else', publicReason: 'merger', reason: 'x' },
      );
      assert.equal(transfer.statusCode, 409, 'nor goes to anyone else');
      assert.equal((await publicParty(app, 'BEQQQ')).status, 'withdrawn');
    });

    it('a withdrawn code can never be applied for again, by anyone', async () => {
      const facts = await availability('qqq', 'BE,NL');
      assert.deepEqual(
        facts.countries.map((c) => `${c.country}:${c.availability}`),
        ['BE:quarantined', 'NL:free'],
      );
      assert.equal(facts.available, false);
      const created = await app.inject({
        method: 'POST',
        url: '/api/v1/applications',
        headers: applicant.headers,
      });
      assert.equal(created.statusCode, 201);
      const { id } = created.json<{ id: string }>();
      const step = await app.inject({
        method: 'PUT',
        url: `/api/v1/applications/${id}/steps/request`,
        headers: applicant.headers,
        payload: { role: 'CPO', countries: ['BE'], code: 'QQQ' },
      });
      assert.equal(step.statusCode, 422);
      const errors = step.json<{ errors: { field: string; code: string }[] }>().errors;
      assert.ok(
        errors.some((e) => e.code === 'code_quarantined'),
        JSON.stringify(errors),
      );
    });

    it('an application sent before the code was issued and withdrawn can never have it issued', async () => {
      const call = (method: 'POST' | 'PUT', url: string, payload?: object) =>
        app.inject({ method, url, headers: applicant.headers, ...(payload ? { payload } : {}) });
      const { id } = (await call('POST', '/api/v1/applications')).json<{ id: string }>();
      const steps = { ...VALID_STEPS, request: { ...VALID_STEPS.request, code: 'PPP' } };
      for (const [step, values] of Object.entries(steps)) {
        const saved = await call('PUT', `/api/v1/applications/${id}/steps/${step}`, values);
        assert.equal(saved.statusCode, 200, saved.body);
      }
      const submitted = await call('POST', `/api/v1/applications/${id}/submit`, {
        acceptTerms: true,
      });
      assert.equal(submitted.statusCode, 200, submitted.body);

      await issueCode(app, 'BEPPP', { legalName: 'First Come BV' });
      await operate(app, admin1.jar, 'BEPPP', 'withdraw', {
        effectiveDate: new Date().toISOString().slice(0, 10),
        publicReason: 'terms_breach',
        reason: 'Misuse',
      });
      await decide(app, admin2.jar, await latestRequestId(app, 'BEPPP'), 'approve');
      assert.equal((await publicParty(app, 'BEPPP')).status, 'withdrawn');

      await assert.rejects(
        approveApplication(app.backOffice.review, admin1, id),
        (error: unknown) =>
          error instanceof DomainError &&
          error.code === 'conflict' &&
          error.details.reason === 'code_quarantined',
      );
      const party = await publicParty(app, 'BEPPP');
      assert.equal(party.status, 'withdrawn');
      assert.equal(party.holder.name, 'First Come BV');
    });

    it('a withdrawn code cannot be reserved either: it is held in quarantine already', async () => {
      const res = await submitFrom(app, admin1.jar, '/en/admin/reserved', '/en/admin/reserved', {
        code: 'BE*QQQ',
        reason: 'Keep it',
      });
      assert.equal(res.statusCode, 409);
      assert.match(res.body, /A holder has this code \(withdrawn codes included\)/);
    });

    it('admins keep the reserved list: add with a reason, see it published, remove; all audited', async () => {
      const page = await getPage(app, admin1.jar, '/en/admin/reserved');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /No code is reserved\./);
      const noReason = await submitFrom(
        app,
        admin1.jar,
        '/en/admin/reserved',
        '/en/admin/reserved',
        {
          code: 'be-res',
          reason: '',
        },
      );
      assert.equal(noReason.statusCode, 400);
      assert.match(noReason.body, /href="#reserve-reason"/);
      const badCode = await submitFrom(
        app,
        admin1.jar,
        '/en/admin/reserved',
        '/en/admin/reserved',
        {
          code: 'DE*RES',
          reason: 'x',
        },
      );
      assert.equal(badCode.statusCode, 400);
      assert.match(badCode.body, /Enter a Benelux party ID, like BE\*ABC\./);

      const added = await submitFrom(app, admin1.jar, '/en/admin/reserved', '/en/admin/reserved', {
        code: 'be-res',
        reason: 'Kept for the national access point',
      });
      assert.equal(added.statusCode, 303);
      assert.equal(added.headers.location, '/en/admin/reserved?done=reserved');
      const listed = await getPage(app, admin1.jar, '/en/admin/reserved');
      assert.match(listed.body, /BE\*RES/);
      assert.match(listed.body, /Kept for the national access point/);
      assert.deepEqual((await resolve(app, 'BE*RES')).reserved, {
        reason: 'Kept for the national access point',
      });
      assert.equal((await availability('RES', 'BE')).countries[0]?.availability, 'reserved');
      const [entry] = await app.backOffice.audit.reader.forCode('BERES', 5);
      assert.equal(entry?.action, 'reserved_code.added');
      assert.equal(entry.actorType, 'staff');
      assert.equal(entry.actorId, admin1.id);
      assert.equal(entry.reason, 'Kept for the national access point');

      const removed = await submitFrom(
        app,
        admin1.jar,
        '/en/admin/reserved',
        '/en/admin/reserved/BERES/remove',
        {},
      );
      assert.equal(removed.statusCode, 303);
      assert.equal(removed.headers.location, '/en/admin/reserved?done=released');
      assert.equal((await resolve(app, 'BE*RES')).reserved, null);
      assert.equal((await availability('RES', 'BE')).countries[0]?.availability, 'free');
      const [gone] = await app.backOffice.audit.reader.forCode('BERES', 5);
      assert.equal(gone?.action, 'reserved_code.removed');
      assert.equal(gone.actorId, admin1.id);
    });
  });

  describe(
    `idro reserved names its user in the audit trail (${dialect})`,
    { skip: dialectSkip(dialect) },
    () => {
      let test: TestDatabase;
      let dir: string;
      let env: Record<string, string>;
      before(async () => {
        dir = mkdtempSync(join(tmpdir(), 'idro-reserved-'));
        test = await createTestDb(dialect);
        env = {
          DATABASE_URL: dialect === 'sqlite' ? `sqlite:${join(dir, 'idro.sqlite')}` : test.url,
          IDRO_SEED: 'none',
        };
      });
      after(async () => {
        await test.drop();
        rmSync(dir, { recursive: true, force: true });
      });

      it('adds and removes with actor `cli`', async () => {
        const add = await runIdro(['reserved', 'add', 'LU*CLI', '--reason', 'Kept for tests'], env);
        assert.equal(add.code, 0, add.stderr);
        const remove = await runIdro(['reserved', 'remove', 'LU*CLI'], env);
        assert.equal(remove.code, 0, remove.stderr);
        const verify = await runIdro(['audit', 'verify'], env);
        assert.equal(verify.code, 0, verify.stdout + verify.stderr);
        const { connectDatabase } = await import('../../src/db/connect.ts');
        const { db } = connectDatabase(env.DATABASE_URL ?? '');
        try {
          const rows = await db
            .selectFrom('audit_entry')
            .select(['action', 'actor_type', 'reason'])
            .where('code_key', '=', 'LUCLI')
            .orderBy('seq')
            .execute();
          assert.deepEqual(rows, [
            { action: 'reserved_code.added', actor_type: 'cli', reason: 'Kept for tests' },
            { action: 'reserved_code.removed', actor_type: 'cli', reason: null },
          ]);
        } finally {
          await db.destroy();
        }
      });
    },
  );
}
