import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { approveRequest } from '../../src/app/lifecycle/approve-request.ts';
import { proposeWithdrawal } from '../../src/app/lifecycle/propose-withdrawal.ts';
import { linkOf } from '../support/accounts.ts';
import { createApplicant } from '../support/applicants.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import {
  axeViolations,
  browserSkip,
  openBrowser,
  type BrowserSession,
} from '../support/browser.ts';
import { issueCode } from '../support/lifecycle.ts';
import { createStaff, type TestStaff } from '../support/staff.ts';
import { AccountRequestsPage } from './pages/account-requests-page.ts';
import { AdminCodesPage } from './pages/admin-codes-page.ts';
import { AdminRequestsPage } from './pages/admin-requests-page.ts';
import { PartyPage } from './pages/party-page.ts';
import { SignInPage } from './pages/sign-in-page.ts';
import { StaffSignInPage } from './pages/staff-sign-in-page.ts';

async function noViolations(page: Page, where: string): Promise<void> {
  assert.deepEqual(await axeViolations(page), [], where);
}

describe('the lifecycle of an issued ID, in Chromium', { skip: browserSkip() }, () => {
  let app: TestApp;
  let browser: BrowserSession;
  let page: Page;
  let admin1: TestStaff;
  let admin2: TestStaff;
  let holderEmail: string;

  before(async () => {
    app = await createTestApp();
    const seller = await issueCode(app, 'BETRF', { legalName: 'Seller Laadpalen BV' });
    await issueCode(app, 'NLBUY', { legalName: 'Buyer Charging NV', seatCountry: 'NL' });
    await issueCode(app, 'LUHLD', { id: seller.holderId });
    holderEmail = (await createApplicant(app, { holderId: seller.holderId })).email;
    admin1 = await createStaff(app, { role: 'admin', email: 'anna.admin@registry.test' });
    admin2 = await createStaff(app, { role: 'admin', email: 'bert.admin@registry.test' });
    browser = await openBrowser(app, true);
    page = await browser.newPage();
  });
  after(() => browser.close());

  it('a transfer needs two admins: proposed by one, approved by the other, then public', async () => {
    const signIn = new StaffSignInPage(page, browser.baseUrl);
    const codes = new AdminCodesPage(page, browser.baseUrl);
    const queue = new AdminRequestsPage(page, browser.baseUrl);
    const party = new PartyPage(page, browser.baseUrl);

    await signIn.signInAs('en', admin1);
    assert.equal(await codes.open('en'), 200);
    await noViolations(page, 'codes, empty search');
    await codes.search('seller');
    assert.deepEqual(await codes.results(), ['BE*TRF', 'LU*HLD']);
    await noViolations(page, 'codes found');
    await codes.openResult('BE*TRF');
    assert.equal(new URL(page.url()).pathname, '/en/admin/codes/BETRF');
    await noViolations(page, 'code page');
    assert.match((await codes.summary()).Holder ?? '', /^Seller Laadpalen BV/);

    await codes.proposeTransferTo('', 'acquisition', 'Share purchase of 2026-11-01');
    assert.deepEqual(await codes.errorSummary(), [
      'Enter a code the receiving holder already has.',
    ]);
    await noViolations(page, 'code page with an error');
    await codes.proposeTransferTo('nl*buy', 'acquisition', 'Share purchase of 2026-11-01');
    assert.equal(
      await codes.notice(),
      'The transfer has been proposed. Another admin must approve it.',
    );
    assert.equal(await codes.hasOperation('transfer'), false, 'one open request at a time');

    // Nothing public yet.
    await party.open('en', 'BE', 'TRF');
    assert.equal(await party.lead(), 'Held by Seller Laadpalen BV.');

    // The proposer sees no approve button, and a forged approval is refused.
    assert.equal(await queue.open('en'), 200);
    await noViolations(page, 'queue, own proposal');
    assert.match(await queue.text('Transfer of BE*TRF'), /You proposed this\./);
    assert.deepEqual(await queue.buttons('Transfer of BE*TRF'), ['Cancel for BE*TRF']);
    const id = await app.db
      .selectFrom('lifecycle_request')
      .select('id')
      .where('code_key', '=', 'BETRF')
      .executeTakeFirstOrThrow();
    const forged = await page.request.post(
      `${browser.baseUrl}/en/admin/requests/${id.id}/approve`,
      { form: { _csrf: await queue.csrf() }, headers: { accept: 'text/html' } },
    );
    assert.equal(forged.status(), 403);
    await party.open('en', 'BE', 'TRF');
    assert.equal(await party.lead(), 'Held by Seller Laadpalen BV.');

    // The second admin signs in on the same browser, and approves.
    await page.context().clearCookies();
    await signIn.signInAs('en', admin2);
    await queue.open('en');
    assert.deepEqual(await queue.buttons('Transfer of BE*TRF'), [
      'Approve for BE*TRF',
      'Reject for BE*TRF',
    ]);
    assert.match(await queue.text('Transfer of BE*TRF'), /anna\.admin@registry\.test/);
    await noViolations(page, 'queue, to approve');
    await queue.decide('Transfer of BE*TRF', 'Approve for BE*TRF', 'Agreement checked');
    assert.equal(await queue.notice(), 'Approved: the change has taken effect.');
    await noViolations(page, 'queue, after approval');

    await party.open('en', 'BE', 'TRF');
    assert.equal(await party.lead(), 'Held by Buyer Charging NV.');
    await noViolations(page, 'party page after the transfer');
    const history = await party.history();
    assert.deepEqual(
      history.map((h) => [h.event, h.reason]),
      [
        ['Code issued', 'Issued after review of the application.'],
        ['Transferred to another holder', 'Acquisition of the holder'],
      ],
    );
    await party.open('de', 'BE', 'TRF');
    assert.deepEqual((await party.history()).at(-1)?.reason, 'Übernahme des Inhabers');
  });

  it('a holder asks from its account; the request reaches the staff queue', async () => {
    await page.context().clearCookies();
    const signIn = new SignInPage(page, browser.baseUrl);
    await signIn.open('fr');
    await signIn.requestLink(holderEmail);
    await signIn.followLink(linkOf(app.mails.filter((m) => m.to === holderEmail).at(-1)?.text));

    const requests = new AccountRequestsPage(page, browser.baseUrl);
    assert.equal(await requests.open('fr'), 200);
    await noViolations(page, 'account requests (fr)');
    assert.equal(await requests.open('fr', 'details'), 200);
    await noViolations(page, 'details form (fr)');
    assert.equal(await requests.open('fr', 'transfer'), 200);
    await noViolations(page, 'transfer form (fr)');
    assert.equal(await requests.open('fr', 'termination'), 200);
    await noViolations(page, 'termination form (fr)');

    await requests.choose('code', 'LUHLD');
    await requests.fill('effectiveDate', '2000-01-01');
    await requests.send();
    const errors = await requests.errorSummary();
    assert.equal(errors.length, 1);
    assert.match(errors[0] ?? '', /ne peut pas être dans le passé/);
    await noViolations(page, 'termination form with an error (fr)');
    await requests.fill('effectiveDate', '2099-12-31');
    await requests.fill('message', 'Nous cessons nos activités au Luxembourg.');
    await requests.send();
    assert.match(await requests.notice(), /Nous avons bien reçu votre demande REQ-/);
    await noViolations(page, 'account requests with a request (fr)');
    const [row = []] = await requests.rows();
    const [reference = '', what = '', , status] = row;
    assert.match(what, /Résiliation de LU\*HLD/);
    assert.equal(status, 'Reçue : en attente du registre');

    // A withdrawal approved for a later day, so that the queue shows one waiting for its date.
    const proposal = await proposeWithdrawal(app.backOffice.lifecycle, admin2, 'NLBUY', {
      effectiveDate: '2099-06-30',
      publicReason: 'annual_fee_unpaid',
      reason: 'Fee unpaid',
    });
    assert.equal(await approveRequest(app.backOffice.lifecycle, admin1, proposal.id), 'scheduled');

    await page.context().clearCookies();
    // Each admin signs in once here: a TOTP code is never accepted twice.
    const admin3 = await createStaff(app, { role: 'admin', email: 'carla.admin@registry.test' });
    await new StaffSignInPage(page, browser.baseUrl).signInAs('nl', admin3);
    const queue = new AdminRequestsPage(page, browser.baseUrl);
    await queue.open('nl');
    assert.deepEqual(await queue.holderReferences(), [reference]);
    assert.deepEqual(await queue.buttons('Intrekking van NL*BUY'), ['Annuleren voor NL*BUY']);
    await noViolations(page, 'queue with a holder request and a scheduled withdrawal (nl)');
    await page.locator('main a', { hasText: reference }).click();
    await page.waitForLoadState();
    assert.equal(await page.locator('h1').innerText(), `Verzoek ${reference}`);
    await noViolations(page, 'holder request page (nl)');

    const reserved = await page.goto(`${browser.baseUrl}/nl/admin/reserved`);
    assert.equal(reserved?.status(), 200);
    await noViolations(page, 'reserved codes (nl)');
    await page.locator('#reserve-code').fill('be*nap');
    await page.locator('#reserve-reason').fill('Voorbehouden voor het nationale toegangspunt');
    await page.locator('section[aria-labelledby="reserve-heading"] button').click();
    await page.waitForLoadState();
    assert.equal(await page.locator('main .notice').innerText(), 'De code is gereserveerd.');
    await noViolations(page, 'reserved codes with one (nl)');
  });
});
