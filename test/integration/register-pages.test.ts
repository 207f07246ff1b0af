import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createRegisterReader } from '../../src/db/repositories/register-reader.ts';
import { LANGUAGES } from '../../src/i18n/languages.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { dialectSkip, DIALECTS } from '../support/databases.ts';

const HTML = 'text/html; charset=utf-8';

/** The party IDs (CPO form) listed in the results table, in order. */
function listedIds(body: string): string[] {
  return [...body.matchAll(/<th scope="row"><a href="\/\w\w\/register\/(\w\w)\/(\w{3})"/g)].map(
    (m) => `${m[1]}*${m[2]}`,
  );
}

/** The href of the link with this text, `&amp;` decoded. */
function linkTo(body: string, text: string): string | undefined {
  const match = new RegExp(`<a href="([^"]+)"[^>]*>${text}</a>`).exec(body);
  return match?.[1]?.replaceAll('&amp;', '&');
}

for (const dialect of DIALECTS) {
  describe(`register pages on ${dialect}`, { skip: dialectSkip(dialect) }, () => {
    let app: TestApp;
    const get = (url: string) => app.inject({ url, headers: { accept: 'text/html' } });
    before(async () => {
      app = await createTestApp({ seed: true, dialect });
    });
    after(() => app.close());

    const titles = {
      fr: ['Rechercher dans le registre', 'Identifiant d’acteur NL*ABL', 'Le registre en chiffres'],
      nl: ['Zoeken in het register', 'Partij-ID NL*ABL', 'Het register in cijfers'],
      de: ['Im Register suchen', 'Partei-ID NL*ABL', 'Das Register in Zahlen'],
      en: ['Search the register', 'Party ID NL*ABL', 'The register in figures'],
    } as const;
    for (const lang of LANGUAGES) {
      it(`search, party and statistics pages answer in ${lang}, as UTF-8 HTML`, async () => {
        const urls = [`/${lang}/register`, `/${lang}/register/NL/ABL`, `/${lang}/stats`];
        for (const [i, url] of urls.entries()) {
          const res = await get(url);
          assert.equal(res.statusCode, 200, url);
          assert.equal(res.headers['content-type'], HTML, url);
          assert.match(res.body, new RegExp(`^<!doctype html><html lang="${lang}">`), url);
          assert.ok(res.body.includes(`<h1>${titles[lang][i]}</h1>`), `${url} has its title`);
        }
      });
    }

    it('finds Abel & Co by name whatever the case and accents, and by code in any spelling', async () => {
      for (const q of ['abel', 'ABÉL', 'Abel & Co', 'nl*abl', 'NL-ABL', 'nlabl']) {
        const res = await get(`/en/register?q=${encodeURIComponent(q)}`);
        assert.equal(res.statusCode, 200, q);
        assert.ok(listedIds(res.body).includes('NL*ABL'), `${q} finds NL*ABL`);
        assert.match(res.body, /Abel &amp; Co/, q);
      }
      const accented = await get('/nl/register?q=gabriels');
      assert.match(accented.body, /Gabriëls &amp; Co/);
    });

    it('filters by country, role and status, and keeps the choices in the form', async () => {
      const res = await get('/en/register?country=lu&role=emsp&q=shell');
      assert.equal(res.statusCode, 200);
      const ids = listedIds(res.body);
      assert.ok(ids.length > 0);
      assert.ok(
        ids.every((id) => id.startsWith('LU*')),
        ids.join(),
      );
      assert.match(res.body, /<option value="LU" selected>/);
      assert.match(res.body, /<option value="EMSP" selected>/);
      assert.match(res.body, /value="shell"/);
      const none = await get('/fr/register?status=withdrawn');
      assert.equal(none.statusCode, 200);
      assert.deepEqual(listedIds(none.body), []);
      assert.match(none.body, /Aucun code ne correspond à votre recherche/);
      assert.match(none.body, /retirez un filtre/);
    });

    it('pages through results with cursors that keep every filter, and no code twice', async () => {
      const expected = (await createRegisterReader(app.db).stats()).byCountry.BE;
      const seen: string[] = [];
      let url: string | undefined = '/de/register?country=BE&q=+';
      for (let page = 0; url !== undefined && page < 20; page++) {
        const res = await get(url);
        assert.equal(res.statusCode, 200, url);
        seen.push(...listedIds(res.body));
        const next = linkTo(res.body, 'Nächste Seite');
        if (next !== undefined) assert.match(next, /^\/de\/register\?country=BE&cursor=[\w-]+$/);
        if (page > 0)
          assert.equal(linkTo(res.body, 'Zurück zur ersten Seite'), '/de/register?country=BE');
        url = next;
      }
      assert.equal(seen.length, expected);
      assert.equal(new Set(seen).size, seen.length);
      assert.ok(seen.every((id) => id.startsWith('BE*')));
    });

    it('says how many codes were found when they fit on one page, per language plural rules', async () => {
      const one = await get('/fr/register?q=abel');
      assert.match(one.body, /<caption>1\u00a0code trouvé<\/caption>/);
      const many = await get('/en/register?q=shell');
      assert.match(many.body, /<caption>\d+ codes found<\/caption>/);
      const first = await get('/en/register');
      assert.match(
        first.body,
        /<caption>The first 50 codes found; there are more on the next page/,
      );
    });

    it('shows a code with its holder, roles, status meaning, other codes and public history', async () => {
      const res = await get('/en/register/NL/ABL');
      assert.match(res.body, /Held by Abel &amp; Co\./);
      assert.match(res.body, /NL\*ABL for operators, NL-ABL for providers, NLABL compact/);
      assert.match(
        res.body,
        /<a href="https:\/\/www\.abelenco\.nl" rel="noopener">www\.abelenco\.nl<\/a>/,
      );
      assert.match(res.body, /EVSE IDs and contract IDs built on it are valid/);
      assert.match(res.body, /<h2 id="history-heading">Public history<\/h2>/);
      assert.match(
        res.body,
        /<td>Imported into the register<\/td><td>Initial status: active<\/td>/,
      );
      assert.match(res.body, /This holder has no other code in the register\./);
      assert.match(res.body, /href="\/api\/v1\/parties\/NL\/ABL"/);
      const big = await get('/nl/register/BE/SFS');
      assert.match(big.body, /<caption>8 andere codes<\/caption>/);
      assert.match(big.body, /href="\/nl\/register\/NL\/TNM"/);
    });

    it('sends any spelling of a code to its one upper-case URL', async () => {
      for (const [url, location] of [
        ['/en/register/nl/abl', '/en/register/NL/ABL'],
        ['/fr/register/Nl/aBl', '/fr/register/NL/ABL'],
        ['/de/register/nl*abl', '/de/register/NL/ABL'],
        ['/nl/register/NL-ABL', '/nl/register/NL/ABL'],
      ] as const) {
        const res = await get(url);
        assert.equal(res.statusCode, 301, url);
        assert.equal(res.headers.location, location, url);
      }
    });

    it('answers an unknown or malformed code with a 404 page in the language of the URL', async () => {
      for (const [url, text] of [
        ['/fr/register/BE/ZZZ', 'Page introuvable'],
        ['/nl/register/XX/ABCD', 'Pagina niet gevonden'],
        ['/de/register/be*abcdef', 'Seite nicht gefunden'],
        ['/en/register/DE/ABC', 'Page not found'],
      ] as const) {
        const res = await get(url);
        assert.equal(res.statusCode, 404, url);
        assert.equal(res.headers['content-type'], HTML, url);
        assert.ok(res.body.includes(text), `${url} says ${text}`);
      }
    });

    it('escapes hostile searches and answers bad parameters with an error summary, never a 5xx', async () => {
      const script = await get(`/en/register?q=${encodeURIComponent('<script>alert(1)</script>')}`);
      assert.equal(script.statusCode, 200);
      assert.ok(!script.body.includes('<script>alert'), 'the search is escaped');
      assert.match(script.body, /value="&lt;script>alert\(1\)&lt;\/script>"/);
      const long = await get(`/en/register?q=${'é'.repeat(5000)}`);
      assert.equal(long.statusCode, 400);
      assert.match(
        long.body,
        /There is a problem[\s\S]*href="#q">Enter a search of 100 characters or fewer/,
      );
      const bad = await get(
        `/fr/register?role=${encodeURIComponent('<b>x</b>')}&status=nope&country=DE`,
      );
      assert.equal(bad.statusCode, 400);
      assert.ok(!bad.body.includes('<b>x</b>'));
      for (const field of ['country', 'role', 'status'])
        assert.match(bad.body, new RegExp(`href="#${field}"`));
      assert.match(bad.body, /<title>Erreur\u00a0: Rechercher dans le registre/);
      const cursor = await get('/en/register?q=shell&cursor=not-a-cursor');
      assert.equal(cursor.statusCode, 400);
      assert.equal(
        linkTo(
          cursor.body,
          'The link to this page of results is not valid. Go back to the first page of results',
        ),
        '/en/register?q=shell',
      );
      const repeated = await get('/en/register?q=abel&q=shell&country=NL&country=%00');
      assert.equal(repeated.statusCode, 200);
      assert.deepEqual(listedIds(repeated.body), ['NL*ABL']);
    });

    it('shows the figures as SVG charts with their tables, and says honestly that dates are unknown', async () => {
      const stats = await createRegisterReader(app.db).stats();
      const res = await get('/en/stats');
      assert.equal((res.body.match(/<svg class="bar-chart" role="img"/g) ?? []).length, 3);
      assert.match(res.body, /<title id="by-country-title">Codes by country<\/title>/);
      assert.match(
        res.body,
        new RegExp(`<th scope="row">Belgium</th><td class="numeric">${stats.byCountry.BE}</td>`),
      );
      assert.match(res.body, new RegExp(`<dd>${stats.total}</dd>`));
      assert.match(res.body, /<th scope="row">Location owner<\/th><td class="numeric">0<\/td>/);
      assert.match(
        res.body,
        new RegExp(
          `registration dates of the ${stats.registrationDateUnknown} codes in the register are not known`,
        ),
      );
      for (const href of ['/register.csv', '/register.json', '/register.ndjson']) {
        assert.ok(res.body.includes(`href="${href}"`), href);
      }
    });

    it('links the register from the navigation and the home page', async () => {
      const res = await get('/nl');
      assert.match(res.body, /<a href="\/nl\/register">Register<\/a>/);
      assert.match(res.body, /<a href="\/nl\/stats">Statistieken<\/a>/);
      assert.match(res.body, /<form method="get" action="\/nl\/register" role="search"/);
      const current = await get('/nl/stats');
      assert.match(current.body, /<a href="\/nl\/stats" aria-current="page">/);
    });
  });
}
