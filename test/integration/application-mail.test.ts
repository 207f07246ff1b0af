import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createSmtpMailer } from '../../src/email/smtp-mailer.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { createApplicant, VALID_STEPS, type TestApplicant } from '../support/applicants.ts';
import { startSmtp, type TestSmtp } from '../support/smtp.ts';
import { approveApplication } from '../../src/app/review/approve-application.ts';
import { requestInformation } from '../../src/app/review/request-information.ts';
import { createStaff } from '../support/staff.ts';

// The application's mails, through a real SMTP server: received on submission, then a status
// change on withdrawal, a question, an approval, each in the application's language, as plain
// text and HTML.
describe('application mails over SMTP', () => {
  let smtp: TestSmtp;
  let mailer: ReturnType<typeof createSmtpMailer>;
  let app: TestApp;
  let applicant: TestApplicant;
  before(async () => {
    smtp = await startSmtp();
    mailer = createSmtpMailer(smtp.url, 'IDRO <no-reply@idro.test>');
    app = await createTestApp({ seed: true, mailer });
    applicant = await createApplicant(app, { lang: 'fr' });
  });
  after(async () => {
    await app.close();
    mailer.close();
    await smtp.close();
  });

  const call = (method: 'POST' | 'PUT', url: string, payload?: object) =>
    app.inject({
      method,
      url,
      headers: { ...applicant.headers, 'accept-language': 'fr' },
      ...(payload === undefined ? {} : { payload }),
    });

  it('sends "application received" with a summary, then the withdrawal, in French', async () => {
    const started = await call('POST', '/api/v1/applications', { lang: 'fr' });
    assert.equal(started.statusCode, 201, started.body);
    const { id } = started.json<{ id: string }>();
    for (const [step, body] of Object.entries(VALID_STEPS)) {
      const saved = await call('PUT', `/api/v1/applications/${id}/steps/${step}`, body);
      assert.equal(saved.statusCode, 200, `${step}: ${saved.body}`);
    }
    const submitted = await call('POST', `/api/v1/applications/${id}/submit`, {
      acceptTerms: true,
    });
    assert.equal(submitted.statusCode, 200, submitted.body);
    const reference = submitted.json<{ reference: string }>().reference;

    const received = await smtp.waitFor(1);
    assert.equal(
      received.to && !Array.isArray(received.to) ? received.to.text : '',
      applicant.email,
    );
    assert.match(received.subject ?? '', new RegExp(reference));
    assert.match(received.text ?? '', /Q7Z/);
    assert.match(received.text ?? '', /demande/i, 'the text is in French');
    assert.match(String(received.html), /<html[^>]*lang="fr"/);

    const withdrawn = await call('POST', `/api/v1/applications/${id}/withdraw`);
    assert.equal(withdrawn.statusCode, 200, withdrawn.body);
    const status = await smtp.waitFor(2);
    assert.match(status.subject ?? '', new RegExp(reference));
    assert.match(status.text ?? '', /retir/i, 'says the application was withdrawn, in French');
  });

  it('sends the registry’s question, then the approval, in French', async () => {
    const started = await call('POST', '/api/v1/applications');
    const { id } = started.json<{ id: string }>();
    for (const [step, body] of Object.entries({
      ...VALID_STEPS,
      request: { role: 'CPO', countries: ['BE'], code: 'Q8M' },
    })) {
      await call('PUT', `/api/v1/applications/${id}/steps/${step}`, body);
    }
    const submitted = await call('POST', `/api/v1/applications/${id}/submit`, {
      acceptTerms: true,
    });
    const reference = submitted.json<{ reference: string }>().reference;
    const count = smtp.messages.length;
    await smtp.waitFor(count);
    const reviewer = await createStaff(app, { role: 'reviewer' });
    await requestInformation(app.backOffice.review, reviewer, id, {
      question: 'Quel est le numéro de TVA de la maison mère ?\nMerci.',
    });
    const question = await smtp.waitFor(count + 1);
    assert.equal(
      question.subject,
      `Demande ${reference} : informations complémentaires nécessaires`,
    );
    assert.match(
      question.text ?? '',
      /Notre question :\n\nQuel est le numéro de TVA de la maison mère \?\n\nMerci\./,
    );
    assert.match(String(question.html), /<p>Quel est le numéro de TVA de la maison mère \?<\/p>/);
    const again = await call('POST', `/api/v1/applications/${id}/submit`, { acceptTerms: true });
    assert.equal(again.statusCode, 200, again.body);
    const received = await smtp.waitFor(count + 2);
    assert.equal(received.subject, `Demande ${reference} reçue`);
    await approveApplication(app.backOffice.review, reviewer, id);
    const approved = await smtp.waitFor(count + 3);
    assert.equal(approved.subject, `Demande ${reference} acceptée`);
    assert.match(approved.text ?? '', /registre public/);
    assert.match(String(approved.html), /<html[^>]*lang="fr"/);
  });
});
