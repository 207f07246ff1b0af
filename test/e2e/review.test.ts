import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { createSmtpMailer } from '../../src/email/smtp-mailer.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { linkOf } from '../support/accounts.ts';
import { TINY_PDF } from '../support/applicants.ts';
import {
  axeViolations,
  browserSkip,
  openBrowser,
  type BrowserSession,
} from '../support/browser.ts';
import { startSmtp, type TestSmtp } from '../support/smtp.ts';
import { createStaff, type TestStaff } from '../support/staff.ts';
import { submitApplication, type SubmittedApplication } from '../support/submitted-application.ts';
import { ApplyReviewPage } from './pages/apply-review-page.ts';
import { ReviewPages } from './pages/review-pages.ts';
import { SignInPage } from './pages/sign-in-page.ts';
import { StaffSignInPage } from './pages/staff-sign-in-page.ts';

const skip = browserSkip();

async function noViolations(page: Page, where: string): Promise<void> {
  assert.deepEqual(await axeViolations(page), [], where);
}

describe('a reviewer approves an application, in Chromium', { skip }, () => {
  let app: TestApp;
  let browser: BrowserSession;
  let page: Page;
  let review: ReviewPages;
  let reviewer: TestStaff;
  let application: SubmittedApplication;

  before(async () => {
    app = await createTestApp({});
    application = await submitApplication(app, { lang: 'fr', pdf: TINY_PDF });
    reviewer = await createStaff(app, { role: 'reviewer' });
    browser = await openBrowser(app, true);
    page = await browser.newPage();
    review = new ReviewPages(page, browser.baseUrl);
  });
  after(() => browser.close());

  it('signs in with TOTP, approves, and the code is in the register and the resolve API', async () => {
    await new StaffSignInPage(page, browser.baseUrl).signInAs('en', reviewer);
    assert.match(page.url(), /\/en\/admin$/, 'the queue after signing in');
    await noViolations(page, 'queue');
    const rows = await review.queueRows();
    assert.equal(rows.length, 1);
    assert.match(rows[0] ?? '', new RegExp(`${application.reference}[\\s\\S]*BE\\*Q7Z`));
    assert.match(rows[0] ?? '', /10 working days left/);

    await review.openApplication(application.reference);
    assert.equal(await review.heading(), `Application ${application.reference}`);
    await noViolations(page, 'application');
    const checks = await review.checks();
    assert.match(checks['Legal-entity number'] ?? '', /0403\.170\.701 is a valid Belgian/);
    assert.match(checks['Code availability now'] ?? '', /BE\*Q7Z is free/);
    assert.match((await review.overview()).Applicant ?? '', /writes in French/);

    await review.chooseDecision('approve');
    await noViolations(page, 'approve confirmation');
    await review.decide('Registry extract checked.');
    assert.match(page.url(), /\?done=approved$/);
    assert.match(await review.notice(), /BE\*Q7Z issued and published in the register/);
    await noViolations(page, 'approved');
    assert.equal((await review.overview()).Status, 'Approved');

    const party = await page.goto(`${browser.baseUrl}/en/register/BE/Q7Z`);
    assert.equal(party?.status(), 200);
    assert.match(await page.locator('main').innerText(), /Laadpalen Vlaanderen NV/);
    const resolved = await page.request.get(`${browser.baseUrl}/api/v1/resolve/BE*Q7Z*E1*1`);
    const body = (await resolved.json()) as {
      registered: boolean;
      inForce: boolean;
      party: { status: string } | null;
    };
    assert.deepEqual(
      { registered: body.registered, inForce: body.inForce, status: body.party?.status },
      { registered: true, inForce: true, status: 'active' },
    );
    const mail = app.mails.filter((m) => m.to === application.applicant.email).at(-1);
    assert.equal(mail?.subject, `Demande ${application.reference} acceptée`);
  });
});

describe('a rejection reaches the applicant’s mailbox in Dutch, in Chromium', { skip }, () => {
  let smtp: TestSmtp;
  let mailer: ReturnType<typeof createSmtpMailer>;
  let app: TestApp;
  let browser: BrowserSession;
  let page: Page;
  let review: ReviewPages;
  let application: SubmittedApplication;

  before(async () => {
    smtp = await startSmtp();
    mailer = createSmtpMailer(smtp.url, 'IDRO <no-reply@idro.test>');
    app = await createTestApp({ mailer });
    application = await submitApplication(app, { lang: 'nl' });
    await smtp.waitFor(1);
    browser = await openBrowser(app, true);
    page = await browser.newPage();
    review = new ReviewPages(page, browser.baseUrl);
  });
  after(async () => {
    await browser.close();
    mailer.close();
    await smtp.close();
  });

  it('asks for a reason, then mails it in the application’s language', async () => {
    const reviewer = await createStaff(app, { role: 'reviewer', lang: 'nl' });
    await new StaffSignInPage(page, browser.baseUrl).signInAs('nl', reviewer);
    await review.openApplication(application.reference);
    await review.chooseDecision('reject');
    assert.equal(await review.heading(), `Aanvraag ${application.reference} afwijzen`);
    await noViolations(page, 'reject');
    await review.decide('');
    assert.deepEqual(await review.errorSummary(), ['Geef de reden van de afwijzing.']);
    await noViolations(page, 'reject without a reason');
    await review.decide('Het ondernemingsnummer hoort bij een ander bedrijf.');
    assert.match(await review.notice(), /is afgewezen/);
    await noViolations(page, 'rejected');

    const mail = await smtp.waitFor(2);
    assert.equal(
      mail.to && !Array.isArray(mail.to) ? mail.to.text : '',
      application.applicant.email,
    );
    assert.equal(mail.subject, `Aanvraag ${application.reference} afgewezen`);
    assert.match(mail.text ?? '', /Het spijt ons/);
    assert.match(mail.text ?? '', /Het ondernemingsnummer hoort bij een ander bedrijf\./);
    assert.match(String(mail.html), /<html[^>]*lang="nl"/);
  });
});

describe('more information, asked and answered, in Chromium', { skip }, () => {
  let app: TestApp;
  let browser: BrowserSession;
  let page: Page;
  let review: ReviewPages;
  let application: SubmittedApplication;

  before(async () => {
    app = await createTestApp({});
    application = await submitApplication(app, { lang: 'fr' });
    browser = await openBrowser(app, true);
    page = await browser.newPage();
    review = new ReviewPages(page, browser.baseUrl);
  });
  after(() => browser.close());

  it('pauses the application, which the applicant changes and sends again', async () => {
    const reviewer = await createStaff(app, { role: 'admin', lang: 'fr' });
    await new StaffSignInPage(page, browser.baseUrl).signInAs('fr', reviewer);
    await review.openApplication(application.reference);
    await review.chooseDecision('requestInfo');
    await noViolations(page, 'request information');
    await review.decide('Merci de joindre un extrait récent de la BCE.');
    assert.match(await review.notice(), /Votre question a été envoyée/);
    assert.match((await review.overview())['Dix jours ouvrables'] ?? '', /Suspendu/);
    await noViolations(page, 'information requested');
    await review.openQueue('fr');
    assert.match((await review.queueRows())[0] ?? '', /Suspendu/);
    await noViolations(page, 'queue with a paused application');

    // The applicant, in another browser profile: the question, the change, sent again.
    await page.context().clearCookies();
    const signIn = new SignInPage(page, browser.baseUrl);
    await signIn.open('fr');
    await signIn.requestLink(application.applicant.email);
    const link = app.mails.filter((m) => m.to === application.applicant.email).at(-1);
    await signIn.followLink(linkOf(link?.text));
    const applicant = new ApplyReviewPage(page);
    await noViolations(page, 'account with a question');
    assert.match((await applicant.applicationRows())[0] ?? '', /Répondre et renvoyer/);
    await Promise.all([
      page.waitForEvent('load'),
      page.locator('table.apply-table a', { hasText: 'Répondre et renvoyer' }).click(),
    ]);
    assert.match(await applicant.mainText(), /Merci de joindre un extrait récent de la BCE\./);
    await noViolations(page, 'review with the question');
    await applicant.acceptTerms();
    await applicant.submit();
    assert.match(page.url(), /\/submitted$/);
    await noViolations(page, 'sent again');
    const status = await page.request.get(
      `${browser.baseUrl}/api/v1/applications/${application.id}`,
      {
        headers: application.applicant.headers,
      },
    );
    assert.equal(((await status.json()) as { status: string }).status, 'submitted');
  });
});
