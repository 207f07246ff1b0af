import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { disableStaffMember } from '../../src/app/staff/disable-staff-member.ts';
import { CookieJar, csrfOf, getPage, postForm } from '../support/accounts.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { createTestDb, DIALECTS, dialectSkip, type TestDatabase } from '../support/databases.ts';
import { runIdro } from '../support/run-idro.ts';
import { totpCode } from '../support/staff.ts';
import {
  addStaffByCli,
  enrol,
  enrolmentLinkOf,
  PUBLIC_URL,
  secretOf,
  signInStaffPage,
  staffAudit,
  staffCli,
  staffIdOf,
  testClock,
} from './staff-helpers.ts';

const GOOD = 'river lantern copper 42';

for (const dialect of DIALECTS) {
  describe(`staff enrolment on ${dialect}`, { skip: dialectSkip(dialect) }, () => {
    let app: TestApp;
    const clock = testClock();

    before(async () => {
      app = await createTestApp({ dialect, clock });
    });
    after(() => app.close());
    /** Signs in on the sign-in page with the good password and the secret's current code. */
    const signInWith = async (email: string, secret: string) =>
      signInStaffPage(app, new CookieJar(), {
        email,
        password: GOOD,
        code: await totpCode(secret, clock.now()),
      });

    it('staff add prints a one-time link; only its digest is stored; the audit names the CLI', async () => {
      const run = await staffCli(app, [
        'add',
        '--email',
        ' Ana@Registry.TEST ',
        '--role',
        'admin',
        '--name',
        'Ana Peeters',
        '--lang',
        'nl',
      ]);
      assert.equal(run.code, 0, run.stderr);
      const link = enrolmentLinkOf(run.stdout);
      assert.ok(link.startsWith(`${PUBLIC_URL}/nl/admin/enrol/`), link);
      const token = link.split('/').at(-1)!;
      const stored = await app.db.selectFrom('staff_enrolment').selectAll().execute();
      assert.equal(stored.length, 1);
      assert.equal(stored[0]!.token_hash, createHash('sha256').update(token).digest('hex'));
      const hours = (Date.parse(stored[0]!.expires_at) - clock.now().getTime()) / 3_600_000;
      assert.equal(Math.round(hours), 72);
      const id = await staffIdOf(app, 'ana@registry.test');
      const [created] = await staffAudit(app, id);
      assert.equal(created?.action, 'staff.created');
      assert.equal(created.actor_type, 'cli');
      assert.equal(created.actor_label, 'operator');
      assert.deepEqual(JSON.parse(created.after ?? 'null'), {
        email: 'ana@registry.test',
        name: 'Ana Peeters',
        role: 'admin',
        lang: 'nl',
        enrolled: false,
        disabled: false,
      });

      const list = await staffCli(app, ['list']);
      assert.equal(list.code, 0);
      assert.equal(list.stdout, 'ana@registry.test\tadmin\tpending\tAna Peeters\n');
    });

    it('refuses a taken address, a bad role or address, and usage errors, with exit codes', async () => {
      const taken = await staffCli(app, ['add', '--email', 'ana@registry.test', '--role', 'admin']);
      assert.equal(taken.code, 1);
      assert.match(taken.stderr, /already a staff member with this e-mail address/);
      const bad = await staffCli(app, ['add', '--email', 'nope', '--role', 'boss']);
      assert.equal(bad.code, 1);
      assert.match(bad.stderr, /right format/);
      assert.match(bad.stderr, /Choose reviewer or administrator/);
      assert.equal((await staffCli(app, ['add', '--role', 'admin'])).code, 2);
      assert.equal((await staffCli(app, ['add', '--email', 'x@y.test', '--bogus'])).code, 2);
      assert.equal((await staffCli(app, ['promote'])).code, 2);
      const unknown = await staffCli(app, ['reset', '--email', 'nobody@registry.test']);
      assert.equal(unknown.code, 1);
      assert.match(unknown.stderr, /no staff member has this e-mail address/);
    });

    it('enrols from the link: password rules, the QR code and secret, a confirmed code', async () => {
      const { path } = await addStaffByCli(app, 'ben@registry.test');
      const jar = new CookieJar();
      const form = await getPage(app, jar, path);
      assert.equal(form.statusCode, 200);
      assert.equal(form.headers['cache-control'], 'no-store');
      assert.equal(form.headers['referrer-policy'], 'no-referrer');
      assert.match(form.body, /Choose your password/);
      assert.match(form.body, /ben@registry\.test/);
      const csrf = csrfOf(form.body);
      const tryPassword = (password: string, confirmation = password) =>
        postForm(app, jar, path, { _csrf: csrf, password, confirmation });

      const cases: [string, string, RegExp][] = [
        ['short pass', 'short pass', /at least 12 characters/],
        ['ben@registry.test', 'ben@registry.test', /must not be your e-mail address/],
        ['Ben@Registry.test2024', 'Ben@Registry.test2024', /must not be your e-mail address/],
        ['Password2024!', 'Password2024!', /too common/],
        ['123456789012', '123456789012', /too common/],
        ['qwertyuiopasdf', 'qwertyuiopasdf', /too common/],
        [GOOD, `${GOOD}!`, /are not the same/],
      ];
      for (const [password, confirmation, message] of cases) {
        const refused = await tryPassword(password, confirmation);
        assert.equal(refused.statusCode, 400, password);
        assert.match(refused.body, message, password);
        assert.match(refused.body, /class="error-summary"/);
      }
      const row = await app.db
        .selectFrom('staff')
        .select(['password_hash', 'enrolled_at'])
        .where('email', '=', 'ben@registry.test')
        .executeTakeFirstOrThrow();
      assert.equal(row.password_hash, null);

      const chosen = await tryPassword(GOOD);
      assert.equal(chosen.statusCode, 303);
      assert.equal(chosen.headers.location, path);
      const step = await getPage(app, jar, path);
      assert.equal(step.statusCode, 200);
      assert.match(step.body, /Register your authenticator app/);
      assert.match(
        step.body,
        /<svg role="img" aria-label="QR code holding your authenticator secret/,
      );
      assert.doesNotMatch(step.body, /<script|style=/);
      const secret = secretOf(step.body);
      assert.match(secret, /^[A-Z2-7]{16,}$/);
      const stored = await app.db
        .selectFrom('staff')
        .select(['password_hash', 'totp_secret'])
        .where('email', '=', 'ben@registry.test')
        .executeTakeFirstOrThrow();
      assert.match(stored.password_hash ?? '', /^\$argon2id\$/);
      assert.equal(stored.totp_secret, secret);

      // Not signed in, not enrolled: the password alone does nothing yet.
      const early = await signInWith('ben@registry.test', secret);
      assert.equal(early.statusCode, 401);

      const confirmCode = (code: string) =>
        postForm(app, jar, path, { _csrf: csrfOf(step.body), step: 'authenticator', code });
      const wrong = await confirmCode('000000');
      assert.equal(wrong.statusCode, 400);
      assert.match(wrong.body, /This code is not right/);
      const empty = await confirmCode('');
      assert.equal(empty.statusCode, 400);
      assert.match(empty.body, /Enter the six-digit code/);
      const code = await totpCode(secret, clock.now());
      const done = await confirmCode(`${code.slice(0, 3)} ${code.slice(3)}`);
      assert.equal(done.statusCode, 303);
      assert.equal(done.headers.location, '/en/admin');
      const cookie = done.cookies.find((c) => c.name === 'idro_staff');
      assert.ok(cookie !== undefined);
      assert.equal(cookie.httpOnly, true);
      assert.equal(cookie.sameSite, 'Strict');
      const security = await getPage(app, jar, '/en/admin/security');
      assert.equal(security.statusCode, 200);
      assert.match(security.body, /Signed in as ben@registry\.test/);

      // The link works once.
      const again = await getPage(app, new CookieJar(), path);
      assert.equal(again.statusCode, 410);
      assert.match(again.body, /This enrolment link does not work/);

      const id = await staffIdOf(app, 'ben@registry.test');
      const actions = (await staffAudit(app, id)).map((e) => e.action);
      assert.deepEqual(actions, ['staff.created', 'staff.enrolled']);
      const enrolled = (await staffAudit(app, id))[1]!;
      assert.equal(enrolled.actor_type, 'staff');
      assert.equal(enrolled.actor_id, id);
      assert.ok(!`${enrolled.before}${enrolled.after}`.includes(secret));
      assert.ok(!`${enrolled.before}${enrolled.after}`.includes('argon2'));
    });

    it('lets the member go back to the password step before the code is confirmed', async () => {
      const { path } = await addStaffByCli(app, 'cas@registry.test');
      const jar = new CookieJar();
      const form = await getPage(app, jar, path);
      await postForm(app, jar, path, {
        _csrf: csrfOf(form.body),
        password: 'first choice of words',
        confirmation: 'first choice of words',
      });
      const back = await getPage(app, jar, `${path}?step=password`);
      assert.match(back.body, /Choose your password/);
      const { secret } = await enrol(app, `${PUBLIC_URL}${path}`, GOOD, clock);
      clock.advanceMinutes(1);
      const signedIn = await signInWith('cas@registry.test', secret);
      assert.equal(signedIn.statusCode, 303);
    });

    it('refuses an expired link, a mistyped one, and a link of a disabled member', async () => {
      const { path } = await addStaffByCli(app, 'dee@registry.test');
      const jar = new CookieJar();
      const form = await getPage(app, jar, path);
      assert.equal(form.statusCode, 200);
      clock.advanceMinutes(72 * 60 + 1);
      const expired = await getPage(app, jar, path);
      assert.equal(expired.statusCode, 410);
      assert.match(expired.body, /links work for 72 hours/);
      const posted = await postForm(app, jar, path, {
        _csrf: csrfOf(form.body),
        password: GOOD,
        confirmation: GOOD,
      });
      assert.equal(posted.statusCode, 410);
      assert.equal((await getPage(app, jar, '/fr/admin/enrol/not-a-token')).statusCode, 410);
      const french = await getPage(app, jar, `/fr/admin/enrol/${'x'.repeat(43)}`);
      assert.equal(french.statusCode, 410);
      assert.match(french.body, /Ce lien d’activation ne fonctionne pas/);

      const { path: fayPath } = await addStaffByCli(app, 'fay@registry.test');
      assert.equal((await getPage(app, jar, fayPath)).statusCode, 200);
      await disableStaffMember(
        app.backOffice.staff,
        { type: 'cli' },
        { email: 'fay@registry.test' },
      );
      assert.equal((await getPage(app, jar, fayPath)).statusCode, 410);
    });

    it('staff reset revokes the password, the authenticator and every session, with a new link', async () => {
      const added = await addStaffByCli(app, 'eva@registry.test');
      const { jar, secret } = await enrol(app, added.link, GOOD, clock);
      assert.equal((await getPage(app, jar, '/en/admin/security')).statusCode, 200);
      const reset = await staffCli(app, ['reset', '--email', 'EVA@registry.test']);
      assert.equal(reset.code, 0, reset.stderr);
      const link = enrolmentLinkOf(reset.stdout);
      const gone = await getPage(app, jar, '/en/admin/security');
      assert.equal(gone.statusCode, 303);
      clock.advanceMinutes(1);
      const old = await signInWith('eva@registry.test', secret);
      assert.equal(old.statusCode, 401);
      const second = await enrol(app, link, 'a brand new sentence here', clock);
      assert.notEqual(second.secret, secret);
      const id = await staffIdOf(app, 'eva@registry.test');
      const actions = (await staffAudit(app, id)).map((e) => e.action);
      assert.deepEqual(actions, [
        'staff.created',
        'staff.enrolled',
        'staff.enrolment_reset',
        'staff.enrolled',
      ]);
    });
  });
}

for (const dialect of DIALECTS) {
  describe(`idro staff as a process on ${dialect}`, { skip: dialectSkip(dialect) }, () => {
    let test: TestDatabase;
    let dir: string;
    let env: Record<string, string>;
    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'idro-staff-'));
      test = await createTestDb(dialect);
      env = {
        DATABASE_URL: dialect === 'sqlite' ? `sqlite:${join(dir, 'idro.sqlite')}` : test.url,
        PUBLIC_URL: 'https://register.example/',
      };
    });
    after(async () => {
      await test.drop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('adds, lists and resets staff members, with exit codes 0, 1 and 2', async () => {
      const add = await runIdro(
        ['staff', 'add', '--email', 'ops@registry.test', '--role', 'admin'],
        env,
      );
      assert.equal(add.code, 0, add.stderr);
      assert.match(
        add.stdout,
        /^enrolment link for ops@registry\.test \(admin\), works once until \S+Z:\nhttps:\/\/register\.example\/en\/admin\/enrol\/[\w-]{43}\n$/,
      );
      const list = await runIdro(['staff', 'list'], env);
      assert.equal(list.stdout, 'ops@registry.test\tadmin\tpending\t\n');
      const again = await runIdro(
        ['staff', 'add', '--email', 'ops@registry.test', '--role', 'admin'],
        env,
      );
      assert.equal(again.code, 1);
      assert.match(again.stderr, /idro staff: refused: There is already a staff member/);
      const reset = await runIdro(['staff', 'reset', '--email', 'ops@registry.test'], env);
      assert.equal(reset.code, 0, reset.stderr);
      assert.notEqual(enrolmentLinkOf(reset.stdout), enrolmentLinkOf(add.stdout));
      const usage = await runIdro(['staff', 'add', '--email', 'x@registry.test'], env);
      assert.equal(usage.code, 2);
      assert.match(usage.stderr, /--email and --role are required/);
      const help = await runIdro(['help', 'staff'], env);
      assert.equal(help.code, 0);
      assert.match(help.stdout, /idro staff add --email E --role reviewer\|admin/);
    });
  });
}
