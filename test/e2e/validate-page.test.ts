import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Language } from '../../src/i18n/languages.ts';
import { createTestApp } from '../support/app.ts';
import {
  axeViolations,
  browserSkip,
  openBrowser,
  type BrowserSession,
} from '../support/browser.ts';
import { ValidatePage } from './pages/validate-page.ts';

const skip = browserSkip();

const IDS = ['NL*TNM*E12345*1', 'NL-TNM-C00122045-X', 'be-abc', 'DE*ÄBC*E1'];

/** What the reader sees for IDS, per language: verdicts and a phrase of each explanation. */
const SEEN: Record<'en' | 'fr', { valid: string; invalid: string; phrases: string[] }> = {
  en: {
    valid: 'Valid',
    invalid: 'Invalid',
    phrases: [
      'This is a valid EVSE ID.',
      'The check character should be K, not X.',
      'Operators write it as BE*ABC, providers as BE-ABC.',
      'Character 4 (‘Ä’, U+00C4) is not allowed.',
    ],
  },
  fr: {
    valid: 'Valide',
    invalid: 'Non valide',
    phrases: [
      'Cet identifiant EVSE est valide.',
      'Le caractère de contrôle devrait être K, et non X.',
      'Les opérateurs l’écrivent BE*ABC, les fournisseurs BE-ABC.',
      'Le caractère 4 (« Ä », U+00C4) n’est pas autorisé.',
    ],
  },
};

for (const javaScript of [true, false]) {
  describe(
    `the validation page in Chromium, JavaScript ${javaScript ? 'on' : 'off'}`,
    { skip },
    () => {
      let browser: BrowserSession;
      let tool: ValidatePage;
      before(async () => {
        browser = await openBrowser(await createTestApp(), javaScript);
        tool = new ValidatePage(await browser.newPage(), browser.baseUrl);
      });
      after(() => browser.close());

      for (const lang of ['en', 'fr'] as const) {
        it(`${lang}: pasted IDs come back with a verdict and an explanation each`, async () => {
          await tool.open(lang);
          await tool.enterIds(IDS);
          await tool.submit();
          const rows = await tool.results();
          assert.deepEqual(
            rows.map((row) => row.verdict),
            [SEEN[lang].valid, SEEN[lang].invalid, SEEN[lang].valid, SEEN[lang].invalid],
          );
          assert.deepEqual(
            rows.map((row) => row.input.split('\n')[0]),
            IDS,
          );
          SEEN[lang].phrases.forEach((phrase, i) => {
            assert.ok(rows[i]?.explanation.includes(phrase), `${rows[i]?.explanation} / ${phrase}`);
          });
          assert.doesNotMatch(
            rows[1]?.normalized ?? '',
            /NLTNM/,
            'an invalid ID has no normalised form',
          );
          assert.equal(rows[2]?.normalized, 'BEABC');
          assert.equal(await tool.typedText(), IDS.join('\n'));
          assert.deepEqual(Object.values(await tool.counts()), ['4', '2', '2']);
        });
      }

      it('checks every ID as the chosen kind', async () => {
        await tool.open('nl');
        await tool.enterIds(['NLTNMC00122045']);
        await tool.chooseKind('checkdigit');
        await tool.submit();
        const [row] = await tool.results();
        assert.deepEqual(
          [row?.kind, row?.explanation],
          ['Controleteken van een contract-ID', 'Het controleteken voor deze reeks is K.'],
        );
      });

      it('an empty submission focuses an error summary that leads to the field', async () => {
        await tool.open('de');
        await tool.enterIds(['', '  ']);
        await tool.submit();
        assert.equal(await tool.focused(), 'error-summary');
        assert.deepEqual(await tool.errorSummaryLinks(), ['Geben Sie mindestens eine ID ein']);
        await tool.page.locator('.error-summary a').click();
        assert.equal(await tool.focused(), 'ids');
      });
    },
  );
}

describe('the validation page meets WCAG 2.1 AA (axe)', { skip }, () => {
  let browser: BrowserSession;
  let tool: ValidatePage;
  before(async () => {
    browser = await openBrowser(await createTestApp());
    tool = new ValidatePage(await browser.newPage(), browser.baseUrl);
  });
  after(() => browser.close());

  const states: Record<string, (lang: Language) => Promise<void>> = {
    'the empty form': (lang) => tool.open(lang),
    'the results': async (lang) => {
      await tool.open(lang);
      await tool.enterIds([...IDS, ' NL*TNM*E1', 'UK*ABC*E1', '+49*810*000*438', 'NL\u200bTNM']);
      await tool.submit();
    },
    'the error state': async (lang) => {
      await tool.open(lang);
      await tool.submit();
    },
    'too many IDs': async (lang) => {
      await tool.open(lang);
      await tool.enterIds(Array.from({ length: 1001 }, (_, i) => `NL*TNM*E${i}`));
      await tool.submit();
    },
  };
  for (const lang of ['en', 'fr', 'de'] as const) {
    for (const [state, reach] of Object.entries(states)) {
      it(`${lang}: ${state} has no violations`, async () => {
        await reach(lang);
        assert.deepEqual(await axeViolations(tool.page), []);
      });
    }
  }
});
