import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { getPage, postForm, signIn, type CookieJar } from '../support/accounts.ts';
import { createApplicant } from '../support/applicants.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { DIALECTS, dialectSkip } from '../support/databases.ts';
import {
  decide,
  issueCode,
  latestRequestId,
  publicParty,
  submitFrom,
} from '../support/lifecycle.ts';
import { fixedClock } from '../support/register.ts';
import { createStaff, type TestStaff } from '../support/staff.ts';

const NOW = '2026-11-27T10:00:00.000Z';

/** The reference a request was sent under, from the redirect after sending it. */
function sentReference(location: unknown): string {
  const match = /sent=(REQ-\d{4}-[0-9A-Z]{6})/.exec(String(location));
  assert.ok(match?.[1], `no reference in ${String(location)}`);
  return match[1];
}

async function holderRequestId(app: TestApp, reference: string): Promise<string> {
  const row = await app.db
    .selectFrom('holder_request')
    .select('id')
    .where('reference', '=', reference)
    .executeTakeFirstOrThrow();
  return row.id;
}

for (const dialect of DIALECTS) {
  describe(`holder requests from the account (${dialect})`, { skip: dialectSkip(dialect) }, () => {
    const clock = fixedClock(NOW);
    let app: TestApp;
    let holder: CookieJar;
    let stranger: CookieJar;
    let admin1: TestStaff;
    let admin2: TestStaff;
    let reviewer: TestStaff;

    const ask = (form: string, fields: Record<string, string>, lang = 'en', jar = holder) =>
      submitFrom(
        app,
        jar,
        `/${lang}/account/requests/${form}`,
        `/${lang}/account/requests/${form}`,
        fields,
      );
    const holderPage = async () => (await getPage(app, holder, '/en/account/requests')).body;

    before(async () => {
      app = await createTestApp({ dialect, clock });
      const { holderId } = await issueCode(app, 'BEHHH', { legalName: 'Holder Laadpunten BV' });
      await issueCode(app, 'NLHHH', { id: holderId });
      await issueCode(app, 'LUHHH', { id: holderId });
      await issueCode(app, 'BEOOO', { legalName: 'Other Holder SA' });
      const org = await createApplicant(app, { holderId });
      const nobody = await createApplicant(app);
      const nextMail = () => Promise.resolve(app.mails.at(-1)?.text);
      holder = await signIn(app, org.email, nextMail);
      stranger = await signIn(app, nobody.email, nextMail);
      admin1 = await createStaff(app, { role: 'admin' });
      admin2 = await createStaff(app, { role: 'admin' });
      reviewer = await createStaff(app, { role: 'reviewer' });
    });
    after(() => app.close());

    it('an organisation that holds no code is told so, and cannot send a request', async () => {
      const page = await getPage(app, stranger, '/en/account/requests');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Your organisation does not hold a code yet/);
      assert.match(
        page.body,
        /href="\/en\/account\/requests" aria-current="page">Requests about your codes/,
      );
      const form = await getPage(app, stranger, '/en/account/requests/termination');
      assert.equal(form.statusCode, 303);
      const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
      const tokenPage = await getPage(app, stranger, '/en/account/team');
      const token = csrf ?? /name="_csrf" value="([^"]+)"/.exec(tokenPage.body)?.[1] ?? '';
      const post = await postForm(app, stranger, '/en/account/requests/termination', {
        _csrf: token,
        code: 'BEHHH',
      });
      assert.equal(post.statusCode, 403);
      const anonymous = await app.inject({ method: 'GET', url: '/en/account/requests' });
      assert.equal(anonymous.statusCode, 303);
      assert.match(String(anonymous.headers.location), /^\/en\/sign-in/);
    });

    it('a termination: three months’ notice, then it lands in the staff queue', async () => {
      const page = await holderPage();
      assert.match(page, /As Holder Laadpunten BV, you can ask the registry/);
      assert.match(page, /takes effect on February 27, 2027 at the earliest/);

      const early = await ask('termination', { code: 'BEHHH', effectiveDate: '2027-02-26' });
      assert.equal(early.statusCode, 400);
      assert.match(early.body, /<title>Error: Terminate a code/);
      assert.match(
        early.body,
        /href="#effectiveDate">A code ends three months after you ask at the earliest: choose February 27, 2027 or later\./,
      );
      assert.match(early.body, /value="2027-02-26"/, 'what was typed is shown again');
      const french = await ask('termination', { code: 'BEHHH', effectiveDate: '2027-02-26' }, 'fr');
      assert.match(french.body, /choisissez le 27 février 2027 ou plus tard/);
      const notOurs = await ask('termination', { code: 'BE*OOO', effectiveDate: '2027-03-31' });
      assert.equal(notOurs.statusCode, 400);
      assert.match(notOurs.body, /Choose one of your organisation’s codes\./);

      const sent = await ask('termination', {
        code: 'BEHHH',
        effectiveDate: '2027-03-31',
        message: 'We stop operating charge points in Belgium.',
      });
      assert.equal(sent.statusCode, 303);
      const reference = sentReference(sent.headers.location);
      const after = (await getPage(app, holder, String(sent.headers.location))).body;
      assert.match(after, new RegExp(`We have received your request ${reference}`));
      assert.match(after, /Termination of BE\*HHH/);
      assert.match(after, /Received: waiting for the registry/);
      const again = await ask('termination', { code: 'BEHHH', effectiveDate: '2027-04-30' });
      assert.equal(again.statusCode, 400);
      assert.match(again.body, /A request about this code is already being handled\./);

      const [entry] = await app.backOffice.audit.reader.forCode('BEHHH', 1);
      assert.equal(entry?.action, 'holder_request.submitted');
      assert.equal(entry.actorType, 'applicant');

      for (const staff of [admin1, reviewer]) {
        const queue = await getPage(app, staff.jar, '/en/admin/requests');
        assert.equal(queue.statusCode, 200);
        assert.match(queue.body, new RegExp(`>${reference}</a>`));
      }
      const id = await holderRequestId(app, reference);
      const view = await getPage(app, reviewer.jar, `/en/admin/requests/holder/${id}`);
      assert.equal(view.statusCode, 200);
      assert.match(view.body, /We stop operating charge points in Belgium\./);
      assert.ok(!view.body.includes('/decline"'), 'reviewers see no forms');

      // The admin turns it into a withdrawal: the notice still holds, counted from the request.
      const page2 = `/en/admin/requests/holder/${id}`;
      const form = await getPage(app, admin1.jar, page2);
      assert.match(form.body, /cannot be before February 27, 2027 \(three months’ notice\)/);
      assert.match(form.body, /name="effectiveDate"[^>]*value="2027-03-31"|value="2027-03-31"/);
      const tooSoon = await submitFrom(app, admin1.jar, page2, '/en/admin/codes/BEHHH/withdraw', {
        holderRequestId: id,
        effectiveDate: '2027-01-31',
        publicReason: 'holder_termination',
        reason: 'Holder request',
      });
      assert.equal(tooSoon.statusCode, 400);
      assert.match(tooSoon.body, new RegExp(`<h1>Request ${reference}</h1>`));
      assert.match(
        tooSoon.body,
        /The holder gave three months’ notice: the date cannot be before February 27, 2027\./,
      );
      assert.match(await holderPage(), /Received: waiting for the registry/, 'still open');

      const proposed = await submitFrom(app, admin1.jar, page2, '/en/admin/codes/BEHHH/withdraw', {
        holderRequestId: id,
        effectiveDate: '2027-03-31',
        publicReason: 'holder_termination',
        reason: 'Termination asked from the account',
      });
      assert.equal(proposed.statusCode, 303);
      assert.match(await holderPage(), /Being handled by the registry/);
      const withdrawal = await latestRequestId(app, 'BEHHH');
      assert.equal((await decide(app, admin2.jar, withdrawal, 'approve')).statusCode, 303);
      assert.match(await holderPage(), /Accepted: the code will be withdrawn on March 31, 2027/);
      const party = await publicParty(app, 'BEHHH');
      assert.equal(party.status, 'active');
      assert.equal(party.validTo, '2027-03-31T00:00:00.000Z');
      assert.equal(party.history.at(-1)?.reasonCode, 'holder_termination');
      const actions = (await app.backOffice.audit.reader.forCode('BEHHH', 10))
        .map((e) => e.action)
        .reverse();
      assert.deepEqual(actions, [
        'holder_request.submitted',
        'holder_request.accepted',
        'code.withdrawal_proposed',
        'code.withdrawal_approved',
      ]);
    });

    it('a change of details, applied by an admin from the request: done for the holder', async () => {
      const sent = await ask('details', {
        legalName: 'Holder Charging BV',
        tradingName: 'HoldCharge',
        website: 'www.holdcharge.example',
        seatCountry: 'NL',
      });
      assert.equal(sent.statusCode, 303);
      const id = await holderRequestId(app, sentReference(sent.headers.location));
      const page = `/en/admin/requests/holder/${id}`;
      const form = await getPage(app, admin1.jar, page);
      assert.match(form.body, /value="Holder Charging BV"/, 'the form starts from what was asked');
      const done = await submitFrom(app, admin1.jar, page, '/en/admin/codes/NLHHH/rename', {
        holderRequestId: id,
        legalName: 'Holder Charging BV',
        tradingName: 'HoldCharge',
        website: 'www.holdcharge.example',
        seatCountry: 'NL',
        publicReason: 'holder_request',
        reason: 'Asked from the account; KvK extract checked',
      });
      assert.equal(done.statusCode, 303);
      for (const key of ['BEHHH', 'NLHHH', 'LUHHH']) {
        assert.equal((await publicParty(app, key)).holder.name, 'Holder Charging BV', key);
      }
      const list = await holderPage();
      assert.match(list, /Change of details[\s\S]*?Done/);
      assert.match(list, /As Holder Charging BV/);
    });

    it('a transfer request: rejected by the second admin it comes back; declined, the holder reads why', async () => {
      const missing = await ask('transfer', { code: 'LUHHH', toName: '' });
      assert.equal(missing.statusCode, 400);
      assert.match(missing.body, /Enter the name of the organisation taking the code over\./);
      assert.match(missing.body, /Say whether it is a merger or an acquisition\./);
      const sent = await ask('transfer', {
        code: 'LUHHH',
        toName: 'Other Holder SA',
        toCode: 'be*ooo',
        publicReason: 'acquisition',
      });
      assert.equal(sent.statusCode, 303);
      const reference = sentReference(sent.headers.location);
      const id = await holderRequestId(app, reference);
      const page = `/en/admin/requests/holder/${id}`;
      const proposed = await submitFrom(app, admin1.jar, page, '/en/admin/codes/LUHHH/transfer', {
        holderRequestId: id,
        target: 'existing',
        toCode: 'BE*OOO',
        publicReason: 'acquisition',
        reason: 'Asked by the holder',
      });
      assert.equal(proposed.statusCode, 303);
      const transfer = await latestRequestId(app, 'LUHHH');
      assert.equal(
        (await decide(app, admin2.jar, transfer, 'reject', { note: 'No proof of the acquisition' }))
          .statusCode,
        303,
      );
      assert.equal((await publicParty(app, 'LUHHH')).holder.name, 'Holder Charging BV');
      const queue = await getPage(app, admin1.jar, '/en/admin/requests');
      assert.match(queue.body, new RegExp(`>${reference}</a>`), 'back in the queue');

      const noNote = await submitFrom(app, admin1.jar, page, `${page}/decline`, { note: '' });
      assert.equal(noNote.statusCode, 400);
      assert.match(noNote.body, /href="#decline-note"/);
      const declined = await submitFrom(app, admin1.jar, page, `${page}/decline`, {
        note: 'Send us the deed of acquisition, then ask again.',
      });
      assert.equal(declined.statusCode, 303);
      const list = await holderPage();
      assert.match(list, /Declined/);
      assert.match(list, /Send us the deed of acquisition, then ask again\./);
      const trail = await app.backOffice.audit.reader.forCode('LUHHH', 10);
      assert.deepEqual(trail.map((e) => e.action).reverse(), [
        'holder_request.submitted',
        'holder_request.accepted',
        'code.transfer_proposed',
        'lifecycle_request.rejected',
        'holder_request.reopened',
        'holder_request.declined',
      ]);
      assert.ok(!(await getPage(app, admin1.jar, page)).body.includes('/decline"'), 'no form now');
      const twice = await submitFrom(app, admin1.jar, '/en/admin/codes/BEOOO', `${page}/decline`, {
        note: 'again',
      });
      assert.equal(twice.statusCode, 409);
    });
  });
}
