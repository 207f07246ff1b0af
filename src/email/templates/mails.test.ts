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
      status: 'withdrawn',
    });
    assert.match(mail.text, /ist jetzt: zurückgezogen\./);
  });

  it('say what a decision means, in every language, with the reason or question as typed', () => {
    const expected: Record<string, Record<string, RegExp>> = {
      approved: { en: /approved/, fr: /acceptée/, nl: /goedgekeurd/, de: /genehmigt/ },
      rejected: { en: /rejected/, fr: /refusée/, nl: /afgewezen/, de: /abgelehnt/ },
      info_requested: {
        en: /more information/,
        fr: /informations complémentaires/,
        nl: /meer informatie/,
        de: /weitere Informationen/,
      },
    };
    for (const [status, byLang] of Object.entries(expected)) {
      for (const [lang, pattern] of Object.entries(byLang)) {
        const mail = statusChangedMail({
          to: 'a@example.com',
          lang,
          t: translator.t(lang as 'en'),
          reference: 'APP-2026-ABC123',
          status,
          ...(status === 'approved' ? {} : { reason: 'Line <one> & more\r\nLine two' }),
        });
        const where = `${status}/${lang}`;
        assert.match(mail.subject, /APP-2026-ABC123/, where);
        assert.match(mail.subject, pattern, where);
        assert.doesNotMatch(
          `${mail.subject}${mail.text}`,
          /mail:|\{\{/,
          `${where}: all translated`,
        );
        assert.match(mail.html, new RegExp(`<html lang="${lang}">`), where);
        if (status !== 'approved') {
          assert.match(mail.text, /\n\nLine <one> & more\n\nLine two\n/, `${where}: lines kept`);
          assert.match(mail.html, /<p>Line &lt;one&gt; &amp; more<\/p>\n<p>Line two<\/p>/, where);
        }
      }
    }
  });
});
