import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ChainVerifier } from '../../src/app/audit/chain.ts';
import { DomainError } from '../../src/domain/errors.ts';
import {
  createReviewStore,
  isCodeUniqueViolation,
} from '../../src/db/repositories/review-store.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { csrfOf, getPage, postForm } from '../support/accounts.ts';
import { dialectSkip, DIALECTS } from '../support/databases.ts';
import { createStaff, type TestStaff } from '../support/staff.ts';
import { submitApplication } from '../support/submitted-application.ts';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

/** Two companies of their own (valid enterprise numbers), asking for the same code. */
function company(legalName: string, base: string) {
  const number = `${base}${String(97 - (Number(base) % 97)).padStart(2, '0')}`;
  return {
    legalName,
    legalForm: 'NV',
    seatCountry: 'BE',
    street: 'Kerkstraat 1',
    postalCode: '9000',
    city: 'Gent',
    website: '',
    legalEntityNumber: number,
    vatNumber: '',
  };
}

for (const dialect of DIALECTS) {
  describe(
    `two approvals of the same code at once, on ${dialect}`,
    {
      skip: dialectSkip(dialect),
    },
    () => {
      let app: TestApp;
      let alice: TestStaff;
      let bob: TestStaff;

      before(async () => {
        app = await createTestApp({ dialect });
        alice = await createStaff(app, { role: 'reviewer' });
        bob = await createStaff(app, { role: 'admin' });
      });
      after(() => app.close());

      it('issues the code exactly once; the other decision gets a clear 409 and saves nothing', async () => {
        // Several rounds, so that on PostgreSQL the two transactions really overlap on its pool.
        for (const [round, code] of ['R1A', 'R2B', 'R3C', 'R4D', 'R5E'].entries()) {
          const request = { role: 'CPO', countries: ['BE'], code };
          const one = await submitApplication(app, {
            steps: { request, company: company(`Eerste Laders ${code} NV`, `04${round}00001`) },
          });
          const two = await submitApplication(app, {
            steps: { request, company: company(`Tweede Palen ${code} BV`, `05${round}00002`) },
          });
          const [formOne, formTwo] = await Promise.all([
            getPage(app, alice.jar, `/en/admin/applications/${one.id}/approve`),
            getPage(app, bob.jar, `/en/admin/applications/${two.id}/approve`),
          ]);
          const auditBefore = await app.db.selectFrom('audit_entry').select('seq').execute();
          const [a, b] = await Promise.all([
            postForm(app, alice.jar, `/en/admin/applications/${one.id}/approve`, {
              _csrf: csrfOf(formOne.body),
            }),
            postForm(app, bob.jar, `/en/admin/applications/${two.id}/approve`, {
              _csrf: csrfOf(formTwo.body),
            }),
          ]);
          const statuses = [a.statusCode, b.statusCode].sort();
          assert.deepEqual(statuses, [303, 409], `round ${round}: one wins, one loses`);
          const [winner, loser] = a.statusCode === 303 ? [one, two] : [two, one];
          const lost = a.statusCode === 303 ? b : a;
          // Named when the check in the transaction saw it; generic when the database refused it.
          assert.match(
            text(lost.body),
            new RegExp(
              `(BE\\*${code}|This code) was issued meanwhile, by another decision\\. Nothing was saved`,
            ),
          );
          assert.match(text(lost.body), new RegExp(`BE\\*${code} is already held by a holder`));
          assert.match(lost.body, /class="error-summary"/);

          const codes = await app.db
            .selectFrom('party_code as p')
            .innerJoin('organisation as o', 'o.holder_id', 'p.holder_id')
            .select(['p.key', 'o.id as organisation'])
            .where('p.code', '=', code)
            .execute();
          assert.deepEqual(codes, [
            { key: `BE${code}`, organisation: winner.applicant.organisationId },
          ]);
          const applications = await app.db
            .selectFrom('application')
            .select(['id', 'status', 'decided_by'])
            .where('id', 'in', [winner.id, loser.id])
            .execute();
          const statusOf = (id: string) => applications.find((r) => r.id === id);
          assert.equal(statusOf(winner.id)?.status, 'approved');
          assert.deepEqual(
            { status: statusOf(loser.id)?.status, decidedBy: statusOf(loser.id)?.decided_by },
            { status: 'submitted', decidedBy: null },
            'the losing application is still open',
          );
          const loserOrganisation = await app.db
            .selectFrom('organisation')
            .select('holder_id')
            .where('id', '=', loser.applicant.organisationId)
            .executeTakeFirstOrThrow();
          assert.equal(loserOrganisation.holder_id, null, 'no holder for the loser');
          const loserEvents = await app.db
            .selectFrom('application_event')
            .select('type')
            .where('application_id', '=', loser.id)
            .execute();
          assert.ok(!loserEvents.some((e) => e.type === 'approved'));
          const written = await app.db
            .selectFrom('audit_entry')
            .select(['action', 'application_id'])
            .where('seq', '>', auditBefore.length)
            .orderBy('seq')
            .execute();
          assert.deepEqual(
            written.map(
              (e) => `${e.action}:${e.application_id === winner.id ? 'winner' : 'loser'}`,
            ),
            ['application.approved:winner', 'holder.created:winner', 'code.issued:winner'],
          );
        }
        const holders = await app.db
          .selectFrom('holder')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow();
        assert.equal(Number(holders.n), 5, 'one holder per winning approval, none for the losers');
        const reader = app.backOffice.audit.reader;
        const verifier = new ChainVerifier(await reader.head());
        for (const entry of await reader.entriesAfter(0, 100_000)) {
          assert.equal(verifier.check(entry), undefined, `audit entry ${entry.seq}`);
        }
        assert.equal(verifier.finish(), undefined, 'the trail holds: the losers left no trace');
      });

      it('lets only one of two decisions on the same application through', async () => {
        const request = { role: 'CPO', countries: ['BE'], code: 'S1A' };
        const one = await submitApplication(app, {
          steps: { request, company: company('Samen Laden NV', '06100003') },
        });
        const [approve, reject] = await Promise.all([
          getPage(app, alice.jar, `/en/admin/applications/${one.id}/approve`),
          getPage(app, bob.jar, `/en/admin/applications/${one.id}/reject`),
        ]);
        const mails = app.mails.length;
        const [a, b] = await Promise.all([
          postForm(app, alice.jar, `/en/admin/applications/${one.id}/approve`, {
            _csrf: csrfOf(approve.body),
          }),
          postForm(app, bob.jar, `/en/admin/applications/${one.id}/reject`, {
            _csrf: csrfOf(reject.body),
            reason: 'Not a charge point operator.',
          }),
        ]);
        assert.deepEqual([a.statusCode, b.statusCode].sort(), [303, 409]);
        const lost = a.statusCode === 409 ? a : b;
        assert.match(text(lost.body), /decided or changed meanwhile\. Nothing was saved/);
        const row = await app.db
          .selectFrom('application')
          .select('status')
          .where('id', '=', one.id)
          .executeTakeFirstOrThrow();
        const code = await app.db
          .selectFrom('party_code')
          .select('key')
          .where('key', '=', 'BES1A')
          .executeTakeFirst();
        assert.equal(row.status, a.statusCode === 303 ? 'approved' : 'rejected');
        assert.equal(code !== undefined, row.status === 'approved', 'a code only if approved');
        const decisions = await app.db
          .selectFrom('audit_entry')
          .select('action')
          .where('application_id', '=', one.id)
          .where('action', 'in', ['application.approved', 'application.rejected'])
          .execute();
        assert.equal(decisions.length, 1, 'one decision in the trail');
        assert.equal(app.mails.length, mails + 1, 'one mail to the applicant');
      });

      it('turns the database’s refusal of a second row for a code into a conflict', async () => {
        const store = createReviewStore(app.db);
        const existing = await app.db
          .selectFrom('party_code')
          .select(['key', 'country', 'code', 'holder_id'])
          .executeTakeFirstOrThrow();
        const at = new Date().toISOString();
        const attempt = store.decide((tx) =>
          tx.register.insertCode(
            {
              key: existing.key,
              country: existing.country,
              code: existing.code,
              holderId: existing.holder_id,
              status: 'active',
              validFrom: at,
              validTo: null,
              successorKey: null,
              roles: ['CPO'],
            },
            at,
          ),
        );
        await assert.rejects(
          attempt,
          (error: unknown) =>
            error instanceof DomainError &&
            error.code === 'conflict' &&
            error.details.reason === 'code_issued',
        );
        // The raw errors of each driver, told apart from other unique violations.
        const duplicateCode = await app.db
          .insertInto('party_code')
          .values({
            key: existing.key,
            country: existing.country,
            code: existing.code,
            holder_id: existing.holder_id,
            status: 'active',
            valid_from: null,
            valid_to: null,
            successor_key: null,
            search_text: '',
            created_at: at,
            updated_at: at,
          })
          .execute()
          .then(
            () => undefined,
            (error: unknown) => error,
          );
        assert.ok(isCodeUniqueViolation(duplicateCode), String(duplicateCode));
        const staff = await app.db.selectFrom('staff').selectAll().executeTakeFirstOrThrow();
        const duplicateStaff = await app.db
          .insertInto('staff')
          .values({ ...staff, id: 'another-id' })
          .execute()
          .then(
            () => undefined,
            (error: unknown) => error,
          );
        assert.ok(duplicateStaff !== undefined, 'the staff e-mail is unique too');
        assert.equal(isCodeUniqueViolation(duplicateStaff), false, 'not a code');
        assert.equal(isCodeUniqueViolation(new Error('party_code')), false);
      });
    },
  );
}
