import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { changeStaffRole } from '../../src/app/staff/change-staff-role.ts';
import { disableStaffMember } from '../../src/app/staff/disable-staff-member.ts';
import { DomainError } from '../../src/domain/errors.ts';
import { CookieJar, csrfOf, getPage, postForm } from '../support/accounts.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { DIALECTS, dialectSkip } from '../support/databases.ts';
import { createStaff, type TestStaff } from '../support/staff.ts';
import { enrol, enrolmentLinkOf, staffAudit, staffIdOf, testClock } from './staff-helpers.ts';

/** Every page of staff management, as GET paths and as POST paths with a form. */
function managementRoutes(id: string) {
  return {
    get: ['/en/admin/staff', `/en/admin/staff/${id}`],
    post: [
      '/en/admin/staff',
      `/en/admin/staff/${id}/role`,
      `/en/admin/staff/${id}/disable`,
      `/en/admin/staff/${id}/enable`,
      `/en/admin/staff/${id}/enrolment`,
    ],
  };
}

for (const dialect of DIALECTS) {
  describe(`staff management on ${dialect}`, { skip: dialectSkip(dialect) }, () => {
    let app: TestApp;
    const clock = testClock();
    let admin: TestStaff;
    let reviewer: TestStaff;

    before(async () => {
      app = await createTestApp({ dialect, clock, env: { PUBLIC_URL: 'https://idro.test' } });
      admin = await createStaff(app, { role: 'admin', email: 'admin@registry.test' });
      reviewer = await createStaff(app, { role: 'reviewer', email: 'rev@registry.test' });
    });
    after(() => app.close());

    it('is for admins: the anonymous go to sign-in, reviewers and applicants get 403', async () => {
      const routes = managementRoutes(reviewer.id);
      for (const path of routes.get) {
        const anonymous = await getPage(app, new CookieJar(), path);
        assert.equal(anonymous.statusCode, 303, path);
        assert.equal(
          anonymous.headers.location,
          `/en/admin/sign-in?next=${encodeURIComponent(path)}`,
        );
        const asReviewer = await getPage(app, reviewer.jar, path);
        assert.equal(asReviewer.statusCode, 403, path);
        assert.equal((await getPage(app, admin.jar, path)).statusCode, 200, path);
      }
      const security = await getPage(app, reviewer.jar, '/en/admin/security');
      for (const path of routes.post) {
        const anonymous = await postForm(app, new CookieJar(), path, { role: 'admin' });
        assert.equal(anonymous.statusCode, 303, path);
        assert.equal(anonymous.headers.location, '/en/admin/sign-in');
        const asReviewer = await postForm(app, reviewer.jar, path, {
          _csrf: csrfOf(security.body),
          role: 'admin',
          email: 'sneaky@registry.test',
        });
        assert.equal(asReviewer.statusCode, 403, path);
      }
      const reviewerRow = await app.db
        .selectFrom('staff')
        .select(['role', 'disabled_at'])
        .where('id', '=', reviewer.id)
        .executeTakeFirstOrThrow();
      assert.deepEqual(reviewerRow, { role: 'reviewer', disabled_at: null });
      assert.equal((await app.db.selectFrom('audit_entry').selectAll().execute()).length, 0);
      // The applicants' session cookie opens nothing here.
      const applicant = new CookieJar();
      applicant.set('idro_session', admin.jar.get('idro_staff')!);
      assert.equal((await getPage(app, applicant, '/en/admin/staff')).statusCode, 303);
      // Without the CSRF token an admin's form changes nothing either.
      const forged = await postForm(app, admin.jar, `/en/admin/staff/${reviewer.id}/disable`, {});
      assert.equal(forged.statusCode, 403);
    });

    it('lists the staff, adds a member and shows its enrolment link once (audited)', async () => {
      const list = await getPage(app, admin.jar, '/fr/admin/staff');
      assert.match(list.body, /admin@registry\.test/);
      assert.match(list.body, /rev@registry\.test/);
      assert.match(list.body, /Évaluateur/);
      assert.match(list.body, /Activé/);
      const csrf = csrfOf(list.body);
      const bad = await postForm(app, admin.jar, '/fr/admin/staff', {
        _csrf: csrf,
        email: 'not an address',
        name: '',
        role: 'overlord',
        lang: 'fr',
      });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /au bon format/);
      assert.match(bad.body, /Choisissez évaluateur ou administrateur/);
      const taken = await postForm(app, admin.jar, '/fr/admin/staff', {
        _csrf: csrf,
        email: 'REV@registry.test',
        name: '',
        role: 'reviewer',
        lang: 'fr',
      });
      assert.equal(taken.statusCode, 409);

      const added = await postForm(app, admin.jar, '/fr/admin/staff', {
        _csrf: csrf,
        email: 'Nina@Registry.test',
        name: 'Nina Schmit',
        role: 'reviewer',
        lang: 'de',
      });
      assert.equal(added.statusCode, 201);
      const link = enrolmentLinkOf(added.body);
      assert.ok(link.startsWith('https://idro.test/de/admin/enrol/'), link);
      assert.match(added.body, /Il n’est affiché qu’une seule fois/);
      assert.match(added.body, /En attente d’activation/);
      const again = await getPage(app, admin.jar, '/fr/admin/staff');
      assert.ok(!again.body.includes(link), 'the link is shown once only');
      const id = await staffIdOf(app, 'nina@registry.test');
      const [created] = await staffAudit(app, id);
      assert.equal(created?.action, 'staff.created');
      assert.equal(created.actor_type, 'staff');
      assert.equal(created.actor_id, admin.id);
      assert.equal(created.actor_label, 'admin@registry.test');
      const { jar } = await enrol(app, link, 'a long and quiet morning', clock);
      assert.equal((await getPage(app, jar, '/de/admin/security')).statusCode, 200);
      const listed = await getPage(app, admin.jar, '/en/admin/staff');
      assert.match(listed.body, /Nina Schmit/);
    });

    it('changes roles, disables and re-enables, issues a new link: each audited with before and after', async () => {
      const member = await createStaff(app, { role: 'reviewer', email: 'max@registry.test' });
      const page = await getPage(app, admin.jar, `/en/admin/staff/${member.id}`);
      assert.match(page.body, /Staff member max@registry\.test/);
      const csrf = csrfOf(page.body);
      const post = (action: string, fields: Record<string, string> = {}) =>
        postForm(app, admin.jar, `/en/admin/staff/${member.id}/${action}`, {
          _csrf: csrf,
          ...fields,
        });

      const promoted = await post('role', { role: 'admin' });
      assert.equal(promoted.statusCode, 303);
      assert.equal(promoted.headers.location, `/en/admin/staff/${member.id}?changed=role`);
      const shown = await getPage(app, admin.jar, promoted.headers.location);
      assert.match(shown.body, /The role has been changed/);
      assert.equal((await post('role', { role: 'chief' })).statusCode, 400);

      assert.equal((await getPage(app, member.jar, '/en/admin/security')).statusCode, 200);
      assert.equal((await post('disable')).statusCode, 303);
      assert.equal((await getPage(app, member.jar, '/en/admin/security')).statusCode, 303);
      const disabledPage = await getPage(app, admin.jar, `/en/admin/staff/${member.id}`);
      assert.match(disabledPage.body, /Re-enable this member/);
      const refusedLink = await post('enrolment');
      assert.equal(refusedLink.statusCode, 409);
      assert.match(refusedLink.body, /Re-enable the member before/);
      assert.equal((await post('enable')).statusCode, 303);

      const newLink = await post('enrolment');
      assert.equal(newLink.statusCode, 200);
      assert.match(newLink.body, /https:\/\/idro\.test\/en\/admin\/enrol\/[\w-]{43}/);

      const entries = await staffAudit(app, member.id);
      assert.deepEqual(
        entries.map((e) => e.action),
        ['staff.role_changed', 'staff.disabled', 'staff.enabled', 'staff.enrolment_reset'],
      );
      for (const entry of entries) {
        assert.equal(entry.actor_id, admin.id);
        const text = `${entry.before}${entry.after}`;
        assert.ok(!text.includes('argon2') && !text.includes(member.totpSecret), entry.action);
      }
      const view = (text: string | null) => JSON.parse(text ?? 'null') as Record<string, unknown>;
      const change = (i: number, key: string) => [
        view(entries[i]!.before)[key],
        view(entries[i]!.after)[key],
      ];
      assert.deepEqual(change(0, 'role'), ['reviewer', 'admin']);
      assert.deepEqual(change(1, 'disabled'), [false, true]);
      assert.deepEqual(change(2, 'disabled'), [true, false]);
      assert.deepEqual(change(3, 'enrolled'), [true, false]);
    });

    it('keeps an admin from demoting or disabling itself, and the last active admin in place', async () => {
      const page = await getPage(app, admin.jar, `/en/admin/staff/${admin.id}`);
      assert.match(page.body, /This is your own account/);
      assert.doesNotMatch(page.body, /Disable this member/);
      const csrf = csrfOf((await getPage(app, admin.jar, '/en/admin/staff')).body);
      const demote = await postForm(app, admin.jar, `/en/admin/staff/${admin.id}/role`, {
        _csrf: csrf,
        role: 'reviewer',
      });
      assert.equal(demote.statusCode, 409);
      assert.match(demote.body, /You cannot change your own role/);
      const disable = await postForm(app, admin.jar, `/en/admin/staff/${admin.id}/disable`, {
        _csrf: csrf,
      });
      assert.equal(disable.statusCode, 409);
      assert.match(disable.body, /You cannot disable your own account/);
      const reset = await postForm(app, admin.jar, `/en/admin/staff/${admin.id}/enrolment`, {
        _csrf: csrf,
      });
      assert.equal(reset.statusCode, 409);

      // Leave one active admin: the command-line tool (no self) still cannot remove it.
      const others = await app.db
        .selectFrom('staff')
        .select('id')
        .where('role', '=', 'admin')
        .where('id', '!=', admin.id)
        .execute();
      for (const { id } of others) {
        await disableStaffMember(app.backOffice.staff, { type: 'cli' }, { id });
      }
      const cli = { type: 'cli' } as const;
      await assert.rejects(
        changeStaffRole(app.backOffice.staff, cli, { id: admin.id }, 'reviewer'),
        (e: unknown) => e instanceof DomainError && e.fieldErrors[0]?.code === 'last_admin',
      );
      await assert.rejects(
        disableStaffMember(app.backOffice.staff, cli, { id: admin.id }),
        (e: unknown) => e instanceof DomainError && e.fieldErrors[0]?.code === 'last_admin',
      );
      const row = await app.db
        .selectFrom('staff')
        .select(['role', 'disabled_at'])
        .where('id', '=', admin.id)
        .executeTakeFirstOrThrow();
      assert.deepEqual(row, { role: 'admin', disabled_at: null });
    });

    it('two admins demoting each other at the same moment leave one admin', async () => {
      const a = await createStaff(app, { role: 'admin' });
      const b = await createStaff(app, { role: 'admin' });
      // Only a and b are active admins from here on.
      const others = await app.db
        .selectFrom('staff')
        .select('id')
        .where('role', '=', 'admin')
        .where('id', 'not in', [a.id, b.id])
        .execute();
      for (const { id } of others) {
        await changeStaffRole(app.backOffice.staff, { type: 'cli' }, { id }, 'reviewer');
      }
      const results = await Promise.allSettled([
        changeStaffRole(
          app.backOffice.staff,
          { type: 'staff', member: { ...a, name: null, lang: 'en' } },
          { id: b.id },
          'reviewer',
        ),
        changeStaffRole(
          app.backOffice.staff,
          { type: 'staff', member: { ...b, name: null, lang: 'en' } },
          { id: a.id },
          'reviewer',
        ),
      ]);
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
      const admins = await app.db
        .selectFrom('staff')
        .select('id')
        .where('role', '=', 'admin')
        .where('disabled_at', 'is', null)
        .execute();
      assert.equal(admins.length, 1);
    });
  });
}
