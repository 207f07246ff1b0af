import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../support/app.ts';
import {
  createApplicant,
  TINY_PDF,
  VALID_STEPS,
  type TestApplicant,
} from '../support/applicants.ts';
import { dialectSkip, DIALECTS } from '../support/databases.ts';
import { requestInformation } from '../../src/app/review/request-information.ts';
import { createStaff } from '../support/staff.ts';

interface Problem {
  code: string;
  status: number;
  errors?: { field: string; code: string; message: string }[];
}

for (const dialect of DIALECTS) {
  describe(`applications API on ${dialect}`, { skip: dialectSkip(dialect) }, () => {
    let app: TestApp;
    let alice: TestApplicant;
    let bob: TestApplicant;

    const call = (
      who: TestApplicant | undefined,
      method: 'GET' | 'POST' | 'PUT',
      url: string,
      payload?: unknown,
      headers: Record<string, string> = {},
    ) =>
      app.inject({
        method,
        url,
        headers: { ...(who?.headers ?? {}), ...headers },
        ...(payload === undefined
          ? {}
          : { payload: payload as Record<string, unknown> | Buffer | string }),
      });

    async function start(who: TestApplicant): Promise<string> {
      const response = await call(who, 'POST', '/api/v1/applications');
      assert.equal(response.statusCode, 201, response.body);
      return response.json<{ id: string }>().id;
    }

    async function fill(who: TestApplicant, id: string, steps = VALID_STEPS) {
      for (const [step, body] of Object.entries(steps)) {
        const response = await call(who, 'PUT', `/api/v1/applications/${id}/steps/${step}`, body);
        assert.equal(response.statusCode, 200, `${step}: ${response.body}`);
      }
    }

    const errorsOf = (body: string) =>
      (JSON.parse(body) as Problem).errors?.map((e) => `${e.field}:${e.code}`) ?? [];

    before(async () => {
      app = await createTestApp({ dialect, seed: true });
      alice = await createApplicant(app);
      bob = await createApplicant(app);
    });
    after(() => app.close());

    it('asks for a token on every application endpoint, but not for availability', async () => {
      const anonymous = await call(undefined, 'POST', '/api/v1/applications');
      assert.equal(anonymous.statusCode, 401);
      assert.equal(anonymous.json<Problem>().code, 'unauthorized');
      const badBody = await call(undefined, 'PUT', '/api/v1/applications/x/steps/request', 'zz', {
        'content-type': 'application/json',
      });
      assert.equal(badBody.statusCode, 401, 'the 401 comes before the body is read');
      const open = await call(undefined, 'GET', '/api/v1/availability?code=Q7Z&countries=BE');
      assert.equal(open.statusCode, 200);
    });

    it('tells taken, reserved and quarantined codes apart, with free alternatives', async () => {
      await app.db
        .insertInto('reserved_code')
        .values({ key: 'BEZZ9', country: 'BE', code: 'ZZ9', reason: 'test', created_at: 'x' })
        .execute();
      await app.db
        .updateTable('party_code')
        .set({ status: 'withdrawn' })
        .where('key', '=', 'NLVAR')
        .execute();
      const check = async (code: string, countries: string) =>
        (
          await call(undefined, 'GET', `/api/v1/availability?code=${code}&countries=${countries}`)
        ).json<{
          available: boolean;
          countries: { country: string; availability: string }[];
          alternatives: string[];
        }>();
      const abl = await check('abl', 'BE,NL');
      assert.equal(abl.available, false);
      assert.deepEqual(
        abl.countries.map((c) => `${c.country}:${c.availability}`),
        ['BE:free', 'NL:taken'],
      );
      assert.equal(abl.alternatives.length, 5);
      for (const alternative of abl.alternatives) {
        const again = await check(alternative, 'BE,NL');
        assert.equal(again.available, true, alternative);
      }
      assert.equal((await check('ZZ9', 'BE')).countries[0]?.availability, 'reserved');
      assert.equal((await check('VAR', 'NL')).countries[0]?.availability, 'quarantined');
      const free = await check('Q7Z', 'BE,NL,LU');
      assert.equal(free.available, true);
      assert.deepEqual(free.alternatives, []);
    });

    it('warns when other registers list the code abroad, with their provenance', async () => {
      const response = await call(undefined, 'GET', '/api/v1/availability?code=ABC&countries=BE');
      const body = response.json<{
        available: boolean;
        heldAbroad: {
          country: string;
          registry: string;
          organisationName: string;
          retrievedAt: string;
        }[];
        alternatives: string[];
      }>();
      assert.equal(body.available, true, 'a warning, not a refusal');
      const austria = body.heldAbroad.find((h) => h.country === 'AT');
      assert.equal(austria?.registry, 'at-ladestellen');
      assert.equal(austria.organisationName, 'EMOXXO GmbH');
      assert.match(austria.retrievedAt, /^2026-/);
      assert.ok(body.heldAbroad.every((h) => !['BE', 'NL', 'LU'].includes(h.country)));
      assert.ok(body.alternatives.length > 0);
    });

    it('refuses malformed availability questions with a 400', async () => {
      for (const query of [
        'code=AB&countries=BE',
        'code=ABC&countries=FR',
        'code=ABC',
        'code=%3Cscript%3E&countries=BE',
      ]) {
        const response = await call(undefined, 'GET', `/api/v1/availability?${query}`);
        assert.equal(response.statusCode, 400, query);
      }
    });

    it('takes a whole application through to submission, and withdraws it', async () => {
      const id = await start(alice);
      await fill(alice, id);
      const upload = await call(
        alice,
        'POST',
        `/api/v1/applications/${id}/registry-extract?filename=kbo.pdf`,
        TINY_PDF,
        {
          'content-type': 'application/pdf',
        },
      );
      assert.equal(upload.statusCode, 201, upload.body);
      const review = await call(alice, 'GET', `/api/v1/applications/${id}/review`);
      assert.equal(review.json<{ ready: boolean }>().ready, true, review.body);

      const noTerms = await call(alice, 'POST', `/api/v1/applications/${id}/submit`, {
        acceptTerms: false,
      });
      assert.equal(noTerms.statusCode, 422);
      assert.deepEqual(errorsOf(noTerms.body), ['acceptTerms:terms_not_accepted']);

      const mailsBefore = app.mails.length;
      const submitted = await call(alice, 'POST', `/api/v1/applications/${id}/submit`, {
        acceptTerms: true,
      });
      assert.equal(submitted.statusCode, 200, submitted.body);
      const body = submitted.json<{
        status: string;
        termsVersion: string;
        termsAcceptedAt: string;
        reference: string;
        files: unknown[];
      }>();
      assert.equal(body.status, 'submitted');
      assert.equal(body.termsVersion, '2026-11');
      assert.ok(body.termsAcceptedAt);
      assert.equal(body.files.length, 1);
      const mail = app.mails[mailsBefore];
      assert.equal(mail?.to, alice.email);
      assert.ok(mail.text.includes(body.reference));
      assert.ok(mail.text.includes('BE*Q7Z'));

      const again = await call(alice, 'POST', `/api/v1/applications/${id}/submit`, {
        acceptTerms: true,
      });
      assert.equal(again.statusCode, 409);
      const edit = await call(
        alice,
        'PUT',
        `/api/v1/applications/${id}/steps/request`,
        VALID_STEPS.request,
      );
      assert.equal(edit.statusCode, 409, 'a submitted application is no longer edited');

      const list = await call(alice, 'GET', '/api/v1/applications');
      const listed = list.json<{ applications: { id: string; status: string; code: string }[] }>();
      assert.deepEqual(
        listed.applications.filter((a) => a.id === id).map((a) => `${a.status}:${a.code}`),
        ['submitted:Q7Z'],
      );

      const withdrawn = await call(alice, 'POST', `/api/v1/applications/${id}/withdraw`);
      assert.equal(withdrawn.json<{ status: string }>().status, 'withdrawn');
      assert.equal(app.mails.at(-1)?.to, alice.email);
      const twice = await call(alice, 'POST', `/api/v1/applications/${id}/withdraw`);
      assert.equal(twice.statusCode, 409);
      const events = await app.db
        .selectFrom('application_event')
        .select('type')
        .where('application_id', '=', id)
        .orderBy('id')
        .execute();
      assert.deepEqual(
        events.map((e) => e.type),
        ['created', 'file_attached', 'submitted', 'withdrawn'],
      );
    });

    it('opens a submitted application again while the registry asks for more information', async () => {
      const id = await start(alice);
      await fill(alice, id, {
        ...VALID_STEPS,
        request: { role: 'CPO', countries: ['BE'], code: 'Q9I' },
      } as unknown as typeof VALID_STEPS);
      const submitted = await call(alice, 'POST', `/api/v1/applications/${id}/submit`, {
        acceptTerms: true,
      });
      const firstSubmission = submitted.json<{ submittedAt: string }>().submittedAt;
      const reviewer = await createStaff(app, { role: 'reviewer' });
      await requestInformation(app.backOffice.review, reviewer, id, {
        question: 'Please attach a recent extract.',
      });
      const asked = (await call(alice, 'GET', `/api/v1/applications/${id}`)).json<{
        status: string;
        editable: boolean;
        withdrawable: boolean;
        reviewerMessage: string | null;
      }>();
      assert.deepEqual(asked, {
        ...asked,
        status: 'info_requested',
        editable: true,
        withdrawable: true,
        reviewerMessage: 'Please attach a recent extract.',
      });
      const upload = await call(
        alice,
        'POST',
        `/api/v1/applications/${id}/registry-extract`,
        TINY_PDF,
        {
          'content-type': 'application/pdf',
        },
      );
      assert.equal(upload.statusCode, 201, upload.body);
      const step = await call(alice, 'PUT', `/api/v1/applications/${id}/steps/applicant`, {
        ...VALID_STEPS.applicant,
        jobTitle: 'Director',
      });
      assert.equal(step.statusCode, 200, step.body);
      const other = await call(
        bob,
        'PUT',
        `/api/v1/applications/${id}/steps/applicant`,
        VALID_STEPS.applicant,
      );
      assert.equal(other.statusCode, 404, 'still only its own organisation');
      const again = await call(alice, 'POST', `/api/v1/applications/${id}/submit`, {
        acceptTerms: true,
      });
      assert.equal(again.statusCode, 200, again.body);
      const body = again.json<{ status: string; submittedAt: string; reviewerMessage: null }>();
      assert.equal(body.status, 'submitted');
      assert.equal(body.submittedAt, firstSubmission, 'the first submission date is kept');
      assert.equal(body.reviewerMessage, null);
      const locked = await call(
        alice,
        'PUT',
        `/api/v1/applications/${id}/steps/applicant`,
        VALID_STEPS.applicant,
      );
      assert.equal(locked.statusCode, 409, 'submitted again: no longer editable');
      const events = await app.db
        .selectFrom('application_event')
        .select('type')
        .where('application_id', '=', id)
        .orderBy('id')
        .execute();
      assert.deepEqual(
        events.map((e) => e.type),
        ['created', 'submitted', 'info_requested', 'file_attached', 'resubmitted'],
      );
    });

    it('keeps what was typed when a step is wrong, and resumes there', async () => {
      const id = await start(alice);
      await fill(alice, id, { request: VALID_STEPS.request } as typeof VALID_STEPS);
      const wrong = {
        ...VALID_STEPS.company,
        legalEntityNumber: '0403.170.702',
        vatNumber: 'BE0403170702',
        legalName: '<script>alert(1)</script>',
        legalForm: 'x'.repeat(150),
      };
      const saved = await call(alice, 'PUT', `/api/v1/applications/${id}/steps/company`, wrong);
      assert.equal(saved.statusCode, 422);
      assert.deepEqual(errorsOf(saved.body).sort(), [
        'company.legalEntityNumber:invalid_enterprise_number',
        'company.legalForm:too_long',
        'company.legalName:invalid_characters',
        'company.vatNumber:invalid_vat_number',
      ]);
      assert.ok((JSON.parse(saved.body) as Problem).errors?.every((e) => e.message.length > 0));
      const resumed = await call(alice, 'GET', `/api/v1/applications/${id}`);
      const body = resumed.json<{
        currentStep: string;
        data: { company: { legalName: string; legalEntityNumber: string } };
        errors: unknown[];
      }>();
      assert.equal(body.currentStep, 'company', 'the position does not move on');
      assert.equal(body.data.company.legalName, wrong.legalName);
      assert.equal(body.data.company.legalEntityNumber, '0403.170.702');
      assert.equal(body.errors.length, 4);

      const phone = await call(alice, 'PUT', `/api/v1/applications/${id}/steps/applicant`, {
        ...VALID_STEPS.applicant,
        phone: '+32 12',
        email: 'not-an-address',
      });
      assert.deepEqual(errorsOf(phone.body).sort(), [
        'applicant.email:invalid_email',
        'applicant.phone:invalid_phone',
      ]);

      const kvk = await call(alice, 'PUT', `/api/v1/applications/${id}/steps/company`, {
        ...VALID_STEPS.company,
        seatCountry: 'NL',
        legalEntityNumber: '1234',
        vatNumber: '',
      });
      assert.deepEqual(errorsOf(kvk.body), ['company.legalEntityNumber:invalid_kvk_number']);
    });

    it('refuses a taken code at the first step, and a first code outside the seat country', async () => {
      const id = await start(alice);
      const taken = await call(alice, 'PUT', `/api/v1/applications/${id}/steps/request`, {
        role: 'CPO',
        countries: ['NL'],
        code: 'abl',
      });
      assert.equal(taken.statusCode, 422);
      assert.deepEqual(errorsOf(taken.body), ['request.code:code_taken']);

      await fill(alice, id, {
        ...VALID_STEPS,
        request: { role: 'EMSP', countries: ['NL'], code: 'Q8Z' },
      } as unknown as typeof VALID_STEPS);
      const submit = await call(alice, 'POST', `/api/v1/applications/${id}/submit`, {
        acceptTerms: true,
      });
      assert.equal(submit.statusCode, 422);
      assert.deepEqual(errorsOf(submit.body), ['request.countries:first_code_not_in_seat_country']);
    });

    it('never shows or changes an application of another organisation', async () => {
      const id = await start(alice);
      for (const [method, url, payload] of [
        ['GET', `/api/v1/applications/${id}`, undefined],
        ['GET', `/api/v1/applications/${id}/review`, undefined],
        ['PUT', `/api/v1/applications/${id}/steps/request`, VALID_STEPS.request],
        ['POST', `/api/v1/applications/${id}/submit`, { acceptTerms: true }],
        ['POST', `/api/v1/applications/${id}/withdraw`, undefined],
      ] as const) {
        const response = await call(bob, method, url, payload);
        assert.equal(response.statusCode, 404, `${method} ${url}`);
      }
      const upload = await call(
        bob,
        'POST',
        `/api/v1/applications/${id}/registry-extract`,
        TINY_PDF,
        {
          'content-type': 'application/pdf',
        },
      );
      assert.equal(upload.statusCode, 404);
      const list = await call(bob, 'GET', '/api/v1/applications');
      assert.ok(!list.body.includes(id));
      const mine = await call(alice, 'GET', `/api/v1/applications/${id}`);
      assert.equal(mine.json<{ data: unknown }>().data && mine.statusCode, 200, 'untouched');
    });

    it('answers hostile input with a 4xx, never a 5xx', async () => {
      const id = await start(alice);
      const attempts: [string, string, unknown, Record<string, string>?][] = [
        ['PUT', `/api/v1/applications/${id}/steps/company`, { legalName: 'x'.repeat(100_000) }],
        ['PUT', `/api/v1/applications/${id}/steps/company`, { legalName: { $ne: 1 } }],
        ['PUT', `/api/v1/applications/${id}/steps/request`, { countries: 'x'.repeat(50) }],
        ['PUT', `/api/v1/applications/${id}/steps/request`, [1, 2, 3]],
        [
          'PUT',
          `/api/v1/applications/${id}/steps/request`,
          '{"role":',
          { 'content-type': 'application/json' },
        ],
        ['PUT', `/api/v1/applications/${id}/steps/elsewhere`, {}],
        ['GET', `/api/v1/applications/${'x'.repeat(400)}`, undefined],
        ['GET', `/api/v1/applications/%00%27;drop table application`, undefined],
        ['POST', `/api/v1/applications/${id}/submit`, { acceptTerms: 'yes please' }],
        [
          'PUT',
          `/api/v1/applications/${id}/steps/applicant`,
          { name: 'Ann\u0000e', phone: '\u202e+32' },
        ],
      ];
      for (const [method, url, payload, headers] of attempts) {
        const response = await call(alice, method as 'GET', url, payload, headers);
        assert.ok(
          response.statusCode >= 400 && response.statusCode < 500,
          `${method} ${url.slice(0, 80)}: ${String(response.statusCode)} ${response.body.slice(0, 200)}`,
        );
      }
      const still = await call(alice, 'GET', `/api/v1/applications/${id}`);
      assert.equal(still.statusCode, 200);
    });

    it('takes a registry extract only as a PDF of at most 5 MB', async () => {
      const id = await start(alice);
      const url = `/api/v1/applications/${id}/registry-extract`;
      const text = await call(alice, 'POST', url, 'hello', { 'content-type': 'text/plain' });
      assert.equal(text.statusCode, 415);
      const fake = await call(alice, 'POST', url, Buffer.from('MZ not a pdf'), {
        'content-type': 'application/pdf',
      });
      assert.equal(fake.statusCode, 422);
      assert.deepEqual(errorsOf(fake.body), ['registryExtract:not_a_pdf']);
      const huge = Buffer.concat([TINY_PDF, Buffer.alloc(5 * 1024 * 1024)]);
      const big = await call(alice, 'POST', url, huge, { 'content-type': 'application/pdf' });
      assert.equal(big.statusCode, 413);
      const ok = await call(alice, 'POST', `${url}?filename=..%2F..%2Fetc%2Fkbo.pdf`, TINY_PDF, {
        'content-type': 'application/pdf',
      });
      assert.equal(ok.statusCode, 201);
      assert.equal(ok.json<{ filename: string }>().filename, 'kbo.pdf');
    });

    it('documents every application operation in the OpenAPI document', async () => {
      const doc = (await call(undefined, 'GET', '/openapi.json')).json<{
        paths: Record<string, Record<string, { operationId?: string }>>;
      }>();
      const ids = Object.values(doc.paths).flatMap((p) =>
        Object.values(p).map((o) => o.operationId),
      );
      for (const op of [
        'startApplication',
        'listApplications',
        'getApplication',
        'reviewApplication',
        'saveRequestStep',
        'saveCompanyStep',
        'saveApplicantStep',
        'saveInvoiceStep',
        'attachRegistryExtract',
        'submitApplication',
        'withdrawApplication',
        'checkAvailability',
      ]) {
        assert.ok(ids.includes(op), op);
      }
    });
  });
}
