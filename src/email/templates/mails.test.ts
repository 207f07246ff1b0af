import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createTranslator } from '../../i18n/i18n.ts';
import { applicationReceivedMail, statusChangedMail } from './mails.ts';

const translator = createTranslator();

describe('mail templates', () => {
  it('escape everything in the HTML and keep the text as typed', () => {
    const mail = applicationReceivedMail({
      to: 'a@example.com',
      lang: 'nl',
      t: translator.t('nl'),
      reference: 'APP-1',
      summary: [{ label: 'Naam', value: '<script>alert(1)</script> & Co' }],
    });
    assert.equal(mail.subject, 'Aanvraag APP-1 ontvangen');
    assert.match(mail.html, /<html lang="nl">/);
    assert.match(mail.html, /&lt;script&gt;alert\(1\)&lt;\/script&gt; &amp; Co/);
    assert.doesNotMatch(mail.html, /<script>/);
    assert.match(mail.text, /Naam: <script>alert\(1\)<\/script> & Co/);
  });

  it('translate a known status and give the reason when there is one', () => {
    const mail = statusChangedMail({
      to: 'a@example.com',
      lang: 'de',
      t: translator.t('de'),
      reference: 'APP-2',
      status: 'rejected',
      reason: 'Code vergeben',
    });
    assert.match(mail.text, /ist jetzt: abgelehnt\./);
    assert.match(mail.text, /Angegebener Grund: Code vergeben/);
  });
});
