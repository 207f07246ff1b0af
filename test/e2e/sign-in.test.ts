import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { MailMessage } from '../../src/app/ports.ts';
import { createTestApp } from '../support/app.ts';
import { linkOf } from '../support/accounts.ts';
import {
  axeViolations,
  browserSkip,
  openBrowser,
  type BrowserSession,
} from '../support/browser.ts';
import { SignInPage } from './pages/sign-in-page.ts';

const skip = browserSkip();

describe('signing in by e-mailed link, in Chromium', { skip }, () => {
  let browser: BrowserSession;
  let mails: MailMessage[];
  let signIn: SignInPage;

  before(async () => {
    const app = await createTestApp();
    mails = app.mails;
    browser = await openBrowser(app);
    const page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    signIn = new SignInPage(page, browser.baseUrl);
  });
  after(() => browser.close());

  it('shows a linked error summary for a bad address', async () => {
    await signIn.open('en');
    await signIn.requestLink('not an address');
    assert.deepEqual(await signIn.errorSummary(), [
      'Enter an e-mail address in the right format, like name@example.com.',
    ]);
    assert.deepEqual(await axeViolations(signIn.page), []);
  });

  it('signs in through the mailed link, and every account page passes axe in two languages', async () => {
    await signIn.open('fr');
    assert.deepEqual(await axeViolations(signIn.page), []);
    await signIn.requestLink('Browser@Example.com');
    assert.equal(await signIn.heading(), 'Consultez votre boîte de réception');
    assert.deepEqual(await axeViolations(signIn.page), []);
    const mail = mails.at(-1);
    assert.ok(mail !== undefined);
    assert.equal(mail.to, 'browser@example.com');
    const link = linkOf(mail.text);
    await signIn.page.goto(link);
    assert.deepEqual(await axeViolations(signIn.page), []);
    await signIn.followLink(link);
    for (const lang of ['fr', 'nl'] as const) {
      for (const path of ['/account/team', '/account/tokens', '/sign-out']) {
        assert.equal(await signIn.goto(`/${lang}${path}`), 200, path);
        assert.deepEqual(await axeViolations(signIn.page), [], `${lang}${path}`);
      }
    }
    await signIn.goto('/nl/account/tokens');
    await signIn.page.locator('#name').fill('CI');
    await signIn.page.locator('main form button[type="submit"]').last().click();
    await signIn.page.waitForLoadState();
    assert.match(await signIn.page.locator('#new-token').innerText(), /^idro_/);
    assert.deepEqual(await axeViolations(signIn.page), []);

    await signIn.goto('/en/sign-out');
    await signIn.page.locator('main form button').first().click();
    await signIn.page.waitForLoadState();
    assert.equal(await signIn.goto('/en/account/team'), 200);
    assert.equal(await signIn.heading(), 'Sign in');
  });
});
