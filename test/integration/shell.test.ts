import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { LANGUAGES } from '../../src/i18n/languages.ts';
import { createTestApp } from '../support/app.ts';

describe('the page shell and service routes', () => {
  let app: FastifyInstance;
  before(async () => {
    app = await createTestApp();
  });
  after(() => app.close());

  it('/ redirects to the language Accept-Language prefers', async () => {
    const res = await app.inject({ url: '/', headers: { 'accept-language': 'de-CH, nl;q=0.5' } });
    assert.equal(res.statusCode, 302);
    assert.equal(res.headers.location, '/de');
    assert.match(String(res.headers.vary), /Accept-Language/);
    const fallback = await app.inject({ url: '/', headers: { 'accept-language': 'ja' } });
    assert.equal(fallback.headers.location, '/en');
  });

  for (const lang of LANGUAGES) {
    it(`/${lang} is the home page in that language, as UTF-8 HTML`, async () => {
      const res = await app.inject({ url: `/${lang}` });
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'text/html; charset=utf-8');
      assert.match(res.body, new RegExp(`^<!doctype html><html lang="${lang}">`));
      for (const other of LANGUAGES.filter((l) => l !== lang)) {
        assert.match(res.body, new RegExp(`href="/${other}" hreflang="${other}"`));
      }
    });
  }

  it('the home page links to the same page in the other languages and keeps a trailing slash working', async () => {
    const res = await app.inject({ url: '/nl/' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Direct naar de inhoud/);
  });

  it('an unknown page is a 404 page in the language of the URL for browsers', async () => {
    const res = await app.inject({ url: '/fr/nulle-part', headers: { accept: 'text/html' } });
    assert.equal(res.statusCode, 404);
    assert.match(String(res.headers['content-type']), /text\/html/);
    assert.match(res.body, /Page introuvable/);
  });

  it('an unknown API path is a translated problem+json 404', async () => {
    const res = await app.inject({ url: '/api/v1/nothing', headers: { 'accept-language': 'nl' } });
    assert.equal(res.statusCode, 404);
    assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
    const body = res.json<Record<string, unknown>>();
    assert.equal(body.code, 'not_found');
    assert.equal(body.title, 'Niet gevonden');
    assert.equal(body.status, 404);
    assert.equal(body.instance, '/api/v1/nothing');
    assert.equal(body.requestId, res.headers['x-request-id']);
  });

  it('a malformed URL is a translated problem, not a crash', async () => {
    const res = await app.inject({
      url: '/api/v1/resolve/%ZZ',
      headers: { 'accept-language': 'fr' },
    });
    assert.equal(res.statusCode, 400);
    assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
    const body = res.json<{ code: string; title: string }>();
    assert.equal(body.code, 'bad_request');
    assert.equal(body.title, 'La requête n’a pas pu être lue');
  });

  it('keeps a sane incoming request id and replaces a hostile one', async () => {
    const kept = await app.inject({ url: '/healthz', headers: { 'x-request-id': 'abc-123' } });
    assert.equal(kept.headers['x-request-id'], 'abc-123');
    const replaced = await app.inject({ url: '/healthz', headers: { 'x-request-id': '<script>' } });
    assert.match(String(replaced.headers['x-request-id']), /^[\w-]{22}$/);
  });

  it('every kind of answer carries its request id', async () => {
    const urls = [
      '/healthz',
      '/api/v1/resolve/BE*ABC',
      '/api/v1/validate?id=nonsense',
      '/api/v1/account',
      '/register.csv',
      '/en',
      '/fr/register',
      '/en/admin',
      '/assets/site.css',
      '/docs',
      '/openapi.json',
      '/api/v1/nothing',
      '/nowhere',
      '/api/v1/resolve/%ZZ',
    ];
    for (const url of urls) {
      const res = await app.inject({ url, headers: { 'x-request-id': `id-${url.length}` } });
      assert.equal(res.headers['x-request-id'], `id-${url.length}`, `${url} (${res.statusCode})`);
    }
  });

  it('asks for HTTPS only on answers that come over HTTPS, and keeps document headers to documents', async () => {
    const proxied = await createTestApp({ env: { TRUST_PROXY: 'true' } });
    try {
      const urls = [
        '/healthz',
        '/api/v1/resolve/BE*ABC',
        '/api/v1/account',
        '/register.csv',
        '/en',
        '/en/admin',
        '/docs',
        '/api/v1/nothing',
        '/nowhere',
        '/api/v1/resolve/%ZZ',
      ];
      for (const url of urls) {
        const secure = await proxied.inject({ url, headers: { 'x-forwarded-proto': 'https' } });
        assert.equal(
          secure.headers['strict-transport-security'],
          'max-age=31536000; includeSubDomains',
          `${url} over HTTPS (${secure.statusCode})`,
        );
        const plain = await proxied.inject({ url });
        assert.equal(plain.headers['strict-transport-security'], undefined, `${url} over HTTP`);
      }
      // An untrusted client cannot claim HTTPS for itself.
      const claimed = await app.inject({
        url: '/api/v1/resolve/BE*ABC',
        headers: { 'x-forwarded-proto': 'https' },
      });
      assert.equal(claimed.headers['strict-transport-security'], undefined);
    } finally {
      await proxied.close();
    }

    const data = await app.inject({ url: '/api/v1/resolve/BE*ABC' });
    assert.equal(
      data.headers['content-security-policy'],
      "default-src 'none'; frame-ancestors 'none'",
    );
    assert.equal(data.headers['x-content-type-options'], 'nosniff');
    assert.equal(data.headers['referrer-policy'], undefined);
    const page = await app.inject({ url: '/en' });
    assert.equal(page.headers['referrer-policy'], 'no-referrer');
    assert.equal(page.headers['x-content-type-options'], 'nosniff');
  });

  it('the public API may be read from any web page; the signed-in side and the pages may not', async () => {
    const origin = { origin: 'https://map.example' };
    const resolved = await app.inject({ url: '/api/v1/resolve/BE*ABC', headers: origin });
    assert.equal(resolved.headers['access-control-allow-origin'], '*');
    assert.match(String(resolved.headers['access-control-expose-headers']), /\betag\b/);
    const export_ = await app.inject({ url: '/register.csv', headers: origin });
    assert.equal(export_.headers['access-control-allow-origin'], '*');

    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/api/v1/parties?q=x',
      headers: {
        ...origin,
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'if-none-match',
      },
    });
    assert.equal(preflight.statusCode, 204);
    assert.equal(preflight.headers['access-control-allow-origin'], '*');
    assert.match(String(preflight.headers['access-control-allow-headers']), /if-none-match/);
    assert.doesNotMatch(String(preflight.headers['access-control-allow-headers']), /authorization/);

    for (const url of ['/api/v1/me', '/en', '/en/register']) {
      const res = await app.inject({ url, headers: origin });
      assert.equal(res.headers['access-control-allow-origin'], undefined, url);
    }
  });

  it('GET /healthz reports the database', async () => {
    const res = await app.inject({ url: '/healthz' });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json<{ checks: unknown }>().checks, { database: 'ok' });
    assert.equal(res.headers['cache-control'], 'no-store');
  });

  it('GET /healthz answers 503 when the database does not', async () => {
    const down = await createTestApp({
      health: { check: () => Promise.resolve({ database: false }) },
    });
    const res = await down.inject({ url: '/healthz' });
    await down.close();
    assert.equal(res.statusCode, 503);
    assert.equal(res.json<{ status: string }>().status, 'degraded');
  });

  it('serves the OpenAPI document and the interactive docs', async () => {
    const doc = await app.inject({ url: '/openapi.json' });
    assert.equal(doc.statusCode, 200);
    const openapi = doc.json<{ openapi: string; paths: Record<string, unknown> }>();
    assert.equal(openapi.openapi, '3.1.0');
    assert.ok('/healthz' in openapi.paths);
    assert.ok(!('/fr' in openapi.paths), 'pages are not API operations');
    const docs = await app.inject({ url: '/docs/' });
    assert.equal(docs.statusCode, 200);
    assert.match(docs.body, /swagger/i);
  });

  it('serves the stylesheet with a content security policy on pages', async () => {
    const css = await app.inject({ url: '/assets/style.css' });
    assert.equal(css.statusCode, 200);
    assert.match(String(css.headers['content-type']), /text\/css/);
    const page = await app.inject({ url: '/en' });
    assert.match(String(page.headers['content-security-policy']), /script-src 'self'/);
  });
});
