import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderToString } from 'preact-render-to-string';
import type { PartyRecord, RegisterEvent, RegisterStats } from '../../../app/register/models.ts';
import { createTranslator } from '../../../i18n/i18n.ts';
import type { Language } from '../../../i18n/languages.ts';
import type { PageContext } from '../../../views/page-context.ts';
import { PartyPage } from './party-page.tsx';
import { parseSearchQuery, searchUrl } from './search-query.ts';
import { StatsPage } from './stats-page.tsx';

const translator = createTranslator();
const ctx = (lang: Language, path = '/register/BE/ABC'): PageContext => ({
  lang,
  t: translator.t(lang),
  path,
});

const record: PartyRecord = {
  key: 'BEABC',
  country: 'BE',
  code: 'ABC',
  roles: ['CPO', 'LOCATION_OWNER'],
  status: 'withdrawn',
  validFrom: '2021-07-15T00:00:00.000Z',
  validTo: '2024-12-31T23:30:00.000Z',
  successorKey: 'NLXYZ',
  holder: {
    id: 'h1',
    legalName: 'Énergie & Fils SA',
    tradingName: 'EF Charge',
    country: 'BE',
    website: 'javascript:alert(1)',
  },
  createdAt: '2021-07-15T00:00:00.000Z',
  updatedAt: '2024-12-31T00:00:00.000Z',
};

const withdrawal: RegisterEvent = {
  id: 7,
  key: 'BEABC',
  type: 'status_changed',
  fromStatus: 'active',
  toStatus: 'withdrawn',
  reason: 'Terminated by the holder.',
  at: '2024-12-31T23:30:00.000Z',
  record,
};

describe('register views', () => {
  it('a party page writes dates in its language, in UTC, and words every change', () => {
    const html = renderToString(
      PartyPage({ ctx: ctx('fr'), detail: { record, history: [withdrawal] }, others: [] }),
    );
    assert.match(html, /<time datetime="2021-07-15T00:00:00.000Z">15 juillet 2021<\/time>/);
    assert.match(html, />31 décembre 2024<\/time>/, 'UTC, not the local date');
    assert.match(html, /Passé de «\u00a0actif\u00a0» à «\u00a0retiré\u00a0»/);
    assert.match(html, /ne sera plus jamais attribué à personne/);
    assert.match(html, /Opérateur de points de recharge \(CPO\) et Propriétaire de site/);
    assert.match(html, /<a href="\/fr\/register\/NL\/XYZ" class="mono">NL\*XYZ<\/a>/);
    assert.match(html, /<dd>EF Charge<\/dd>/);
    assert.match(html, /<dd>Belgique<\/dd>/);
  });

  it('never links a website that is not plain http(s)', () => {
    const html = renderToString(
      PartyPage({ ctx: ctx('en'), detail: { record, history: [] }, others: [] }),
    );
    assert.ok(!html.includes('href="javascript:'), 'no script URL');
    assert.match(html, /<dd>javascript:alert\(1\)<\/dd>/);
    assert.match(html, /No change has been recorded for this code\./);
  });

  it('draws registrations by month when dates are known, and counts those that are not', () => {
    const stats: RegisterStats = {
      total: 5,
      holders: 2,
      byCountry: { BE: 3, NL: 2 },
      byRole: { CPO: 5 },
      byStatus: { active: 4, withdrawn: 1 },
      registrationsByMonth: [
        { month: '2021-07', count: 2 },
        { month: '2022-01', count: 2 },
      ],
      registrationDateUnknown: 1,
    };
    const html = renderToString(StatsPage({ ctx: ctx('nl', '/stats'), stats }));
    assert.equal((html.match(/role="img"/g) ?? []).length, 4);
    assert.match(html, /<th scope="row">juli 2021<\/th><td class="numeric">2<\/td>/);
    assert.match(html, /De registratiedatum van 1 code is niet bekend/);
    assert.match(html, /<th scope="row">Luxemburg<\/th><td class="numeric">0<\/td>/);
  });

  it('reads the search query leniently but never passes a bad filter on', () => {
    const ok = parseSearchQuery({ q: '  Abel ', country: 'nl', role: 'emsp', status: 'ACTIVE' });
    assert.deepEqual(ok.filter, { q: 'Abel', country: 'NL', role: 'EMSP', status: 'active' });
    assert.deepEqual(ok.errors, []);
    const bad = parseSearchQuery({
      q: 'x'.repeat(101),
      country: 'DE',
      role: ['pilot'],
      status: {},
    });
    assert.deepEqual(bad.filter, {});
    assert.deepEqual(
      bad.errors.map((e) => e.field),
      ['q', 'country', 'role'],
      'a non-text status counts as none',
    );
    assert.equal(
      searchUrl('de', { q: 'a&b', country: 'BE', role: '', status: '' }, 'abc'),
      '/de/register?q=a%26b&country=BE&cursor=abc',
    );
  });
});
