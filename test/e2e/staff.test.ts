import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../support/app.ts';
import {
  axeViolations,
  browserSkip,
  openBrowser,
  type BrowserSession,
} from '../support/browser.ts';
import { totpCode } from '../support/staff.ts';
import { enrolmentLinkOf, staffCli } from '../integration/staff-helpers.ts';
import { StaffAdminPage } from './pages/staff-admin-page.ts';
import { StaffEnrolPage } from './pages/staff-enrol-page.ts';
import { StaffSignInPage } from './pages/staff-sign-in-page.ts';

const skip = browserSkip();
const PASSWORD = 'harbour lights at seven';

describe('staff enrolment and sign-in with TOTP, in Chromium', { skip }, () => {
  let app: TestApp;
  let browser: BrowserSession;
  let enrolPage: StaffEnrolPage;
  let signIn: StaffSignInPage;
  let admin: StaffAdminPage;

  before(async () => {
    app = await createTestApp();
    browser = await openBrowser(app);
    const page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    enrolPage = new StaffEnrolPage(page);
    signIn = new StaffSignInPage(page, browser.baseUrl);
    admin = new StaffAdminPage(page, browser.baseUrl);
  });
  after(() => browser.close());

  /** A link printed by `idro staff add`, pointed at the browser's server. */
  async function addByCli(email: string, lang: string): Promise<string> {
    const run = await staffCli(app, ['add', '--email', email, '--role', 'admin', '--lang', lang]);
    assert.equal(run.code, 0, run.stderr);
    const link = new URL(enrolmentLinkOf(run.stdout));
    return `${browser.baseUrl}${link.pathname}`;
  }

  it('enrols from the link: password, QR code and secret, then a code from the secret', async () => {
    const link = await addByCli('lea@registry.test', 'fr');
    assert.equal(await enrolPage.open(link), 200);
    assert.equal(await admin.heading(), 'Choisissez votre mot de passe');
    assert.deepEqual(await axeViolations(enrolPage.page), []);

    await enrolPage.choosePassword('lea@registry.test');
    assert.deepEqual(await admin.errorSummary(), [
      'Le mot de passe ne doit pas être votre adresse e-mail, ni construit à partir d’elle.',
    ]);
    assert.deepEqual(await axeViolations(enrolPage.page), []);

    await enrolPage.choosePassword(PASSWORD);
    assert.equal(await admin.heading(), 'Enregistrez votre application d’authentification');
    assert.match((await enrolPage.qrLabel()) ?? '', /^Code QR contenant votre clé secrète/);
    assert.deepEqual(await axeViolations(enrolPage.page), []);
    const secret = await enrolPage.secret();

    await enrolPage.confirm('000000');
    assert.equal((await admin.errorSummary()).length, 1);
    assert.deepEqual(await axeViolations(enrolPage.page), []);
    await enrolPage.confirm(await totpCode(secret));
    const cookies = await browser.context.cookies();
    assert.ok(cookies.some((c) => c.name === 'idro_staff' && c.httpOnly));

    // Signed in: the own-account and management pages, in two languages, pass axe.
    for (const lang of ['fr', 'en'] as const) {
      for (const path of ['/admin/security', '/admin/staff', '/admin/sign-out']) {
        assert.equal(await admin.goto(`/${lang}${path}`), 200, `${lang}${path}`);
        assert.deepEqual(await axeViolations(admin.page), [], `${lang}${path}`);
      }
    }

    // Adding a colleague from the staff page shows its link once.
    await admin.goto('/en/admin/staff');
    const colleague = await admin.addMember('omar@registry.test', 'reviewer', 'nl');
    assert.match(colleague, /\/nl\/admin\/enrol\/[\w-]{43}$/);
    assert.deepEqual(await axeViolations(admin.page), []);
    await admin.page.getByRole('link', { name: 'omar@registry.test' }).click();
    await admin.page.waitForLoadState();
    assert.equal(await admin.heading(), 'Staff member omar@registry.test');
    assert.deepEqual(await axeViolations(admin.page), []);

    // Sign out, then back in with the password and a code from the same secret.
    await admin.goto('/en/admin/sign-out');
    await admin.press('Sign out');
    assert.equal(await admin.goto('/en/admin/security'), 200);
    assert.equal(await admin.heading(), 'Sign in to the back office');
    assert.deepEqual(await axeViolations(signIn.page), []);
    await signIn.fill('lea@registry.test', 'wrong password here', '123456');
    assert.match((await admin.errorSummary())[0] ?? '', /is not right/);
    assert.deepEqual(await axeViolations(signIn.page), []);
    // The code of the next 30-second step: the one used to enrol is never accepted again.
    const next = await totpCode(secret, new Date(Date.now() + 30_000));
    await signIn.fill('lea@registry.test', PASSWORD, next);
    assert.equal(await admin.goto('/en/admin/security'), 200);
    assert.equal(await admin.heading(), 'Your security');
  });

  it('shows a clear page for a link that does not work, in every language, passing axe', async () => {
    for (const lang of ['en', 'nl', 'de', 'fr'] as const) {
      assert.equal(await admin.goto(`/${lang}/admin/enrol/${'A'.repeat(43)}`), 410);
      assert.deepEqual(await axeViolations(admin.page), [], lang);
    }
    assert.equal(await admin.heading(), 'Ce lien d’activation ne fonctionne pas');
    assert.equal(await signIn.open('de'), 200);
    assert.deepEqual(await axeViolations(signIn.page), []);
  });
});
