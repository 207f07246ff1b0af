import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { LANGUAGES } from '../../src/i18n/languages.ts';
import { createTestApp } from '../support/app.ts';
import {
  axeViolations,
  browserSkip,
  openBrowser,
  type BrowserSession,
} from '../support/browser.ts';

describe('the page shell in Chromium', { skip: browserSkip() }, () => {
  let browser: BrowserSession;
  let page: Page;
  before(async () => {
    browser = await openBrowser(await createTestApp());
    page = await browser.newPage();
  });
  after(() => browser.close());

  for (const lang of LANGUAGES) {
    it(`/${lang}, the home page, has no WCAG 2.1 AA violations`, async () => {
      const response = await page.goto(`${browser.baseUrl}/${lang}`);
      assert.equal(response?.status(), 200);
      assert.equal(await page.locator('html').getAttribute('lang'), lang);
      assert.deepEqual(await axeViolations(page), []);
    });
  }

  it('the interactive API documentation has no WCAG 2.1 AA violations', async () => {
    const response = await page.goto(`${browser.baseUrl}/docs`);
    assert.equal(response?.status(), 200);
    // The documentation is drawn by script once the OpenAPI document has loaded.
    await page.locator('.opblock-tag-section').first().waitFor();
    await page.locator('.opblock').first().waitFor();
    assert.deepEqual(await axeViolations(page), []);
    // Opened operations show parameter tables and selects: check those too.
    await page.locator('#operations-ids-validateId .opblock-summary-control').click();
    await page.locator('#operations-ids-validateIds .opblock-summary-control').click();
    await page.locator('#operations-ids-validateIds .opblock-body').waitFor();
    await page.locator('#operations-ids-validateId tr[data-param-name="kind"] select').waitFor();
    assert.deepEqual(await axeViolations(page), []);
  });

  it('the language switcher leads to the same page in the other language', async () => {
    await page.goto(`${browser.baseUrl}/fr/tools/validate?ids=NLTNM`);
    await Promise.all([
      page.waitForEvent('load'),
      page.locator('.language-switcher a[hreflang="nl"]').click(),
    ]);
    assert.equal(new URL(page.url()).pathname, '/nl/tools/validate');
    assert.equal(new URL(page.url()).search, '?ids=NLTNM');
    assert.equal(await page.locator('h1').innerText(), 'E-mobiliteits-ID’s controleren');
    assert.equal(await page.locator('html').getAttribute('lang'), 'nl');
    const current = page.locator('.language-switcher [aria-current="true"]');
    assert.equal(await current.getAttribute('lang'), 'nl');
  });

  for (const [acceptLanguage, lang] of [
    ['de-DE,de;q=0.9,en;q=0.5', 'de'],
    ['nl-BE', 'nl'],
    ['fr-LU, en;q=0.3', 'fr'],
    ['ja-JP', 'en'],
  ] as const) {
    it(`/ sends a reader whose browser asks for ${acceptLanguage} to /${lang}`, async () => {
      const reader = await browser.newPage();
      await reader.setExtraHTTPHeaders({ 'accept-language': acceptLanguage });
      await reader.goto(`${browser.baseUrl}/`);
      assert.equal(new URL(reader.url()).pathname, `/${lang}`);
      assert.equal(await reader.locator('html').getAttribute('lang'), lang);
      await reader.close();
    });
  }

  it('an unknown address shows the 404 page in the language of the address', async () => {
    const response = await page.goto(`${browser.baseUrl}/de/gibt-es-nicht`);
    assert.equal(response?.status(), 404);
    assert.equal(await page.locator('h1').innerText(), 'Seite nicht gefunden');
    assert.equal(await page.locator('html').getAttribute('lang'), 'de');
    assert.deepEqual(await axeViolations(page), []);
  });
});
