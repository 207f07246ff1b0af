import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { CookieJar, csrfOf, getPage, postForm } from '../support/accounts.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { DIALECTS, dialectSkip } from '../support/databases.ts';
import { createStaff, totpCode, type TestStaff } from '../support/staff.ts';
import { signInStaffPage, staffAudit, testClock } from './staff-helpers.ts';

const GENERIC = /The e-mail address, password or code is not right/;

for (const dialect of DIALECTS) {
  describe(`staff sign-in on ${dialect}`, { skip: dialectSkip(dialect) }, () => {
    // A new app for each test: the per-address rate limit counts every sign-in of an app.
    let app: TestApp;
    let clock: ReturnType<typeof testClock>;
    /** A code for the next 30-second step, so that no two sign-ins share one. */
    const freshCode = async (staff: TestStaff) => {
      clock.advanceMinutes(0.5);
      return totpCode(staff.totpSecret, clock.now());
    };
    /** Signs the member in with its password (unless another is given) and a fresh code. */
    const signIn = async (
      staff: TestStaff,
      jar = new CookieJar(),
      fields: { password?: string; next?: string } = {},
    ) =>
      signInStaffPage(app, jar, {
        email: staff.email,
        password: staff.password,
        code: await freshCode(staff),
        ...fields,
      });

    beforeEach(async () => {
      clock = testClock();
      app = await createTestApp({ dialect, clock });
    });
    afterEach(() => app.close());

    it('sends the anonymous to the sign-in page and back to where they were going', async () => {
      const jar = new CookieJar();
      const queue = await getPage(app, jar, '/nl/admin/security');
      assert.equal(queue.statusCode, 303);
      assert.equal(queue.headers.location, '/nl/admin/sign-in?next=%2Fnl%2Fadmin%2Fsecurity');
      const page = await getPage(app, jar, '/nl/admin/sign-in?next=%2Fnl%2Fadmin%2Fsecurity');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Aanmelden bij de backoffice/);
      assert.match(page.body, /name="next" value="\/nl\/admin\/security"/);
      for (const id of ['email', 'password', 'code'])
        assert.match(page.body, new RegExp(`id="${id}"`));
      assert.match(page.body, /autocomplete="one-time-code"/);
    });

    it('needs the password and the code; signs in and follows next', async () => {
      const staff = await createStaff(app, { role: 'reviewer' });
      const jar = new CookieJar();
      const noCode = await signInStaffPage(app, jar, {
        email: staff.email,
        password: staff.password,
        code: '',
      });
      assert.equal(noCode.statusCode, 400);
      assert.match(noCode.body, /Enter the six-digit code/);
      const noPassword = await signInStaffPage(app, jar, {
        email: staff.email,
        password: '',
        code: await freshCode(staff),
      });
      assert.equal(noPassword.statusCode, 400);
      assert.match(noPassword.body, /Enter a password/);

      const ok = await signInStaffPage(app, jar, {
        email: staff.email.toUpperCase(),
        password: staff.password,
        code: await freshCode(staff),
        next: '/en/admin/security',
      });
      assert.equal(ok.statusCode, 303);
      assert.equal(ok.headers.location, '/en/admin/security');
      const cookie = ok.cookies.find((c) => c.name === 'idro_staff');
      assert.equal(cookie?.maxAge, 8 * 3600);
      assert.equal((await getPage(app, jar, '/en/admin/security')).statusCode, 200);
      const row = await app.db
        .selectFrom('staff')
        .select(['last_sign_in_at', 'failed_attempts'])
        .where('id', '=', staff.id)
        .executeTakeFirstOrThrow();
      assert.equal(row.last_sign_in_at, clock.now().toISOString());

      const evil = await signIn(staff, new CookieJar(), { next: '//evil.example/steal' });
      assert.equal(evil.statusCode, 303);
      assert.equal(evil.headers.location, '/en/admin');
    });

    it('gives one answer for a wrong password, a wrong code, a replayed code and an unknown address', async () => {
      const staff = await createStaff(app, { role: 'reviewer' });
      const code = await freshCode(staff);
      const attempts = [
        { email: staff.email, password: 'not the password', code },
        {
          email: staff.email,
          password: staff.password,
          code: code === '123456' ? '654321' : '123456',
        },
        { email: 'nobody@registry.test', password: staff.password, code },
      ];
      const bodies: string[] = [];
      for (const fields of attempts) {
        const refused = await signInStaffPage(app, new CookieJar(), fields);
        assert.equal(refused.statusCode, 401);
        assert.match(refused.body, GENERIC);
        assert.equal(
          refused.cookies.find((c) => c.name === 'idro_staff'),
          undefined,
        );
        bodies.push(refused.body.replace(/value="[^"]*"/g, ''));
      }
      assert.equal(bodies[0], bodies[1]);

      const first = await signInStaffPage(app, new CookieJar(), {
        email: staff.email,
        password: staff.password,
        code,
      });
      assert.equal(first.statusCode, 303);
      const replay = await signInStaffPage(app, new CookieJar(), {
        email: staff.email,
        password: staff.password,
        code,
      });
      assert.equal(replay.statusCode, 401, 'the same code is not accepted twice');
      assert.match(replay.body, GENERIC);
      // An older code (within the drift window) is no better than the same one.
      clock.advanceMinutes(0.5);
      const older = await signInStaffPage(app, new CookieJar(), {
        email: staff.email,
        password: staff.password,
        code: await totpCode(staff.totpSecret, new Date(clock.now().getTime() - 60_000)),
      });
      assert.equal(older.statusCode, 401);
    });

    it('locks a member out for 15 minutes after 5 failures in a row, audited; then lets it in', async () => {
      const staff = await createStaff(app, { role: 'admin' });
      const wrong = { email: staff.email, password: 'wrong password!', code: '000000' };
      for (let i = 1; i <= 4; i++) {
        const refused = await signInStaffPage(app, new CookieJar(), wrong);
        assert.equal(refused.statusCode, 401, `attempt ${i}`);
      }
      const fifth = await signInStaffPage(app, new CookieJar(), wrong);
      assert.equal(fifth.statusCode, 429);
      assert.match(fifth.body, /signing in is blocked until/);
      // Even the right password and code are refused while locked.
      const right = await signIn(staff);
      assert.equal(right.statusCode, 429);
      const row = await app.db
        .selectFrom('staff')
        .select(['locked_until', 'failed_attempts'])
        .where('id', '=', staff.id)
        .executeTakeFirstOrThrow();
      assert.equal(row.failed_attempts, 5);
      const minutes = (Date.parse(row.locked_until ?? '') - clock.now().getTime()) / 60_000;
      assert.ok(minutes > 14 && minutes <= 15, String(minutes));
      const locked = (await staffAudit(app, staff.id)).filter((e) => e.action === 'staff.locked');
      assert.equal(locked.length, 1);
      assert.equal(locked[0]!.actor_type, 'system');
      assert.deepEqual(JSON.parse(locked[0]!.after ?? 'null'), { lockedUntil: row.locked_until });

      clock.advanceMinutes(15);
      const afterLock = await signIn(staff);
      assert.equal(afterLock.statusCode, 303);
      const cleared = await app.db
        .selectFrom('staff')
        .select(['locked_until', 'failed_attempts'])
        .where('id', '=', staff.id)
        .executeTakeFirstOrThrow();
      assert.deepEqual(cleared, { locked_until: null, failed_attempts: 0 });
    });

    it('locks an unknown address the same way, so the lock-out tells nothing', async () => {
      const wrong = { email: 'ghost@registry.test', password: 'whatever it is', code: '000000' };
      for (let i = 1; i <= 4; i++) {
        assert.equal((await signInStaffPage(app, new CookieJar(), wrong)).statusCode, 401);
      }
      const fifth = await signInStaffPage(app, new CookieJar(), wrong);
      assert.equal(fifth.statusCode, 429);
      assert.match(fifth.body, /signing in is blocked until/);
      const stored = await app.db.selectFrom('staff_sign_in_failure').selectAll().execute();
      assert.ok(stored.every((r) => !r.email_hash.includes('ghost')));
      clock.advanceMinutes(16);
      assert.equal((await signInStaffPage(app, new CookieJar(), wrong)).statusCode, 401);
    });

    it('refuses a disabled member, whose sessions end when it is disabled', async () => {
      const admin = await createStaff(app, { role: 'admin' });
      const staff = await createStaff(app, { role: 'reviewer' });
      assert.equal((await getPage(app, staff.jar, '/en/admin/security')).statusCode, 200);
      const page = await getPage(app, admin.jar, `/en/admin/staff/${staff.id}`);
      const disabled = await postForm(app, admin.jar, `/en/admin/staff/${staff.id}/disable`, {
        _csrf: csrfOf(page.body),
      });
      assert.equal(disabled.statusCode, 303);
      const sessions = await app.db
        .selectFrom('staff_session')
        .select('id_hash')
        .where('staff_id', '=', staff.id)
        .execute();
      assert.equal(sessions.length, 0);
      assert.equal((await getPage(app, staff.jar, '/en/admin/security')).statusCode, 303);
      const refused = await signIn(staff);
      assert.equal(refused.statusCode, 403);
      assert.match(refused.body, /This staff account is disabled/);
      assert.equal(
        refused.cookies.find((c) => c.name === 'idro_staff'),
        undefined,
      );
    });

    it('signs out this session, or every session of the member (audited)', async () => {
      const staff = await createStaff(app, { role: 'reviewer' });
      const other = new CookieJar();
      const signedIn = await signIn(staff, other);
      assert.equal(signedIn.statusCode, 303);

      const confirm = await getPage(app, other, '/en/admin/sign-out');
      assert.equal(confirm.statusCode, 200);
      assert.match(confirm.body, /Sign out of the back office/);
      const out = await postForm(app, other, '/en/admin/sign-out', { _csrf: csrfOf(confirm.body) });
      assert.equal(out.statusCode, 303);
      assert.equal(out.headers.location, '/en');
      assert.equal((await getPage(app, other, '/en/admin/security')).statusCode, 303);
      assert.equal((await getPage(app, staff.jar, '/en/admin/security')).statusCode, 200);

      const third = new CookieJar();
      await signIn(staff, third);
      const security = await getPage(app, staff.jar, '/en/admin/security');
      assert.match(security.body, /name="everywhere" value="1"/);
      const everywhere = await postForm(app, staff.jar, '/en/admin/sign-out', {
        _csrf: csrfOf(security.body),
        everywhere: '1',
      });
      assert.equal(everywhere.statusCode, 303);
      assert.equal(everywhere.headers.location, '/en');
      assert.equal((await getPage(app, staff.jar, '/en/admin/security')).statusCode, 303);
      assert.equal((await getPage(app, third, '/en/admin/security')).statusCode, 303);
      const actions = (await staffAudit(app, staff.id)).map((e) => e.action);
      assert.deepEqual(actions, ['staff.signed_out_everywhere']);
    });

    it('changes the password with the current one and a code; other sessions end (audited)', async () => {
      const staff = await createStaff(app, { role: 'reviewer' });
      const other = new CookieJar();
      await signIn(staff, other);
      const page = await getPage(app, staff.jar, '/en/admin/security');
      const change = (fields: Record<string, string>) =>
        postForm(app, staff.jar, '/en/admin/security/password', {
          _csrf: csrfOf(page.body),
          ...fields,
        });
      const newPassword = 'seven lanterns over the harbour';
      const wrongCurrent = await change({
        current: 'not it at all',
        code: await freshCode(staff),
        password: newPassword,
        confirmation: newPassword,
      });
      assert.equal(wrongCurrent.statusCode, 400);
      assert.match(wrongCurrent.body, /The current password or the code is not right/);
      const weak = await change({
        current: staff.password,
        code: await freshCode(staff),
        password: 'password1234',
        confirmation: 'password1234',
      });
      assert.equal(weak.statusCode, 400);
      assert.match(weak.body, /too common/);
      const noCode = await change({
        current: staff.password,
        code: '',
        password: newPassword,
        confirmation: newPassword,
      });
      assert.equal(noCode.statusCode, 400);

      const code = await freshCode(staff);
      const changed = await change({
        current: staff.password,
        code,
        password: newPassword,
        confirmation: newPassword,
      });
      assert.equal(changed.statusCode, 200);
      assert.match(changed.body, /Your password has been changed/);
      assert.equal((await getPage(app, staff.jar, '/en/admin/security')).statusCode, 200);
      assert.equal((await getPage(app, other, '/en/admin/security')).statusCode, 303);
      const replayed = await change({
        current: newPassword,
        code,
        password: 'yet another fine sentence',
        confirmation: 'yet another fine sentence',
      });
      assert.equal(replayed.statusCode, 400, 'the code used for the change is spent');

      const oldOne = await signIn(staff);
      assert.equal(oldOne.statusCode, 401);
      const newOne = await signIn(staff, new CookieJar(), { password: newPassword });
      assert.equal(newOne.statusCode, 303);
      const entries = await staffAudit(app, staff.id);
      assert.deepEqual(
        entries.map((e) => e.action),
        ['staff.password_changed'],
      );
      assert.ok(!`${entries[0]!.before}${entries[0]!.after}`.includes('argon2'));
    });
  });
}

describe('staff sign-in rate limit', () => {
  let app: TestApp;
  before(async () => {
    app = await createTestApp();
  });
  after(() => app.close());

  it('allows 20 sign-in attempts per 15 minutes from one address, then answers 429 with the form', async () => {
    const jar = new CookieJar();
    const form = await getPage(app, jar, '/de/admin/sign-in');
    const csrf = csrfOf(form.body);
    for (let i = 0; i < 20; i++) {
      const attempt = await postForm(app, jar, '/de/admin/sign-in', {
        _csrf: csrf,
        email: `guess-${i}@registry.test`,
        password: 'not the password',
        code: '123456',
      });
      assert.equal(attempt.statusCode, 401, `attempt ${i + 1}`);
    }
    const limited = await postForm(app, jar, '/de/admin/sign-in', {
      _csrf: csrf,
      email: 'one-more@registry.test',
      password: 'not the password',
      code: '123456',
    });
    assert.equal(limited.statusCode, 429);
    assert.ok(Number(limited.headers['retry-after']) > 0);
    assert.match(limited.body, /Zu viele Anmeldeversuche von dieser Verbindung/);
    assert.match(limited.body, /id="email"/);
  });
});
