import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { createTestApp } from '../support/app.ts';
import {
  axeViolations,
  browserSkip,
  openBrowser,
  type BrowserSession,
} from '../support/browser.ts';
import { PartyPage } from './pages/party-page.ts';
import { RegisterPage } from './pages/register-page.ts';
import { StatsPage } from './pages/stats-page.ts';

describe('the register pages in Chromium', { skip: browserSkip() }, () => {
  let browser: BrowserSession;
  let page: Page;
  before(async () => {
    browser = await openBrowser(await createTestApp({ seed: true }));
    page = await browser.newPage();
  });
  after(() => browser.close());

  it('a reader searches by name, opens the code and reads its history', async () => {
    const search = new RegisterPage(page, browser.baseUrl);
    assert.equal(await search.open('en'), 200);
    await search.search('ABEL');
    await search.submit();
    assert.equal(new URL(page.url()).search, '?q=ABEL&country=&role=&status=');
    const rows = await search.results();
    const abel = rows.find((r) => r.id === 'NL*ABL');
    assert.deepEqual(abel, {
      id: 'NL*ABL',
      otherForm: 'NL-ABL',
      holder: 'Abel & Co',
      roles: 'CPO',
      status: 'Active',
      validFrom: 'Date not known',
    });
    await search.openParty('NL*ABL');
    const party = new PartyPage(page, browser.baseUrl);
    assert.equal(await party.title(), 'Party ID NL*ABL');
    assert.equal(await party.lead(), 'Held by Abel & Co.');
    assert.equal((await party.details('Holder'))['Legal name'], 'Abel & Co');
    assert.deepEqual(await party.websiteLink(), {
      href: 'https://www.abelenco.nl',
      rel: 'noopener',
    });
    const history = await party.history();
    assert.deepEqual(
      history.map((h) => [h.event, h.status]),
      [['Imported into the register', 'Initial status: active']],
    );
  });

  it('filters narrow the results, stay chosen, and survive the next page', async () => {
    const search = new RegisterPage(page, browser.baseUrl);
    await search.open('fr');
    await search.choose('country', 'Belgique');
    await search.choose('role', 'Opérateur de points de recharge (CPO)');
    await search.submit();
    assert.equal(await search.selected('country'), 'BE');
    const first = await search.results();
    assert.equal(first.length, 50);
    assert.ok(first.every((r) => r.id.startsWith('BE*') && r.roles.includes('CPO')));
    await search.followPageLink('Page suivante');
    const second = await search.results();
    assert.ok(second.every((r) => r.id.startsWith('BE*')));
    assert.ok(second[0]!.id > first.at(-1)!.id, 'the next page starts after the first');
    assert.equal(await search.selected('role'), 'CPO');
    await search.followPageLink('Retour à la première page');
    assert.deepEqual(await search.results(), first);
  });

  it('the statistics page draws a chart for each breakdown, with its table', async () => {
    const stats = new StatsPage(page, browser.baseUrl);
    assert.equal(await stats.open('de'), 200);
    const charts = await stats.charts();
    assert.deepEqual(
      charts.map((c) => c.name),
      ['Codes nach Land', 'Codes nach Rolle', 'Codes nach Status'],
    );
    const byCountry = charts[0]!;
    assert.equal(byCountry.bars, 3);
    assert.deepEqual(Object.keys(byCountry.table), ['Belgien', 'Niederlande', 'Luxemburg']);
    const total = Object.values(byCountry.table).reduce((sum, n) => sum + Number(n), 0);
    assert.equal((await stats.keyFigures())['Partei-Codes'], String(total));
    assert.match(await stats.monthSection(), /nicht bekannt/);
  });

  for (const lang of ['fr', 'nl', 'de', 'en'] as const) {
    it(`search, party and statistics pages in ${lang} have no WCAG 2.1 AA violations`, async () => {
      const search = new RegisterPage(page, browser.baseUrl);
      assert.equal(await search.open(lang), 200);
      assert.deepEqual(await axeViolations(page), [], `${lang} search`);
      assert.equal(await new PartyPage(page, browser.baseUrl).open(lang, 'be', 'sfs'), 200);
      assert.equal(new URL(page.url()).pathname, `/${lang}/register/BE/SFS`);
      assert.deepEqual(await axeViolations(page), [], `${lang} party`);
      assert.equal(await new StatsPage(page, browser.baseUrl).open(lang), 200);
      assert.deepEqual(await axeViolations(page), [], `${lang} stats`);
    });
  }

  it('the search with results, with none and with errors has no WCAG 2.1 AA violations', async () => {
    const search = new RegisterPage(page, browser.baseUrl);
    await search.open('nl', '?q=shell&country=NL');
    assert.ok((await search.results()).length > 0);
    assert.deepEqual(await axeViolations(page), [], 'results');
    await search.open('fr', '?q=zzzzzz');
    assert.equal(await search.noResultsHeading(), 'Aucun code ne correspond à votre recherche');
    assert.deepEqual(await axeViolations(page), [], 'no results');
    assert.equal(await search.open('en', '?role=pilot&cursor=forged'), 400);
    assert.deepEqual(await search.errorSummary(), ['Choose a role from the list']);
    assert.deepEqual(await axeViolations(page), [], 'errors');
  });
});

describe('the register pages in Chromium without JavaScript', { skip: browserSkip() }, () => {
  let browser: BrowserSession;
  let page: Page;
  before(async () => {
    browser = await openBrowser(await createTestApp({ seed: true }), false);
    page = await browser.newPage();
  });
  after(() => browser.close());

  it('search, filters, pages, the party page and the charts all work', async () => {
    const search = new RegisterPage(page, browser.baseUrl);
    await search.open('nl');
    await search.search('gabriëls');
    await search.choose('status', 'Actief');
    await search.submit();
    const rows = await search.results();
    assert.ok(rows.length > 0);
    assert.ok(rows.every((r) => r.holder === 'Gabriëls & Co' && r.status === 'Actief'));
    assert.equal(await search.caption(), `${rows.length} codes gevonden`);
    await search.openParty(rows[0]!.id);
    const party = new PartyPage(page, browser.baseUrl);
    assert.equal(await party.title(), `Partij-ID ${rows[0]!.id}`);
    assert.equal((await party.history())[0]?.event, 'In het register geïmporteerd');
    assert.deepEqual(
      await party.otherCodes(),
      rows.slice(1).map((r) => r.id),
    );
    await search.open('en');
    const first = await search.results();
    await search.followPageLink('Next page');
    assert.notDeepEqual(await search.results(), first);
    const stats = new StatsPage(page, browser.baseUrl);
    await stats.open('en');
    assert.equal((await stats.charts()).length, 3);
  });
});
