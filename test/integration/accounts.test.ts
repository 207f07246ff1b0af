import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Clock } from '../../src/app/ports.ts';
import { createSmtpMailer } from '../../src/email/smtp-mailer.ts';
import { CookieJar, csrfOf, getPage, linkOf, postForm, signIn } from '../support/accounts.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { DIALECTS, dialectSkip } from '../support/databases.ts';
import { startSmtp, type TestSmtp } from '../support/smtp.ts';

/** A clock the test moves forward. */
function testClock(): Clock & { advanceMinutes(minutes: number): void } {
  let now = Date.now();
  return {
    now: () => new Date(now),
    advanceMinutes: (minutes) => {
      now += minutes * 60_000;
    },
  };
}

for (const dialect of DIALECTS) {
  describe(`accounts on ${dialect}`, { skip: dialectSkip(dialect) }, () => {
    let smtp: TestSmtp;
    let app: TestApp;
    let mailer: ReturnType<typeof createSmtpMailer>;
    const clock = testClock();
    let seen = 0;
    const nextMail = async () => (await smtp.waitFor(++seen)).text;

    before(async () => {
      smtp = await startSmtp();
      mailer = createSmtpMailer(smtp.url, 'IDRO <no-reply@idro.test>');
      app = await createTestApp({ dialect, mailer, clock });
    });
    after(async () => {
      await app.close();
      mailer.close();
      await smtp.close();
    });

    it('mails a link in the asked language, text and HTML, that signs in once', async () => {
      const jar = new CookieJar();
      const form = await getPage(app, jar, '/fr/sign-in');
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /autocomplete="email"/);
      const sent = await postForm(app, jar, '/fr/sign-in', {
        _csrf: csrfOf(form.body),
        email: '  Alice@Example.COM ',
      });
      assert.equal(sent.statusCode, 200);
      assert.match(sent.body, /Consultez votre boîte de réception/);
      const mail = await smtp.waitFor(++seen);
      assert.equal(mail.subject, 'Votre lien de connexion');
      assert.equal((mail.to as { text: string }).text, 'alice@example.com');
      assert.match(String(mail.html), /<html lang="fr">/);
      const link = linkOf(mail.text);
      assert.ok(String(mail.html).includes(link));
      const path = new URL(link).pathname;

      // Opening the link (as a mail scanner would) does not use it.
      const confirm = await getPage(app, jar, path);
      assert.equal(confirm.statusCode, 200);
      const used = await postForm(app, jar, path, { _csrf: csrfOf(confirm.body) });
      assert.equal(used.statusCode, 303);
      assert.equal(used.headers.location, '/fr/account');
      const cookie = used.cookies.find((c) => c.name === 'idro_session');
      assert.ok(cookie !== undefined);
      assert.equal(cookie.httpOnly, true);
      assert.equal(cookie.sameSite, 'Lax');
      assert.equal(cookie.path, '/');
      assert.ok((cookie.maxAge ?? 0) > 29 * 24 * 3600);
      const stored = await app.db.selectFrom('session').select('id_hash').execute();
      assert.ok(stored.every((s) => s.id_hash !== cookie.value));

      const again = await postForm(app, new CookieJar(), path, { _csrf: csrfOf(confirm.body) });
      assert.equal(again.statusCode, 403, 'a second browser has no CSRF secret');
      const twice = await postForm(app, jar, path, { _csrf: csrfOf(confirm.body) });
      assert.equal(twice.statusCode, 400);
      assert.match(twice.body, /Ce lien ne fonctionne plus/);

      const team = await getPage(app, jar, '/fr/account/team');
      assert.equal(team.statusCode, 200);
      assert.match(team.body, /alice@example\.com/);
      assert.match(team.body, /Se déconnecter/);
    });

    it('refuses an expired link', async () => {
      const jar = new CookieJar();
      const form = await getPage(app, jar, '/en/sign-in');
      await postForm(app, jar, '/en/sign-in', {
        _csrf: csrfOf(form.body),
        email: 'late@example.com',
      });
      const path = new URL(linkOf(await nextMail())).pathname;
      clock.advanceMinutes(21);
      const confirm = await getPage(app, jar, path);
      const used = await postForm(app, jar, path, { _csrf: csrfOf(confirm.body) });
      assert.equal(used.statusCode, 400);
      assert.match(used.body, /This link no longer works/);
    });

    it('answers the same for known and unknown addresses, and limits links per address', async () => {
      const jar = new CookieJar();
      const form = await getPage(app, jar, '/en/sign-in');
      const csrf = csrfOf(form.body);
      const ask = (email: string) => postForm(app, jar, '/en/sign-in', { _csrf: csrf, email });
      const known = await ask('alice@example.com');
      const unknown = await ask('nobody@example.com');
      assert.equal(known.statusCode, unknown.statusCode);
      assert.equal(
        known.body.replace('alice@example.com', 'X'),
        unknown.body.replace('nobody@example.com', 'X'),
      );
      seen += 2;
      for (let i = 0; i < 5; i++) assert.equal((await ask('flood@example.com')).statusCode, 200);
      seen += 5;
      await smtp.waitFor(seen);
      const limited = await ask('flood@example.com');
      assert.equal(limited.statusCode, 429);
      assert.match(limited.body, /Too many sign-in links/);
      assert.ok(Number(limited.headers['retry-after']) > 0);
    });

    it('limits sign-in requests per client address', async () => {
      const local = await createTestApp({ dialect });
      try {
        const jar = new CookieJar();
        const csrf = csrfOf((await getPage(local, jar, '/en/sign-in')).body);
        const codes: number[] = [];
        for (let i = 0; i < 21; i++) {
          const r = await postForm(local, jar, '/en/sign-in', {
            _csrf: csrf,
            email: `p${i}@example.com`,
          });
          codes.push(r.statusCode);
        }
        assert.deepEqual(codes.slice(0, 20), Array<number>(20).fill(200));
        assert.equal(codes[20], 429);
        const api = await local.inject({ method: 'POST', url: '/en/sign-in', payload: {} });
        assert.equal(api.statusCode, 429);
        assert.equal(api.json<{ code: string }>().code, 'too_many_requests');
      } finally {
        await local.close();
      }
    });

    it('signs out this browser, and everywhere', async () => {
      const one = await signIn(app, 'bob@example.com', nextMail);
      const two = await signIn(app, 'bob@example.com', nextMail);
      const page = await getPage(app, one, '/en/sign-out');
      const out = await postForm(app, one, '/en/sign-out', { _csrf: csrfOf(page.body) });
      assert.equal(out.statusCode, 303);
      assert.equal(one.get('idro_session'), undefined);
      assert.equal((await getPage(app, two, '/en/account/team')).statusCode, 200);
      const page2 = await getPage(app, two, '/en/sign-out');
      await postForm(app, two, '/en/sign-out', { _csrf: csrfOf(page2.body), everywhere: '1' });
      const left = await app.db
        .selectFrom('session')
        .innerJoin('account', 'account.id', 'session.account_id')
        .where('account.email', '=', 'bob@example.com')
        .selectAll()
        .execute();
      assert.equal(left.length, 0);
      const guarded = await getPage(app, two, '/en/account/team');
      assert.equal(guarded.statusCode, 303);
      assert.equal(guarded.headers.location, '/en/sign-in?next=%2Fen%2Faccount%2Fteam');
    });

    it('invites a colleague into the same organisation, and refuses members of others', async () => {
      const carol = await signIn(app, 'carol@example.com', nextMail);
      await signIn(app, 'dave@example.com', nextMail);
      const team = await getPage(app, carol, '/nl/account/team');
      const csrf = csrfOf(team.body);
      const invited = await postForm(app, carol, '/nl/account/team', {
        _csrf: csrf,
        email: 'erin@example.com',
      });
      assert.equal(invited.statusCode, 200);
      assert.match(invited.body, /uitnodiging gestuurd naar erin@example\.com/);
      const mail = await smtp.waitFor(++seen);
      assert.equal(
        mail.subject,
        'U bent uitgenodigd voor het Benelux-register van e-mobility-ID’s',
      );
      assert.match(mail.text ?? '', /carol@example\.com/);
      const erin = new CookieJar();
      const path = new URL(linkOf(mail.text)).pathname;
      const confirm = await getPage(app, erin, path);
      await postForm(app, erin, path, { _csrf: csrfOf(confirm.body) });
      const members = await getPage(app, erin, '/en/account/team');
      assert.match(members.body, /carol@example\.com/);
      assert.doesNotMatch(members.body, /dave@example\.com/, 'another organisation stays hidden');

      const refused = await postForm(app, carol, '/nl/account/team', {
        _csrf: csrf,
        email: 'dave@example.com',
      });
      assert.equal(refused.statusCode, 409);
      assert.match(refused.body, /andere organisatie/);
    });

    it('API tokens work on a protected route until revoked', async () => {
      const anon = await app.inject({ method: 'GET', url: '/api/v1/me' });
      assert.equal(anon.statusCode, 401);
      assert.match(String(anon.headers['www-authenticate']), /^Bearer/);
      assert.equal(anon.json<{ code: string }>().code, 'unauthorized');

      const jar = await signIn(app, 'frank@example.com', nextMail);
      const page = await getPage(app, jar, '/en/account/tokens');
      const created = await postForm(app, jar, '/en/account/tokens', {
        _csrf: csrfOf(page.body),
        name: 'billing <script>',
      });
      assert.equal(created.statusCode, 200);
      assert.match(created.body, /billing &lt;script>/);
      const token = /id="new-token">(idro_[\w-]+)</.exec(created.body)?.[1];
      assert.ok(token !== undefined);
      const stored = await app.db.selectFrom('api_token').select('token_hash').execute();
      assert.ok(stored.every((t) => !t.token_hash.includes(token)));

      const me = await app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(me.statusCode, 200);
      assert.equal(me.json<{ email: string }>().email, 'frank@example.com');

      const id = /\/en\/account\/tokens\/([\w-]+)\/revoke/.exec(created.body)?.[1] ?? '';
      const revoked = await postForm(app, jar, `/en/account/tokens/${id}/revoke`, {
        _csrf: csrfOf(page.body),
      });
      assert.equal(revoked.statusCode, 303);
      const after = await app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(after.statusCode, 401);
    });

    it('a forged or missing CSRF token gets a 403 page in the page language', async () => {
      const jar = await signIn(app, 'gina@example.com', nextMail);
      await getPage(app, jar, '/de/account/tokens');
      for (const fields of [{ name: 'x' }, { _csrf: 'forged', name: 'x' }] as Record<
        string,
        string
      >[]) {
        const r = await postForm(app, jar, '/de/account/tokens', fields);
        assert.equal(r.statusCode, 403);
        assert.match(String(r.headers['content-type']), /text\/html/);
        assert.match(r.body, /<html lang="de">/);
        assert.match(r.body, /Sie dürfen dies nicht tun/);
      }
      const none = await app.db.selectFrom('api_token').selectAll().execute();
      assert.ok(none.every((t) => t.name !== 'x'));
    });

    it('hostile input gets a clear 4xx, never a 5xx', async () => {
      const jar = new CookieJar();
      const csrf = csrfOf((await getPage(app, jar, '/en/sign-in')).body);
      const huge = await postForm(app, jar, '/en/sign-in', {
        _csrf: csrf,
        email: `${'a'.repeat(100_000)}@example.com`,
      });
      assert.equal(huge.statusCode, 400);
      assert.match(huge.body, /254 characters or fewer/);
      const script = await postForm(app, jar, '/en/sign-in', {
        _csrf: csrf,
        email: '<script>alert(1)</script>',
      });
      assert.equal(script.statusCode, 400);
      assert.doesNotMatch(script.body, /<script>alert/);
      const arrays = await app.inject({
        method: 'POST',
        url: '/en/sign-in',
        headers: {
          accept: 'text/html',
          'content-type': 'application/x-www-form-urlencoded',
          cookie: jar.header(),
        },
        payload: `_csrf=${encodeURIComponent(csrf)}&email=a@b.c&email=d@e.f`,
      });
      assert.equal(arrays.statusCode, 400);
      const json = await app.inject({
        method: 'POST',
        url: '/en/sign-in',
        headers: { cookie: jar.header() },
        payload: [1, 2],
      });
      assert.equal(json.statusCode, 403);
      const badToken = await postForm(app, jar, '/en/sign-in/not-a-token', { _csrf: csrf });
      assert.equal(badToken.statusCode, 400);
      const openRedirect = await getPage(app, jar, '/en/sign-in?next=//evil.example/');
      assert.doesNotMatch(openRedirect.body, /name="next"/);
      const bearer = await app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: { authorization: `Bearer idro_${'x'.repeat(5000)}` },
      });
      assert.equal(bearer.statusCode, 401);
      const cookie = await app.inject({
        method: 'GET',
        url: '/en/account/team',
        headers: { cookie: 'idro_session=%%%; idro_csrf=<x>' },
      });
      assert.equal(cookie.statusCode, 303);
    });
  });
}
