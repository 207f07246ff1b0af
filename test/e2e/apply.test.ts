import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { Language } from '../../src/i18n/languages.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { linkOf } from '../support/accounts.ts';
import {
  axeViolations,
  browserSkip,
  openBrowser,
  type BrowserSession,
} from '../support/browser.ts';
import { ApplyFormPage } from './pages/apply-form-page.ts';
import { ApplyReviewPage } from './pages/apply-review-page.ts';
import { SignInPage } from './pages/sign-in-page.ts';

const skip = browserSkip();

const BELGIAN = {
  company: {
    legalName: 'Bornes Wallonie SA',
    legalForm: 'SA',
    seatCountry: 'BE',
    street: 'Rue de la Loi 1',
    postalCode: '1000',
    city: 'Bruxelles',
    website: 'bornes.example.be',
    legalEntityNumber: '0403.170.701',
    vatNumber: 'BE0403170701',
  },
  applicant: {
    name: 'Élodie Dubois',
    jobTitle: 'Directrice',
    email: 'elodie@example.be',
    phone: '+32 2 123 45 67',
  },
  invoice: {
    street: 'Rue de la Loi 1',
    postalCode: '1000',
    city: 'Bruxelles',
    country: 'BE',
    email: 'factures@example.be',
    vatNumber: '',
    purchaseOrder: 'PO-17',
  },
};

const DUTCH = {
  company: {
    legalName: 'Laadpunt Holland BV',
    legalForm: 'BV',
    seatCountry: 'NL',
    street: 'Damrak 1',
    postalCode: '1012 LG',
    city: 'Amsterdam',
    website: '',
    legalEntityNumber: '12345678',
    vatNumber: '',
  },
  applicant: {
    name: 'Joost de Vries',
    jobTitle: 'Manager',
    email: 'joost@example.nl',
    phone: '+31 20 123 4567',
  },
  invoice: {
    street: 'Damrak 1',
    postalCode: '1012 LG',
    city: 'Amsterdam',
    country: 'NL',
    email: 'facturen@example.nl',
    vatNumber: '',
    purchaseOrder: '',
  },
};

async function noViolations(page: Page, where: string): Promise<void> {
  assert.deepEqual(await axeViolations(page), [], where);
}

/** Signs in through the sign-in page and the mailed link; lands on the account page. */
async function signInAs(app: TestApp, page: Page, baseUrl: string, lang: Language, email: string) {
  const signIn = new SignInPage(page, baseUrl);
  await signIn.open(lang);
  await signIn.requestLink(email);
  const mail = app.mails.filter((m) => m.to === email).at(-1);
  await signIn.followLink(linkOf(mail?.text));
}

/** Fills and saves a step, checking it passes axe first. */
async function saveStep(
  form: ApplyFormPage,
  step: 'company' | 'applicant' | 'invoice',
  values: Record<string, string>,
) {
  assert.equal(form.stepOfUrl(), step);
  await noViolations(form.page, step);
  await form.fillAll(step, values);
  await form.saveAndContinue();
}

/** Without JavaScript, axe cannot run in the page: the same pages are checked with it above. */
async function fillAndSave(
  form: ApplyFormPage,
  step: 'company' | 'applicant' | 'invoice',
  values: Record<string, string>,
) {
  assert.equal(form.stepOfUrl(), step);
  await form.fillAll(step, values);
  await form.saveAndContinue();
}

describe('applying for a code, in Chromium with JavaScript', { skip }, () => {
  let app: TestApp;
  let browser: BrowserSession;
  let page: Page;
  let form: ApplyFormPage;
  let review: ApplyReviewPage;

  before(async () => {
    app = await createTestApp({ seed: true });
    browser = await openBrowser(app, true);
    page = await browser.newPage();
    form = new ApplyFormPage(page, browser.baseUrl);
    review = new ApplyReviewPage(page);
  });
  after(() => browser.close());

  it('a full application in French, with a wrong enterprise number put right', async () => {
    await signInAs(app, page, browser.baseUrl, 'fr', 'elodie@example.be');
    assert.match(page.url(), /\/fr\/account$/);
    await noViolations(page, 'account (empty)');
    await Promise.all([page.waitForEvent('load'), page.locator('main a.button').click()]);
    await noViolations(page, 'intro');
    await form.start();
    assert.equal(await form.stepCount(), 'Étape 1 sur 4');
    await noViolations(page, 'request');
    await form.chooseRole('BOTH');
    await form.chooseCountries(['BE']);
    await form.fill('request-code', 'q7z');
    assert.match(await form.availability(/BE\*Q7Z/), /BE\*Q7Z est libre/);
    await noViolations(page, 'request with availability');
    await form.saveAndContinue();

    await saveStep(form, 'company', { ...BELGIAN.company, legalEntityNumber: '0403.170.702' });
    assert.equal(form.stepOfUrl(), 'company');
    const errors = await form.errorSummary();
    assert.equal(errors.length, 1);
    assert.match(errors[0] ?? '', /numéro d’entreprise belge|entreprise/);
    assert.equal(await form.followError(0), 'company-legalEntityNumber');
    assert.equal(await form.value('company-legalName'), 'Bornes Wallonie SA');
    assert.equal(await form.value('company-legalEntityNumber'), '0403.170.702');
    await noViolations(page, 'company with errors');
    await form.fill('company-legalEntityNumber', '0403.170.701');
    await form.attachExtract({
      name: 'extrait.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n'),
    });
    await form.saveAndContinue();
    await saveStep(form, 'applicant', BELGIAN.applicant);
    await saveStep(form, 'invoice', BELGIAN.invoice);

    assert.equal(form.stepOfUrl(), 'review');
    await noViolations(page, 'review');
    const company = await review.summary('company');
    assert.equal(company['Dénomination sociale'], 'Bornes Wallonie SA');
    assert.equal(company['Pays du siège social'], 'Belgique');
    assert.match(company['Extrait du registre des sociétés (facultatif)'] ?? '', /extrait\.pdf/);
    await review.acceptTerms();
    await review.submit();
    assert.equal(form.stepOfUrl(), 'submitted');
    await noViolations(page, 'confirmation');
    const reference = await review.reference();
    assert.match(
      await review.mainText(),
      /Nous avons envoyé une confirmation à elodie@example\.be/,
    );
    const mail = app.mails.filter((m) => m.to === 'elodie@example.be').at(-1);
    assert.equal(mail?.subject, `Demande ${reference} reçue`);

    await page.goto(`${browser.baseUrl}/fr/account`);
    await noViolations(page, 'account');
    const rows = await review.applicationRows();
    assert.match(rows[0] ?? '', new RegExp(`${reference}[\\s\\S]*Q7Z[\\s\\S]*Envoyée`));
  });

  it('a full application in Dutch: a taken code, a resumed draft and a reload on the way', async () => {
    await page.context().clearCookies();
    await signInAs(app, page, browser.baseUrl, 'nl', 'joost@example.nl');
    await form.openIntro('nl');
    await form.start();
    await form.chooseRole('CPO');
    await form.chooseCountries(['NL']);
    await form.fill('request-code', 'ABL');
    assert.match(await form.availability(/NL\*ABL/), /NL\*ABL is al in gebruik bij iemand anders/);
    await noViolations(page, 'request, taken code');
    const alternatives = await form.alternatives();
    assert.ok(alternatives.length > 0);
    await form.useAlternative(0);
    assert.equal(await form.value('request-code'), alternatives[0]);
    assert.match(
      await form.availability(/ is vrij/),
      new RegExp(`NL\\*${alternatives[0] ?? ''} is vrij`),
    );
    await form.saveAndContinue();
    // A free code may still be held abroad: a warning to read, not a refusal.
    await form.continueIfWarned();

    await form.fillAll('company', { legalName: DUTCH.company.legalName, city: 'Amsterdam' });
    await form.saveAndContinue();
    assert.ok((await form.errorSummary()).length > 0);
    await page.reload();
    assert.equal(await form.value('company-legalName'), 'Laadpunt Holland BV');
    assert.equal(await form.value('company-city'), 'Amsterdam');
    await saveStep(form, 'company', DUTCH.company);
    assert.equal(form.stepOfUrl(), 'applicant');
    await form.fill('applicant-name', DUTCH.applicant.name);

    // Leave, come back through the intro: the draft resumes where it was.
    await page.goto(`${browser.baseUrl}/nl/account`);
    await form.openIntro('nl');
    await noViolations(page, 'intro with a draft');
    await form.resume();
    assert.equal(form.stepOfUrl(), 'applicant');
    await form.back();
    assert.equal(await form.value('company-legalEntityNumber'), '12345678');
    assert.equal(await form.value('company-legalName'), 'Laadpunt Holland BV');
    await form.saveAndContinue();
    await saveStep(form, 'applicant', DUTCH.applicant);
    await saveStep(form, 'invoice', DUTCH.invoice);
    await review.acceptTerms();
    await review.submit();
    const reference = await review.reference();
    assert.match(
      await review.mainText(),
      /Wij hebben een bevestiging gestuurd naar joost@example\.nl/,
    );
    const mail = app.mails.filter((m) => m.to === 'joost@example.nl').at(-1);
    assert.equal(mail?.subject, `Aanvraag ${reference} ontvangen`);
  });
});

describe('applying for a code, in Chromium without JavaScript', { skip }, () => {
  let app: TestApp;
  let browser: BrowserSession;
  let page: Page;

  before(async () => {
    app = await createTestApp({ seed: true });
    browser = await openBrowser(app, false);
    page = await browser.newPage();
  });
  after(() => browser.close());

  it('goes the whole way: taken code, alternatives, every step, review, submit, withdraw', async () => {
    const form = new ApplyFormPage(page, browser.baseUrl);
    const review = new ApplyReviewPage(page);
    await page.goto(`${browser.baseUrl}/en/apply`);
    await Promise.all([page.waitForEvent('load'), page.locator('main a.button').click()]);
    assert.match(page.url(), /\/en\/sign-in\?next=%2Fen%2Fapply$/);
    const signIn = new SignInPage(page, browser.baseUrl);
    await signIn.requestLink('nojs@example.be');
    await signIn.followLink(
      linkOf(app.mails.filter((m) => m.to === 'nojs@example.be').at(-1)?.text),
    );
    assert.match(page.url(), /\/en\/apply$/);
    await form.start();
    await form.chooseRole('EMSP');
    await form.chooseCountries(['NL']);
    await form.fill('request-code', 'nl-abl');
    await form.saveAndContinue();
    assert.match((await form.errorSummary()).join(' '), /already held/);
    const alternatives = await form.alternatives();
    assert.ok(alternatives.length > 0);
    await Promise.all([page.waitForEvent('load'), form.useAlternative(0)]);
    assert.equal(await form.value('request-code'), alternatives[0]);
    assert.deepEqual(await form.checkedCountries(), ['NL']);
    await form.chooseCountries(['BE', 'NL']);
    await form.saveAndContinue();
    await form.continueIfWarned();
    await fillAndSave(form, 'company', { ...BELGIAN.company, legalName: 'No Script BV' });
    await fillAndSave(form, 'applicant', { ...BELGIAN.applicant, name: 'Nora Script' });
    await fillAndSave(form, 'invoice', BELGIAN.invoice);
    await review.submit();
    assert.match((await form.errorSummary()).join(' '), /Accept the terms and conditions/);
    await review.acceptTerms();
    await review.submit();
    const reference = await review.reference();
    assert.equal(
      app.mails.filter((m) => m.to === 'nojs@example.be').at(-1)?.subject,
      `Application ${reference} received`,
    );

    await page.goto(`${browser.baseUrl}/en/account`);
    await review.withdraw(reference);
    assert.match(await review.notice(), new RegExp(`Application ${reference} has been withdrawn`));
  });
});
