import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Clock } from '../../src/app/ports.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { csrfOf, getPage, postForm, signIn } from '../support/accounts.ts';
import { dialectSkip, DIALECTS } from '../support/databases.ts';
import { createStaff, type TestStaff } from '../support/staff.ts';
import { submitApplication, type SubmittedApplication } from '../support/submitted-application.ts';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

/** A clock the test moves: mornings in Brussels. */
class TestClock implements Clock {
  at = new Date('2026-03-20T08:00:00Z');
  now(): Date {
    return new Date(this.at);
  }
  set(iso: string): void {
    this.at = new Date(iso);
  }
}

function company(legalName: string, seatCountry: string, legalEntityNumber: string) {
  return {
    legalName,
    legalForm: 'SA',
    seatCountry,
    street: 'Grand-Rue 1',
    postalCode: '1000',
    city: 'Ville',
    website: '',
    legalEntityNumber,
    vatNumber: '',
  };
}

/** The rows of the queue, as reference and the words of each cell. */
function queueRows(html: string): string[] {
  return [...html.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)]
    .map((m) => text(m[1] ?? '').trim())
    .filter((row) => row.startsWith('APP-'));
}

for (const dialect of DIALECTS) {
  describe(`the review queue and its clock, on ${dialect}`, { skip: dialectSkip(dialect) }, () => {
    const clock = new TestClock();
    let app: TestApp;
    let luxembourg: SubmittedApplication;
    let dutch: SubmittedApplication;
    let belgian: SubmittedApplication;
    let staff: TestStaff;

    before(async () => {
      app = await createTestApp({ dialect, clock });
      // Friday 20 March: ten working days in Luxembourg end on Friday 3 April.
      luxembourg = await submitApplication(app, {
        steps: {
          request: { role: 'CPO', countries: ['LU'], code: 'L1X' },
          company: company('Moselle Recharge SA', 'LU', 'B123456'),
        },
      });
      // Thursday 2 April, just before Easter Monday 6 April.
      clock.set('2026-04-02T08:00:00Z');
      belgian = await submitApplication(app, {
        lang: 'de',
        steps: {
          request: { role: 'CPO', countries: ['BE'], code: 'B1X' },
          company: company('Ostbelgien Strom AG', 'BE', '0403170701'),
        },
      });
      // Wednesday 8 April.
      clock.set('2026-04-08T08:00:00Z');
      dutch = await submitApplication(app, {
        steps: {
          request: { role: 'EMSP', countries: ['NL'], code: 'N1X' },
          company: company('Polder Laden BV', 'NL', '12345678'),
        },
      });
      staff = await createStaff(app, { role: 'reviewer' });
    });
    after(() => app.close());

    it('counts ten working days with each country’s holidays, overdue ones first', async () => {
      const rows = queueRows((await getPage(app, staff.jar, '/en/admin')).body);
      assert.deepEqual(rows, [
        `${luxembourg.reference} Moselle Recharge SA LU*L1X March 20, 2026 April 3, 2026 Overdue The deadline was April 3, 2026. Submitted`,
        `${belgian.reference} Ostbelgien Strom AG BE*B1X April 2, 2026 April 17, 2026 7 working days left Submitted`,
        `${dutch.reference} Polder Laden BV NL-N1X April 8, 2026 April 22, 2026 10 working days left Submitted`,
      ]);
      const html = (await getPage(app, staff.jar, '/en/admin')).body;
      assert.match(html, /1 application is overdue\./);
      assert.match(html, /<strong class="tag tag--invalid">Overdue<\/strong>/, 'marked by a word');
    });

    it('pauses the clock while the applicant is asked, and restarts it on resubmission', async () => {
      const form = await getPage(
        app,
        staff.jar,
        `/en/admin/applications/${belgian.id}/request-info`,
      );
      assert.match(text(form.body), /the rest of the message in German/);
      const mails = app.mails.length;
      const asked = await postForm(
        app,
        staff.jar,
        `/en/admin/applications/${belgian.id}/request-info`,
        {
          _csrf: csrfOf(form.body),
          question: 'Bitte fügen Sie einen aktuellen Auszug aus dem Handelsregister bei.',
        },
      );
      assert.equal(asked.statusCode, 303, asked.body);
      const mail = app.mails[mails];
      assert.equal(mail?.to, belgian.applicant.email);
      assert.equal(mail.subject, `Antrag ${belgian.reference}: weitere Informationen erforderlich`);
      assert.match(mail.text, /Unsere Frage:\n\nBitte fügen Sie einen aktuellen Auszug/);

      // Monday 20 April: the Dutch application has two working days left, the Belgian one waits.
      clock.set('2026-04-20T08:00:00Z');
      staff = await createStaff(app, { role: 'reviewer' });
      const paused = queueRows((await getPage(app, staff.jar, '/en/admin')).body);
      assert.deepEqual(
        paused.map((r) => r.split(' ')[0]),
        [luxembourg.reference, dutch.reference, belgian.reference],
      );
      assert.match(paused[1] ?? '', /April 22, 2026 2 working days left/);
      assert.match(
        paused[2] ?? '',
        /– Paused Waiting for the applicant; 7 working days will be left when they reply\. Information requested/,
      );

      // The applicant sees the question, changes a step and sends the application again.
      const jar = await signIn(app, belgian.applicant.email, () =>
        Promise.resolve(app.mails.at(-1)?.text),
      );
      const account = await getPage(app, jar, '/en/account');
      assert.match(text(account.body), /Answer and send again/);
      const review = await getPage(app, jar, `/en/apply/${belgian.id}/review`);
      assert.match(text(review.body), /The registry needs more information Bitte fügen Sie/);
      assert.match(text(review.body), /Accept and send the application again/);
      const step = await getPage(app, jar, `/en/apply/${belgian.id}/company`);
      assert.equal(step.statusCode, 200, 'the steps can be edited again');
      const headers = { ...belgian.applicant.headers };
      const edited = await app.inject({
        method: 'PUT',
        url: `/api/v1/applications/${belgian.id}/steps/company`,
        headers,
        payload: { ...company('Ostbelgien Strom AG', 'BE', '0403170701'), city: 'Eupen' },
      });
      assert.equal(edited.statusCode, 200, edited.body);
      const resent = await postForm(app, jar, `/en/apply/${belgian.id}/review`, {
        _csrf: csrfOf(review.body),
        acceptTerms: 'yes',
      });
      assert.equal(resent.statusCode, 303, resent.body);
      assert.equal(resent.headers.location, `/en/apply/${belgian.id}/submitted`);

      const resumed = queueRows((await getPage(app, staff.jar, '/en/admin')).body);
      assert.deepEqual(
        resumed.map((r) => r.split(' ')[0]),
        [luxembourg.reference, dutch.reference, belgian.reference],
      );
      // Seven working days from Monday 20 April: Friday 24, then Monday 27 to Wednesday 29.
      assert.match(resumed[2] ?? '', /April 2, 2026 April 29, 2026 7 working days left Submitted/);
      const page = text(
        (await getPage(app, staff.jar, `/en/admin/applications/${belgian.id}`)).body,
      );
      assert.match(page, /Sent again with more information/);
      assert.match(page, /Eupen/, 'the reviewer sees what was sent again');
      const audit = await app.db
        .selectFrom('audit_entry')
        .select(['action', 'actor_type', 'after'])
        .where('application_id', '=', belgian.id)
        .where('seq', '>', 0)
        .orderBy('seq')
        .execute();
      assert.deepEqual(
        audit.slice(-3).map((a) => `${a.action}:${a.actor_type}`),
        [
          'application.info_requested:staff',
          'application.draft_saved:applicant',
          'application.resubmitted:applicant',
        ],
      );
      const saved = JSON.parse(audit.at(-2)?.after ?? '{}') as { changed: string[] };
      assert.deepEqual(saved.changed, ['company.city'], 'the names of the fields, not the values');
      assert.doesNotMatch(audit.at(-2)?.after ?? '', /Eupen/);
    });

    it('lets the applicant withdraw while the registry waits for an answer', async () => {
      const other = await submitApplication(app, {
        steps: {
          request: { role: 'CPO', countries: ['NL'], code: 'N2X' },
          company: company('Noordzee Stroom BV', 'NL', '87654321'),
        },
      });
      const form = await getPage(app, staff.jar, `/en/admin/applications/${other.id}/request-info`);
      await postForm(app, staff.jar, `/en/admin/applications/${other.id}/request-info`, {
        _csrf: csrfOf(form.body),
        question: 'Which KvK number?',
      });
      const withdrawn = await app.inject({
        method: 'POST',
        url: `/api/v1/applications/${other.id}/withdraw`,
        headers: other.applicant.headers,
      });
      assert.equal(withdrawn.json<{ status: string }>().status, 'withdrawn');
      const rows = queueRows((await getPage(app, staff.jar, '/en/admin')).body);
      assert.ok(!rows.some((r) => r.startsWith(other.reference)), 'no longer in the queue');
    });

    it('is there in every language', async () => {
      for (const [lang, title] of [
        ['fr', 'Demandes à examiner'],
        ['nl', 'Te beoordelen aanvragen'],
        ['de', 'Zu prüfende Anträge'],
      ] as const) {
        const queue = await getPage(app, staff.jar, `/${lang}/admin`);
        assert.equal(queue.statusCode, 200);
        assert.match(queue.body, new RegExp(`<h1>${title}</h1>`));
        const page = await getPage(app, staff.jar, `/${lang}/admin/applications/${dutch.id}`);
        assert.equal(page.statusCode, 200);
        assert.match(page.body, new RegExp(`lang="${lang}"`));
      }
    });
  });
}
