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

  it('name the codes an approval issued, as each language lists them', () => {
    const approval = (lang: 'en' | 'fr' | 'nl' | 'de', codes?: readonly string[]) =>
      statusChangedMail({
        to: 'a@example.com',
        lang,
        t: translator.t(lang),
        reference: 'APP-3',
        status: 'approved',
        codes,
      }).text;
    const both = ['BEQ2B', 'LUQ2B', 'NLQ2B'];
    assert.match(approval('en', both), /The codes issued to you: BE\*Q2B, LU\*Q2B, and NL\*Q2B\./);
    assert.match(approval('en', both), /Your codes are active from today/);
    assert.match(approval('fr', both), /vous sont attribués : BE\*Q2B, LU\*Q2B et NL\*Q2B\./);
    assert.match(approval('nl', both), /zijn toegekend: BE\*Q2B, LU\*Q2B en NL\*Q2B\./);
    assert.match(
      approval('de', both),
      /Die Ihnen zugeteilten Codes: BE\*Q2B, LU\*Q2B und NL\*Q2B\./,
    );
    assert.match(approval('de', ['LUQ2B']), /Der Ihnen zugeteilte Code: LU\*Q2B\.\n/);
    assert.match(approval('de', ['LUQ2B']), /Ihr Code ist ab heute gültig/);
    const none = approval('en');
    assert.doesNotMatch(none, /issued to you/, 'no list without codes');
    assert.match(none, /Your code is active from today/);
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
