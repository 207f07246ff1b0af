import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LANGUAGES } from '../../src/i18n/languages.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { CookieJar, csrfOf, getPage, postForm, signIn } from '../support/accounts.ts';
import { VALID_STEPS } from '../support/applicants.ts';
import { DIALECTS, dialectSkip } from '../support/databases.ts';

const STEPS = ['request', 'company', 'applicant', 'invoice'] as const;

/** A code held in another country's register and free in Belgium: a warning, not a refusal. */
async function heldAbroadOnly(app: TestApp): Promise<string> {
  const rows = await app.db
    .selectFrom('federated_record')
    .select('code')
    .where('country', 'not in', ['BE', 'NL', 'LU'])
    .limit(200)
    .execute();
  for (const { code } of rows) {
    const answer = await app.inject({ url: `/api/v1/availability?code=${code}&countries=BE` });
    const report = answer.json<{ available: boolean; heldAbroad: unknown[] }>();
    if (report.available && report.heldAbroad.length > 0) return code;
  }
  throw new Error('the seed holds no code held abroad only');
}

function form(step: keyof typeof VALID_STEPS): Record<string, string> {
  return Object.fromEntries(
    Object.entries(VALID_STEPS[step]).filter(([, v]) => typeof v === 'string'),
  );
}

/** A multipart body as a browser sends it for the company step. */
function multipart(
  fields: Readonly<Record<string, string>>,
  file?: { name: string; type: string; content: Buffer },
) {
  const boundary = '----idroTestBoundary7MA4YWxk';
  const parts: Buffer[] = Object.entries(fields).map(([k, v]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
  );
  if (file !== undefined) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="registryExtract"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` };
}

for (const dialect of DIALECTS) {
  describe(`apply pages on ${dialect}`, { skip: dialectSkip(dialect) }, () => {
    let app: TestApp;
    let jar: CookieJar;
    let other: CookieJar;

    const mailsTo = (to: string) => app.mails.filter((m) => m.to === to);
    const lastMail = () => Promise.resolve(app.mails.at(-1)?.text);

    async function start(lang: string, who = jar): Promise<string> {
      const intro = await getPage(app, who, `/${lang}/apply`);
      const started = await postForm(app, who, `/${lang}/apply`, { _csrf: csrfOf(intro.body) });
      assert.equal(started.statusCode, 303);
      const match = /\/apply\/([\w-]+)\/request$/.exec(started.headers.location ?? '');
      assert.ok(match?.[1], started.headers.location);
      return match[1];
    }

    async function post(lang: string, id: string, step: string, fields: Record<string, string>) {
      const page = await getPage(app, jar, `/${lang}/apply/${id}/${step}`);
      return postForm(app, jar, `/${lang}/apply/${id}/${step}`, {
        _csrf: csrfOf(page.body),
        ...fields,
      });
    }

    async function postCompany(
      lang: string,
      id: string,
      fields: Record<string, string>,
      file?: Parameters<typeof multipart>[1],
    ) {
      const page = await getPage(app, jar, `/${lang}/apply/${id}/company`);
      const body = multipart({ _csrf: csrfOf(page.body), ...fields }, file);
      const response = await app.inject({
        method: 'POST',
        url: `/${lang}/apply/${id}/company`,
        headers: { accept: 'text/html', 'content-type': body.type, cookie: jar.header() },
        payload: body.payload,
      });
      jar.take(response);
      return response;
    }

    before(async () => {
      app = await createTestApp({ dialect, seed: true });
      jar = await signIn(app, 'applicant@example.be', lastMail, 'fr');
      other = await signIn(app, 'someone@else.example', lastMail, 'en');
    });
    after(() => app.close());

    it('sends someone not signed in to sign in first, and back afterwards', async () => {
      const intro = await getPage(app, new CookieJar(), '/de/apply');
      assert.equal(intro.statusCode, 200);
      assert.match(intro.body, /href="\/de\/sign-in\?next=%2Fde%2Fapply"/);
      const step = await getPage(app, new CookieJar(), '/de/apply/whatever/request');
      assert.equal(step.statusCode, 303);
      assert.equal(step.headers.location, '/de/sign-in?next=%2Fde%2Fapply%2Fwhatever%2Frequest');
    });

    it('renders the intro, every step, the review and the account page in every language', async () => {
      for (const lang of LANGUAGES) {
        const id = await start(lang);
        for (const path of [
          '/apply',
          ...STEPS.map((s) => `/apply/${id}/${s}`),
          `/apply/${id}/review`,
          '/account',
        ]) {
          const page = await getPage(app, jar, `/${lang}${path}`);
          assert.equal(page.statusCode, 200, `${lang}${path}`);
          assert.match(String(page.headers['content-type']), /text\/html; charset=utf-8/);
          assert.match(page.body, new RegExp(`<html lang="${lang}"`));
        }
        const step2 = await getPage(app, jar, `/${lang}/apply/${id}/company`);
        assert.match(step2.body, /<li aria-current="step">/);
        assert.match(step2.body, /enctype="multipart\/form-data"/);
      }
      const fr = await getPage(app, jar, '/fr/apply/' + (await start('fr')) + '/company');
      assert.match(fr.body, /Étape 2 sur 4/);
    });

    it('goes through all steps to a submitted application, mailed in its language', async () => {
      const id = await start('fr');
      let response = await post('fr', id, 'request', {
        role: 'BOTH',
        countries: 'BE',
        code: 'q7z',
      });
      assert.equal(response.headers.location, `/fr/apply/${id}/company`);
      const pdf = {
        name: 'extrait.pdf',
        type: 'application/pdf',
        content: Buffer.from('%PDF-1.4\n%test\n'),
      };
      response = await postCompany('fr', id, form('company'), pdf);
      assert.equal(response.statusCode, 303, response.body.slice(0, 500));
      assert.equal(response.headers.location, `/fr/apply/${id}/applicant`);
      response = await post('fr', id, 'applicant', form('applicant'));
      assert.equal(response.headers.location, `/fr/apply/${id}/invoice`);
      response = await post('fr', id, 'invoice', form('invoice'));
      assert.equal(response.headers.location, `/fr/apply/${id}/review`);

      const review = await getPage(app, jar, `/fr/apply/${id}/review`);
      assert.match(review.body, /Laadpalen Vlaanderen NV/);
      assert.match(review.body, /extrait\.pdf/);
      assert.doesNotMatch(review.body, /class="error-summary"/);
      const refused = await postForm(app, jar, `/fr/apply/${id}/review`, {
        _csrf: csrfOf(review.body),
      });
      assert.equal(refused.statusCode, 400);
      assert.match(refused.body, /href="#acceptTerms">Acceptez les conditions générales/);

      const before = mailsTo('applicant@example.be').length;
      response = await postForm(app, jar, `/fr/apply/${id}/review`, {
        _csrf: csrfOf(refused.body),
        acceptTerms: 'yes',
      });
      assert.equal(response.headers.location, `/fr/apply/${id}/submitted`);
      const done = await getPage(app, jar, `/fr/apply/${id}/submitted`);
      assert.match(done.body, /Nous avons envoyé une confirmation à applicant@example\.be/);
      const mails = mailsTo('applicant@example.be');
      assert.equal(mails.length, before + 1);
      assert.match(mails.at(-1)?.subject ?? '', /^Demande APP-/);

      // Read-only from now on: the steps lead to the application as sent.
      const step = await getPage(app, jar, `/fr/apply/${id}/company`);
      assert.equal(step.headers.location, `/fr/apply/${id}/review`);
      const again = await post('fr', id, 'review', {}).catch(() => undefined);
      assert.ok(again === undefined || again.statusCode < 500);
      const account = await getPage(app, jar, '/fr/account');
      assert.match(account.body, /Envoyée/);
      assert.match(account.body, /Q7Z/);
    });

    it('keeps every typed value on a validation error and links the summary to the fields', async () => {
      const id = await start('nl');
      const response = await postCompany('nl', id, {
        ...form('company'),
        legalName: '<script>alert(1)</script>',
        legalEntityNumber: '0403.170.702',
      });
      assert.equal(response.statusCode, 400);
      assert.match(response.body, /<h2 id="error-summary-title">Er is een probleem<\/h2>/);
      assert.match(
        response.body,
        /href="#company-legalEntityNumber">Dit is geen geldig Belgisch ondernemingsnummer|href="#company-legalEntityNumber">/,
      );
      assert.match(response.body, /href="#company-legalName"/);
      assert.match(response.body, /value="0403.170.702"/);
      assert.match(
        response.body,
        /value="&lt;script>alert\(1\)&lt;\/script>"|value="&lt;script&gt;alert\(1\)&lt;\/script&gt;"/,
      );
      assert.doesNotMatch(response.body, /<script>alert/);
      assert.match(response.body, /<title>Fout: /);
      // Saved anyway: a reload shows it again.
      const reload = await getPage(app, jar, `/nl/apply/${id}/company`);
      assert.match(reload.body, /value="0403.170.702"/);
    });

    it('refuses a taken code with free alternatives, and warns without refusing when held abroad', async () => {
      const id = await start('en');
      const taken = await post('en', id, 'request', {
        role: 'CPO',
        countries: 'NL',
        code: 'NL*ABL',
      });
      assert.equal(taken.statusCode, 400);
      assert.match(taken.body, /href="#request-code"/);
      assert.match(taken.body, /already held in the Netherlands|already held/);
      assert.match(taken.body, new RegExp(`href="/en/apply/${id}/request\\?useCode=\\w{3}"`));
      const chosen = /useCode=(\w{3})/.exec(taken.body)?.[1] ?? '';
      const prefilled = await getPage(app, jar, `/en/apply/${id}/request?useCode=${chosen}`);
      assert.match(prefilled.body, new RegExp(`value="${chosen}"`));

      const abroad = await heldAbroadOnly(app);
      const warned = await post('en', id, 'request', {
        role: 'CPO',
        countries: 'BE',
        code: abroad,
      });
      assert.equal(warned.statusCode, 200);
      assert.match(warned.body, /role="status"/);
      assert.match(warned.body, /Warning: according to the register of/);
      assert.match(warned.body, new RegExp(`href="/en/apply/${id}/company"`));
    });

    it('refuses a file that is not a PDF, beside the field', async () => {
      const id = await start('de');
      const response = await postCompany('de', id, form('company'), {
        name: 'evil.pdf',
        type: 'application/pdf',
        content: Buffer.from('<html>not a pdf</html>'),
      });
      assert.equal(response.statusCode, 400);
      assert.match(
        response.body,
        /href="#company-registryExtract">Der Auszug muss eine PDF-Datei sein/,
      );
    });

    it('answers a forged or missing CSRF token with a 403 page', async () => {
      const id = await start('en');
      for (const token of ['forged', '']) {
        const response = await postForm(app, jar, `/en/apply/${id}/request`, {
          _csrf: token,
          code: 'ABC',
        });
        assert.equal(response.statusCode, 403);
        assert.match(String(response.headers['content-type']), /text\/html/);
      }
      const started = await postForm(app, jar, '/en/apply', { _csrf: 'forged' });
      assert.equal(started.statusCode, 403);
      const multi = multipart({ _csrf: 'forged', legalName: 'X' });
      const upload = await app.inject({
        method: 'POST',
        url: `/en/apply/${id}/company`,
        headers: { accept: 'text/html', 'content-type': multi.type, cookie: jar.header() },
        payload: multi.payload,
      });
      assert.equal(upload.statusCode, 403);
    });

    it("never shows another organisation's application: 404 for every page of it", async () => {
      const id = await start('en');
      await post('en', id, 'applicant', {
        name: 'Secret Person',
        jobTitle: 'x',
        email: 'a@b.cd',
        phone: '1',
      });
      for (const path of ['request', 'applicant', 'review', 'submitted', 'withdraw']) {
        const page = await getPage(app, other, `/en/apply/${id}/${path}`);
        assert.equal(page.statusCode, 404, path);
        assert.doesNotMatch(page.body, /Secret Person/);
      }
      const page = await getPage(app, other, '/en/apply');
      const stolen = await postForm(app, other, `/en/apply/${id}/applicant`, {
        _csrf: csrfOf(page.body),
        name: 'Mallory',
      });
      assert.equal(stolen.statusCode, 404);
      const withdraw = await postForm(app, other, `/en/apply/${id}/withdraw`, {
        _csrf: csrfOf(page.body),
      });
      assert.equal(withdraw.statusCode, 404);
      assert.doesNotMatch((await getPage(app, other, '/en/account')).body, new RegExp(id));
      for (const bad of ['not-a-uuid', "'; drop table application; --", 'x'.repeat(400)]) {
        const response = await getPage(app, jar, `/en/apply/${encodeURIComponent(bad)}/request`);
        assert.equal(response.statusCode, 404, bad);
      }
      assert.equal((await getPage(app, jar, `/en/apply/${id}/nonsense`)).statusCode, 404);
    });

    it('answers huge fields and odd types with a page, never a 5xx', async () => {
      const id = await start('en');
      const huge = await post('en', id, 'applicant', {
        name: 'x'.repeat(200_000),
        jobTitle: 'y',
        email: 'z',
        phone: '',
      });
      assert.equal(huge.statusCode, 400);
      assert.match(huge.body, /href="#applicant-name"/);
      const page = await getPage(app, jar, `/en/apply/${id}/applicant`);
      const tooBig = await postForm(app, jar, `/en/apply/${id}/applicant`, {
        _csrf: csrfOf(page.body),
        name: 'x'.repeat(2_000_000),
      });
      assert.ok(tooBig.statusCode >= 400 && tooBig.statusCode < 500, String(tooBig.statusCode));
      assert.match(String(tooBig.headers['content-type']), /text\/html/);
      const repeated = await app.inject({
        method: 'POST',
        url: `/en/apply/${id}/request`,
        headers: {
          accept: 'text/html',
          'content-type': 'application/x-www-form-urlencoded',
          cookie: jar.header(),
        },
        payload: `_csrf=${encodeURIComponent(csrfOf(page.body))}&role=CPO&role=EMSP&countries=BE&countries=XX&code[]=1`,
      });
      assert.equal(repeated.statusCode, 400);
      const json = await app.inject({
        method: 'POST',
        url: `/en/apply/${id}/request`,
        headers: { accept: 'text/html', 'content-type': 'application/json', cookie: jar.header() },
        payload: JSON.stringify({ _csrf: csrfOf(page.body), role: { a: 1 }, countries: 7 }),
      });
      assert.ok(json.statusCode < 500, String(json.statusCode));
    });

    it('withdraws a pending application after asking, and says so on the account page', async () => {
      const id = await start('nl');
      await post('nl', id, 'request', { role: 'EMSP', countries: 'LU', code: 'W1X' });
      const confirm = await getPage(app, jar, `/nl/apply/${id}/withdraw`);
      assert.match(confirm.body, /Ja, de aanvraag intrekken/);
      const done = await postForm(app, jar, `/nl/apply/${id}/withdraw`, {
        _csrf: csrfOf(confirm.body),
      });
      assert.equal(done.statusCode, 303);
      const account = await getPage(app, jar, done.headers.location ?? '');
      assert.match(account.body, /role="status">Aanvraag APP-[\w-]+ is ingetrokken/);
      assert.match(account.body, /Ingetrokken/);
    });
  });
}
