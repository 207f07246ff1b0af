import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ChainVerifier } from '../../src/app/audit/chain.ts';
import { approveApplication } from '../../src/app/review/approve-application.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { csrfOf, getPage, postForm } from '../support/accounts.ts';
import { createApplicant, TINY_PDF } from '../support/applicants.ts';
import { dialectSkip, DIALECTS } from '../support/databases.ts';
import { createStaff, type TestStaff } from '../support/staff.ts';
import { submitApplication } from '../support/submitted-application.ts';

/** Opens a decision page and posts its form, as a reviewer's browser does. */
async function decide(
  app: TestApp,
  staff: TestStaff,
  id: string,
  path: 'approve' | 'reject' | 'request-info',
  fields: Record<string, string> = {},
) {
  const form = await getPage(app, staff.jar, `/en/admin/applications/${id}/${path}`);
  assert.equal(form.statusCode, 200, form.body);
  return postForm(app, staff.jar, `/en/admin/applications/${id}/${path}`, {
    _csrf: csrfOf(form.body),
    ...fields,
  });
}

/** The audit actions written for an application, oldest first. */
async function auditActions(app: TestApp, applicationId: string): Promise<string[]> {
  const rows = await app.db
    .selectFrom('audit_entry')
    .select('action')
    .where('application_id', '=', applicationId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => r.action);
}

async function chainHolds(app: TestApp): Promise<void> {
  const reader = app.backOffice.audit.reader;
  const verifier = new ChainVerifier(await reader.head());
  for (const entry of await reader.entriesAfter(0, 100_000)) {
    assert.equal(verifier.check(entry), undefined, `audit entry ${entry.seq}`);
  }
  assert.equal(verifier.finish(), undefined);
}

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

for (const dialect of DIALECTS) {
  describe(`review decisions on ${dialect}`, { skip: dialectSkip(dialect) }, () => {
    let app: TestApp;
    let reviewer: TestStaff;

    before(async () => {
      app = await createTestApp({ dialect, seed: true });
      reviewer = await createStaff(app, { role: 'reviewer' });
    });
    after(() => app.close());

    it('lets only signed-in staff see and decide, and only with the form’s token', async () => {
      const { id } = await submitApplication(app, {
        steps: { request: code('Q1A'), company: company('Hesbaye Volt SA', 1) },
      });
      const anonymous = await app.inject({ url: '/en/admin', headers: { accept: 'text/html' } });
      assert.equal(anonymous.statusCode, 303);
      assert.equal(anonymous.headers.location, '/en/admin/sign-in?next=%2Fen%2Fadmin');
      const applicant = await createApplicant(app);
      for (const url of [`/en/admin/applications/${id}`, `/en/admin/applications/${id}/approve`]) {
        const response = await app.inject({ url, headers: applicant.headers });
        assert.equal(response.statusCode, 303, `${url}: a bearer token is no staff session`);
      }
      const post = await app.inject({
        method: 'POST',
        url: `/en/admin/applications/${id}/approve`,
        payload: {},
      });
      assert.equal(post.statusCode, 303, 'refused before the body is read');
      const forged = await postForm(app, reviewer.jar, `/en/admin/applications/${id}/approve`, {
        _csrf: 'forged',
      });
      assert.equal(forged.statusCode, 403);
      const row = await app.db
        .selectFrom('application')
        .select('status')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      assert.equal(row.status, 'submitted', 'nothing decided');
      const unknown = await getPage(app, reviewer.jar, '/en/admin/applications/nope');
      assert.equal(unknown.statusCode, 404);
    });

    it('approves: holder, active codes, register history, audit, resolve and change feed at once', async () => {
      const { id, reference, applicant } = await submitApplication(app, {
        lang: 'fr',
        pdf: TINY_PDF,
        steps: {
          request: { role: 'BOTH', countries: ['BE', 'LU'], code: 'Q2B' },
          company: company('Voltaire Laadnet NV', 2),
        },
      });
      // Ask before the approval, so that a stale answer would be cached.
      const before = await app.inject({ url: '/api/v1/resolve/BE*Q2B' });
      assert.equal(before.json<{ registered: boolean }>().registered, false);
      const last = await app.db
        .selectFrom('register_event')
        .select((eb) => eb.fn.max('id').as('id'))
        .executeTakeFirstOrThrow();
      // The seeded register has events; PostgreSQL answers max() of an int4 as a number.
      const cursor = String(last.id);

      const queue = await getPage(app, reviewer.jar, '/en/admin');
      assert.ok(queue.body.includes(reference));
      const page = await getPage(app, reviewer.jar, `/en/admin/applications/${id}`);
      assert.equal(page.statusCode, 200);
      assert.match(text(page.body), /BE\*Q2B is free and can be issued/);

      const mails = app.mails.length;
      const form = await getPage(app, reviewer.jar, `/en/admin/applications/${id}/approve`);
      assert.match(text(form.body), /A new holder is created in the register: Voltaire Laadnet NV/);
      const approved = await postForm(app, reviewer.jar, `/en/admin/applications/${id}/approve`, {
        _csrf: csrfOf(form.body),
        note: 'Checked with KBO.',
      });
      assert.equal(approved.statusCode, 303, approved.body);
      assert.equal(approved.headers.location, `/en/admin/applications/${id}?done=approved`);
      const result = await getPage(app, reviewer.jar, `/en/admin/applications/${id}?done=approved`);
      assert.match(text(result.body), /is approved: BE\*Q2B, LU\*Q2B issued/);

      const application = await app.db
        .selectFrom('application')
        .select(['status', 'decided_by', 'decided_at', 'decision_reason', 'organisation_id'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      assert.equal(application.status, 'approved');
      assert.equal(application.decided_by, reviewer.id);
      assert.equal(application.decision_reason, 'Checked with KBO.');
      const organisation = await app.db
        .selectFrom('organisation')
        .select('holder_id')
        .where('id', '=', applicant.organisationId)
        .executeTakeFirstOrThrow();
      assert.ok(organisation.holder_id);
      const holder = await app.db
        .selectFrom('holder')
        .selectAll()
        .where('id', '=', organisation.holder_id)
        .executeTakeFirstOrThrow();
      assert.equal(holder.legal_name, 'Voltaire Laadnet NV');
      assert.equal(holder.source, 'application');
      const identifiers = await app.db
        .selectFrom('holder_identifier')
        .select(['scheme', 'value'])
        .where('holder_id', '=', holder.id)
        .orderBy('scheme')
        .execute();
      assert.deepEqual(
        identifiers.map((i) => `${i.scheme}:${i.value}`),
        [`BE_KBO:${enterpriseNumber(2)}`, `VAT:BE${enterpriseNumber(2)}`],
      );
      const codes = await app.db
        .selectFrom('party_code')
        .select(['key', 'status', 'valid_from', 'holder_id'])
        .where('key', 'in', ['BEQ2B', 'LUQ2B'])
        .orderBy('key')
        .execute();
      assert.deepEqual(
        codes.map((c) => `${c.key}:${c.status}:${c.holder_id}`),
        [`BEQ2B:active:${holder.id}`, `LUQ2B:active:${holder.id}`],
      );
      assert.equal(codes[0]?.valid_from, application.decided_at);
      const roles = await app.db
        .selectFrom('party_code_role')
        .select('role')
        .where('code_key', '=', 'BEQ2B')
        .orderBy('role')
        .execute();
      assert.deepEqual(
        roles.map((r) => r.role),
        ['CPO', 'EMSP'],
      );

      const resolved = await app.inject({ url: '/api/v1/resolve/BE*Q2B*E123*1' });
      const resolution = resolved.json<{
        registered: boolean;
        inForce: boolean;
        party: { holder: { name: string } } | null;
      }>();
      assert.equal(resolution.registered, true, 'visible at once, despite the earlier answer');
      assert.equal(resolution.inForce, true);
      const changes = await app.inject({ url: `/api/v1/changes?after=${cursor}` });
      const feed = changes.json<{ changes: { type: string; id: string }[] }>().changes;
      assert.deepEqual(
        feed.map((c) => c.type),
        ['issued', 'issued'],
      );
      const party = await app.inject({ url: '/en/register/BE/Q2B' });
      assert.equal(party.statusCode, 200);
      assert.match(party.body, /Voltaire Laadnet NV/);

      assert.deepEqual(await auditActions(app, id), [
        'application.created',
        'application.draft_saved',
        'application.draft_saved',
        'application.draft_saved',
        'application.draft_saved',
        'application.file_attached',
        'application.submitted',
        'application.approved',
        'holder.created',
        'code.issued',
        'code.issued',
      ]);
      const issued = await app.db
        .selectFrom('audit_entry')
        .selectAll()
        .where('action', '=', 'code.issued')
        .where('application_id', '=', id)
        .orderBy('seq')
        .execute();
      assert.deepEqual(
        issued.map((e) => `${e.code_key}:${e.holder_id}:${e.actor_type}:${e.actor_label}`),
        [
          `BEQ2B:${holder.id}:staff:${reviewer.email}`,
          `LUQ2B:${holder.id}:staff:${reviewer.email}`,
        ],
      );
      await chainHolds(app);

      const mail = app.mails[mails];
      assert.equal(mail?.to, applicant.email);
      assert.match(mail.subject, new RegExp(`${reference} acceptée`));
      assert.match(mail.text, /Les codes qui vous sont attribués : BE\*Q2B et LU\*Q2B\./);
      assert.match(mail.text, /Vos codes sont actifs/);
      assert.doesNotMatch(mail.text, /Checked with KBO/, 'the note stays inside');
      const overview = await app.inject({
        url: '/api/v1/applications',
        headers: applicant.headers,
      });
      const listed = overview.json<{ codes: { key: string; status: string }[] }>().codes;
      assert.deepEqual(
        listed.map((c) => `${c.key}:${c.status}`),
        ['BEQ2B:active', 'LUQ2B:active'],
      );

      const again = await postForm(app, reviewer.jar, `/en/admin/applications/${id}/approve`, {
        _csrf: csrfOf(form.body),
      });
      assert.equal(again.statusCode, 409, 'a decided application cannot be approved twice');
      assert.match(text(again.body), /decided or changed meanwhile/);
    });

    it('gives a second code to the organisation’s existing holder, and warns of duplicates', async () => {
      const first = await submitApplication(app, {
        steps: { request: code('Q3C'), company: company('Oranjestroom NV', 3) },
      });
      assert.equal((await decide(app, reviewer, first.id, 'approve')).statusCode, 303);
      const second = await submitApplication(app, {
        applicant: first.applicant,
        steps: {
          request: { role: 'CPO', countries: ['NL'], code: 'Q3D' },
          company: company('Oranjestroom NV', 3),
        },
      });
      // Another organisation with the same enterprise number, and a similar name.
      const impostor = await submitApplication(app, {
        steps: {
          request: code('Q3E'),
          company: company('Oranjestroom B.V.', 3),
        },
      });
      const checks = text(
        (await getPage(app, reviewer.jar, `/en/admin/applications/${impostor.id}`)).body,
      );
      const number = enterpriseNumber(3);
      assert.ok(checks.includes(`Same Belgian enterprise number (${number}): Oranjestroom NV`));
      assert.ok(checks.includes(`Same VAT number (BE${number})`));
      assert.match(checks, /These holders have a similar legal or trading name: Oranjestroom NV/);
      const page = await getPage(app, reviewer.jar, `/en/admin/applications/${impostor.id}`);
      assert.match(page.body, /href="\/en\/register\/BE\/Q3C"/, 'links to the public party page');
      const own = text(
        (await getPage(app, reviewer.jar, `/en/admin/applications/${second.id}`)).body,
      );
      assert.match(
        own,
        /No other holder has this legal-entity or VAT number/,
        'its own holder is no duplicate',
      );

      assert.equal((await decide(app, reviewer, second.id, 'approve')).statusCode, 303);
      const holders = await app.db
        .selectFrom('party_code')
        .select('holder_id')
        .where('key', 'in', ['BEQ3C', 'NLQ3D'])
        .execute();
      assert.equal(new Set(holders.map((h) => h.holder_id)).size, 1, 'one holder per organisation');
      assert.ok(!(await auditActions(app, second.id)).includes('holder.created'));
    });

    it('tells this process’s resolve cache after an approval commits, not after a failed one', async () => {
      let told = 0;
      const services = {
        ...app.backOffice.review,
        registerChanged: () => {
          told += 1;
        },
      };
      const ok = await submitApplication(app, {
        steps: { request: code('Q8K'), company: company('Schelde Stekkers NV', 9) },
      });
      const late = await submitApplication(app, {
        steps: { request: code('Q8K'), company: company('Maasland Laders NV', 10) },
      });
      const approval = await approveApplication(services, reviewer, ok.id);
      assert.deepEqual(approval.keys, ['BEQ8K']);
      assert.equal(told, 1);
      await assert.rejects(approveApplication(services, reviewer, late.id), /conflict/);
      assert.equal(told, 1, 'nothing changed, nothing to tell');
    });

    it('refuses to issue a reserved or quarantined code, and saves nothing', async () => {
      const reserved = await submitApplication(app, {
        steps: { request: code('Q4R'), company: company('Ardennes Bornes SA', 4) },
      });
      const quarantined = await submitApplication(app, {
        steps: { request: code('Q4Q'), company: company('Moezel Lading SARL', 5) },
      });
      await app.db
        .insertInto('reserved_code')
        .values({ key: 'BEQ4R', country: 'BE', code: 'Q4R', reason: 'test', created_at: 'x' })
        .execute();
      const holder = await app.db.selectFrom('holder').select('id').executeTakeFirstOrThrow();
      await app.db
        .insertInto('party_code')
        .values({
          key: 'BEQ4Q',
          country: 'BE',
          code: 'Q4Q',
          holder_id: holder.id,
          status: 'withdrawn',
          valid_from: null,
          valid_to: null,
          successor_key: null,
          search_text: 'beq4q',
          created_at: 'x',
          updated_at: 'x',
        })
        .execute();
      const audits = await app.db.selectFrom('audit_entry').select('seq').execute();
      const refused = await decide(app, reviewer, reserved.id, 'approve');
      assert.equal(refused.statusCode, 409);
      assert.match(
        text(refused.body),
        /BE\*Q4R is on the list of reserved codes\. Nothing was saved/,
      );
      const never = await decide(app, reviewer, quarantined.id, 'approve');
      assert.equal(never.statusCode, 409);
      assert.match(text(never.body), /BE\*Q4Q was withdrawn and stays in quarantine/);
      const statuses = await app.db
        .selectFrom('application')
        .select('status')
        .where('id', 'in', [reserved.id, quarantined.id])
        .execute();
      assert.deepEqual(
        statuses.map((s) => s.status),
        ['submitted', 'submitted'],
      );
      const after = await app.db.selectFrom('audit_entry').select('seq').execute();
      assert.equal(after.length, audits.length, 'no audit entry of a decision that failed');
      const orgs = await app.db
        .selectFrom('organisation')
        .select('holder_id')
        .where('id', '=', reserved.applicant.organisationId)
        .executeTakeFirstOrThrow();
      assert.equal(orgs.holder_id, null, 'no holder made');
    });

    it('rejects with a reason, which the applicant receives in the application’s language', async () => {
      const { id, reference, applicant } = await submitApplication(app, {
        lang: 'nl',
        steps: { request: code('Q5R'), company: company('Polderkracht NV', 6) },
      });
      const empty = await decide(app, reviewer, id, 'reject', { reason: '   ' });
      assert.equal(empty.statusCode, 400);
      assert.match(empty.body, /class="error-summary"/);
      assert.match(text(empty.body), /Give the reason for the rejection/);
      const mails = app.mails.length;
      const rejected = await decide(app, reviewer, id, 'reject', {
        reason:
          'Het ondernemingsnummer hoort bij een ander bedrijf.\r\nStuur een recent uittreksel.',
      });
      assert.equal(rejected.statusCode, 303, rejected.body);
      const mail = app.mails[mails];
      assert.equal(mail?.to, applicant.email);
      assert.equal(mail.subject, `Aanvraag ${reference} afgewezen`);
      assert.match(
        mail.text,
        /Het ondernemingsnummer hoort bij een ander bedrijf\.\n\nStuur een recent/,
      );
      const view = await app.inject({
        url: `/api/v1/applications/${id}`,
        headers: applicant.headers,
      });
      const body = view.json<{ status: string; reviewerMessage: string; editable: boolean }>();
      assert.equal(body.status, 'rejected');
      assert.match(body.reviewerMessage, /ander bedrijf/);
      assert.equal(body.editable, false);
      assert.deepEqual((await auditActions(app, id)).slice(-1), ['application.rejected']);
      const reason = await app.db
        .selectFrom('audit_entry')
        .select('reason')
        .where('application_id', '=', id)
        .where('action', '=', 'application.rejected')
        .executeTakeFirstOrThrow();
      assert.match(reason.reason ?? '', /ander bedrijf/);
    });

    it('lets a reviewer take an application, and shows who has it', async () => {
      const { id, reference } = await submitApplication(app, {
        steps: { request: code('Q6T'), company: company('Zuiderlicht NV', 7) },
      });
      const page = await getPage(app, reviewer.jar, `/en/admin/applications/${id}`);
      const taken = await postForm(app, reviewer.jar, `/en/admin/applications/${id}/take`, {
        _csrf: csrfOf(page.body),
      });
      assert.equal(taken.statusCode, 303);
      const row = await app.db
        .selectFrom('application')
        .select(['status', 'assigned_to'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      assert.deepEqual(row, { status: 'in_review', assigned_to: reviewer.id });
      const queue = text((await getPage(app, reviewer.jar, '/en/admin')).body);
      assert.match(queue, new RegExp(`${reference} .*In review Taken by ${reviewer.email}`));
      const twice = await postForm(app, reviewer.jar, `/en/admin/applications/${id}/take`, {
        _csrf: csrfOf(page.body),
      });
      assert.equal(twice.headers.location, `/en/admin/applications/${id}`, 'already taken');
    });

    it('serves the registry extract to staff only', async () => {
      const { id } = await submitApplication(app, {
        steps: { request: code('Q7F'), company: company('Kempen Stroom NV', 8) },
        pdf: TINY_PDF,
      });
      const page = await getPage(app, reviewer.jar, `/en/admin/applications/${id}`);
      const href = /href="(\/en\/admin\/applications\/[^"]+\/files\/[^"]+)"/.exec(page.body)?.[1];
      assert.ok(href, 'a download link');
      const file = await app.inject({ url: href, headers: { cookie: reviewer.jar.header() } });
      assert.equal(file.statusCode, 200);
      assert.equal(file.headers['content-type'], 'application/pdf');
      assert.match(
        String(file.headers['content-disposition']),
        /^attachment; filename="extract\.pdf"/,
      );
      assert.deepEqual(file.rawPayload, TINY_PDF);
      const anonymous = await app.inject({ url: href });
      assert.equal(anonymous.statusCode, 303);
      const other = await app.inject({
        url: href.replace(/files\/.*/, 'files/not-a-file'),
        headers: { cookie: reviewer.jar.header(), accept: 'text/html' },
      });
      assert.equal(other.statusCode, 404);
    });
  });
}

/** A valid Belgian enterprise number of its own for each test company (mod-97 check). */
function enterpriseNumber(n: number): string {
  const base = `0${String(4_100_000 + n).padStart(7, '0')}`;
  return `${base}${String(97 - (Number(base) % 97)).padStart(2, '0')}`;
}

/** A Belgian company of its own, so that tests do not see each other as duplicates. */
function company(legalName: string, n: number) {
  const number = enterpriseNumber(n);
  return {
    legalName,
    legalForm: 'NV',
    seatCountry: 'BE',
    street: 'Rue de la Loi 1',
    postalCode: '1000',
    city: 'Bruxelles',
    website: '',
    legalEntityNumber: number,
    vatNumber: `BE${number}`,
  };
}

function code(value: string) {
  return { role: 'BOTH', countries: ['BE'], code: value };
}
