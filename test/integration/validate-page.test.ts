import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { LANGUAGES, type Language } from '../../src/i18n/languages.ts';
import { createTestApp } from '../support/app.ts';

const FORM = 'application/x-www-form-urlencoded';

function submit(app: FastifyInstance, lang: Language, ids: string, kind = '') {
  return app.inject({
    method: 'POST',
    url: `/${lang}/tools/validate`,
    headers: { 'content-type': FORM },
    payload: new URLSearchParams({ ids, kind }).toString(),
  });
}

/** Text of the page with tags removed and entities for <, >, & and quotes decoded. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&amp;', '&');
}

/** What a reader learns for each ID of one language: title, the check-digit sentence, a verdict. */
const EXPECTED: Record<Language, { title: string; checkDigit: string; invalid: string }> = {
  fr: {
    title: 'Valider des identifiants d’électromobilité',
    checkDigit: 'Le caractère de contrôle devrait être K, et non X.',
    invalid: 'Non valide',
  },
  nl: {
    title: 'E-mobiliteits-ID’s controleren',
    checkDigit: 'Het controleteken moet K zijn, niet X.',
    invalid: 'Ongeldig',
  },
  de: {
    title: 'E-Mobilitäts-IDs prüfen',
    checkDigit: 'Das Prüfzeichen müsste K sein, nicht X.',
    invalid: 'Ungültig',
  },
  en: {
    title: 'Validate e-mobility IDs',
    checkDigit: 'The check character should be K, not X.',
    invalid: 'Invalid',
  },
};

describe('the validation page', () => {
  let app: FastifyInstance;
  before(async () => {
    app = await createTestApp();
  });
  after(() => app.close());

  for (const lang of LANGUAGES) {
    it(`/${lang}/tools/validate shows the form in that language, as UTF-8 HTML`, async () => {
      const res = await app.inject({ url: `/${lang}/tools/validate` });
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'text/html; charset=utf-8');
      assert.match(res.body, new RegExp(`<html lang="${lang}">`));
      assert.ok(res.body.includes(`<h1>${EXPECTED[lang].title}</h1>`));
      assert.match(res.body, new RegExp(`<form method="post" action="/${lang}/tools/validate"`));
      assert.match(res.body, /<textarea id="ids" name="ids"/);
      assert.match(res.body, /<select id="kind" name="kind"/);
      assert.doesNotMatch(res.body, /error-summary/);
    });

    it(`a ${lang} submission explains each verdict in ${lang} and keeps the text`, async () => {
      const ids = 'NL*TNM*E12345*1\r\nNL-TNM-C00122045-X';
      const res = await submit(app, lang, ids);
      assert.equal(res.statusCode, 200);
      const text = textOf(res.body);
      assert.ok(text.includes(EXPECTED[lang].checkDigit), text);
      assert.ok(text.includes(EXPECTED[lang].invalid));
      assert.ok(
        res.body.includes('NL-TNM-C00122045-<mark>X</mark>'),
        'the wrong character is marked',
      );
      assert.ok(res.body.includes(`>${ids}</textarea>`), 'the textarea keeps what was typed');
    });
  }

  it('shows the input, the kind in words, the normalised and the display form', async () => {
    const res = await submit(app, 'en', 'nl-tnm-c00122045\nbe*abc');
    const text = textOf(res.body);
    for (const expected of [
      'Contract ID (eMAID)',
      'detected automatically',
      'NLTNMC00122045K',
      'NL-TNM-C00122045-K',
      'without its check character; in full it ends with K.',
      'Operators write it as BE*ABC, providers as BE-ABC.',
    ]) {
      assert.ok(text.includes(expected), expected);
    }
    assert.match(text, /Checked\s*2\s*Valid\s*2\s*Invalid\s*0/);
  });

  it('checks every ID against the chosen kind', async () => {
    const res = await submit(app, 'en', 'NLTNMC00122045', 'checkdigit');
    assert.ok(textOf(res.body).includes('The check character for this payload is K.'));
    assert.match(res.body, /<option value="checkdigit" selected>/);
  });

  it('validates ?ids= on GET, so results can be linked', async () => {
    const query = new URLSearchParams({ ids: 'UK*ABC*E1', kind: 'evse' }).toString();
    const res = await app.inject({ url: `/de/tools/validate?${query}` });
    assert.equal(res.statusCode, 200);
    assert.ok(textOf(res.body).includes('UK ist kein vergebener Ländercode nach ISO 3166-1.'));
    assert.ok(res.body.includes(`href="/de/tools/validate?${query.replace('&', '&amp;')}"`));
  });

  it('shows hostile input as text, never as markup', async () => {
    const res = await submit(
      app,
      'en',
      '<script>alert(1)</script>\n"><img src=x onerror=alert(1)>',
    );
    assert.equal(res.statusCode, 200);
    assert.doesNotMatch(res.body, /<script>alert/);
    assert.doesNotMatch(res.body, /<img/);
    assert.ok(res.body.includes('&lt;script>alert(1)&lt;/script>'));
    assert.ok(textOf(res.body).includes('Character 1 (‘<’) is not allowed in an EVSE ID'));
  });

  it('describes a blank in the ID by its code and marks it visibly', async () => {
    const res = await submit(app, 'en', 'NL*TNM*E1\u00a0');
    assert.ok(res.body.includes('NL*TNM*E1<mark>U+00A0</mark>'));
    assert.ok(textOf(res.body).includes('Character 10 (invisible character U+00A0) is a space'));
    assert.ok(res.body.includes('(character 10 is highlighted)'));
  });

  it('an empty submission gets an error summary linking to the field, and a 400', async () => {
    const res = await submit(app, 'fr', ' \r\n\r\n');
    assert.equal(res.statusCode, 400);
    assert.equal(res.headers['content-type'], 'text/html; charset=utf-8');
    assert.match(res.body, /<title>Erreur : /);
    assert.match(
      res.body,
      /<div class="error-summary" aria-labelledby="error-summary-title" tabindex="-1" autofocus>/,
    );
    assert.doesNotMatch(res.body, /role="alert"/);
    assert.match(res.body, /<a href="#ids">Saisissez au moins un identifiant<\/a>/);
    assert.match(res.body, /<p id="ids-error" class="error-message">/);
    assert.match(res.body, /aria-describedby="ids-hint ids-error"/);
  });

  it('more than 1,000 IDs get an error pointing to the API, and nothing is checked', async () => {
    const ids = Array.from({ length: 1001 }, (_, i) => `NL*TNM*E${i}`).join('\n');
    const res = await submit(app, 'en', ids);
    assert.equal(res.statusCode, 400);
    const text = textOf(res.body);
    assert.ok(text.includes('Enter 1,000 IDs or fewer at a time – you entered 1,001'));
    assert.match(res.body, /<a href="\/docs">Read the API documentation<\/a>/);
    assert.doesNotMatch(res.body, /results-heading/);
  });

  it('takes exactly 1,000 IDs', async () => {
    const ids = Array.from({ length: 1000 }, (_, i) => `NL*TNM*E${i}`).join('\n');
    const res = await submit(app, 'nl', ids);
    assert.equal(res.statusCode, 200);
    assert.equal(res.body.match(/<tr>/g)?.length, 1001);
  });

  it('keeps non-ASCII input intact through the form', async () => {
    const res = await submit(app, 'de', 'DE*ÄBC*E1');
    assert.ok(res.body.includes('DE*<mark>Ä</mark>BC*E1'));
    assert.ok(textOf(res.body).includes('(„Ä“, U+00C4)'));
  });
});
