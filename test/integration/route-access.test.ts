import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse, RouteOptions } from 'fastify';
import { CookieJar, csrfOf, getPage, signIn } from '../support/accounts.ts';
import { createApplicant, type TestApplicant } from '../support/applicants.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { DIALECTS, dialectSkip } from '../support/databases.ts';
import { createStaff } from '../support/staff.ts';

/** Who may use a route. */
type Audience = 'public' | 'applicant' | 'staff' | 'admin';

/**
 * Every route's audience, written out by hand: the test fails for a route that matches no rule,
 * so a new route cannot go unclassified. First match wins; methods `*` match any.
 */
const RULES: readonly (readonly [method: string, url: RegExp, audience: Audience])[] = [
  ['*', /^\/:lang\/admin\/(sign-in|enrol\/:token)$/, 'public'],
  ['*', /^\/:lang\/admin\/(staff|reserved)(\/|$)/, 'admin'],
  ['POST', /^\/:lang\/admin\/(codes|requests)\//, 'admin'],
  ['*', /^\/:lang\/admin(\/|$)/, 'staff'],
  ['GET', /^\/:lang\/apply$/, 'public'],
  ['*', /^\/:lang\/(account|apply)(\/|$)/, 'applicant'],
  ['*', /^\/api\/v1\/(me|applications)(\/|$)/, 'applicant'],
  ['*', /^\/api\/v1\/(validate|parties|resolve|changes|stats|register|availability)\b/, 'public'],
  [
    'GET',
    /^\/(register\.(csv|json|ndjson)|healthz|openapi\.json|docs(\/.*)?|assets\/\*|)$/,
    'public',
  ],
  ['*', /^\/:lang(\/(register|stats|tools\/validate|sign-in|sign-out)(\/.*)?)?$/, 'public'],
];

interface Route {
  readonly method: string;
  /** As registered: pages are registered once per language, `/fr/…`, `/nl/…`. */
  readonly url: string;
  /** With the language as `:lang`, for the rules. */
  readonly pattern: string;
  readonly access: string | undefined;
}

function audienceOf(route: Route): Audience | undefined {
  for (const [method, url, audience] of RULES) {
    if ((method === '*' || method === route.method) && url.test(route.pattern)) return audience;
  }
  return undefined;
}

const SAMPLES: Readonly<Record<string, string>> = {
  lang: 'en',
  token: 'x'.repeat(43),
  countryCode: 'BE',
  partyId: 'ZZZ',
  key: 'BEZZZ',
  '*': 'style.css',
};

function concrete(url: string): string {
  return url
    .replace(/:(\w+)/g, (_m, name: string) => SAMPLES[name] ?? randomUUID())
    .replace('*', SAMPLES['*'] ?? '');
}

/** Refused: sent to a sign-in page, or 401, or 403. */
function refusal(response: LightMyRequestResponse): 'sign-in' | 'staff-sign-in' | 401 | 403 | null {
  if (response.statusCode === 401) return 401;
  if (response.statusCode === 403) return 403;
  const location = response.headers.location ?? '';
  if (response.statusCode >= 300 && response.statusCode < 400) {
    if (/^\/\w\w\/admin\/sign-in/.test(location)) return 'staff-sign-in';
    if (/^\/\w\w\/sign-in/.test(location)) return 'sign-in';
  }
  return null;
}

for (const dialect of DIALECTS) {
  describe(`route access matrix (${dialect})`, { skip: dialectSkip(dialect) }, () => {
    const routes: Route[] = [];
    let app: TestApp;
    let applicant: TestApplicant;
    let applicantJar: CookieJar;
    let reviewerJar: CookieJar;
    let adminJar: CookieJar;
    const anonymous = new CookieJar();

    before(async () => {
      app = await createTestApp({
        dialect,
        observeRoute: (route: RouteOptions) => {
          const methods = Array.isArray(route.method) ? route.method : [route.method];
          for (const method of methods) {
            if (method === 'HEAD' || method === 'OPTIONS') continue;
            routes.push({
              method,
              url: route.url,
              pattern: route.url.replace(/^\/(fr|nl|de|en)(?=\/|$)/, '/:lang'),
              access: route.config?.access,
            });
          }
        },
      });
      applicant = await createApplicant(app);
      applicantJar = await signIn(app, applicant.email, () =>
        Promise.resolve(app.mails.at(-1)?.text),
      );
      reviewerJar = (await createStaff(app, { role: 'reviewer' })).jar;
      adminJar = (await createStaff(app, { role: 'admin' })).jar;
      // Every jar holds a CSRF secret, so that allowed POSTs get past the CSRF check.
      for (const jar of [anonymous, applicantJar, reviewerJar, adminJar]) {
        await getPage(app, jar, '/en/sign-in');
      }
    });
    after(() => app.close());

    async function send(route: Route, jar: CookieJar, headers: Record<string, string> = {}) {
      const url = concrete(route.url);
      const isApi = url.startsWith('/api/');
      if (route.method === 'GET' || route.method === 'DELETE') {
        return app.inject({
          method: route.method,
          url,
          headers: {
            accept: isApi ? 'application/json' : 'text/html',
            cookie: jar.header(),
            ...headers,
          },
        });
      }
      const form = await getPage(app, jar, '/en/sign-in');
      return app.inject({
        method: route.method as 'POST',
        url,
        headers: {
          accept: isApi ? 'application/json' : 'text/html',
          'content-type': isApi ? 'application/json' : 'application/x-www-form-urlencoded',
          cookie: jar.header(),
          ...headers,
        },
        payload: isApi ? '{}' : new URLSearchParams({ _csrf: csrfOf(form.body) }).toString(),
      });
    }

    it('classifies every route, and every back-office route declares its access', () => {
      assert.ok(routes.length > 50, `only ${routes.length} routes seen`);
      const unclassified = routes.filter((r) => audienceOf(r) === undefined);
      assert.deepEqual(unclassified, [], 'routes without an audience in the table');
      for (const route of routes) {
        const audience = audienceOf(route);
        const expected = audience === 'staff' || audience === 'admin' ? audience : undefined;
        assert.equal(route.access, expected, `${route.method} ${route.url}`);
      }
    });

    it('refuses staff and admin routes to anonymous users and applicants', async () => {
      const auditBefore = await app.db.selectFrom('audit_entry').select('seq').execute();
      for (const route of routes.filter((r) => ['staff', 'admin'].includes(audienceOf(r) ?? ''))) {
        for (const [who, jar, headers] of [
          ['anonymous', anonymous, {}],
          ['applicant', applicantJar, applicant.headers],
        ] as const) {
          const response = await send(route, jar, headers);
          const refused = refusal(response);
          assert.ok(
            refused === 'staff-sign-in' || refused === 401,
            `${who} reached ${route.method} ${route.url}: ${response.statusCode}`,
          );
        }
      }
      const auditAfter = await app.db.selectFrom('audit_entry').select('seq').execute();
      assert.equal(auditAfter.length, auditBefore.length, 'a refused request changed something');
    });

    it('refuses admin routes to reviewers and lets them use staff routes', async () => {
      for (const route of routes.filter((r) => ['staff', 'admin'].includes(audienceOf(r) ?? ''))) {
        // Signing out would end the session the rest of the loop uses.
        if (route.url.endsWith('/sign-out') && route.method === 'POST') continue;
        const response = await send(route, reviewerJar);
        const refused = refusal(response);
        if (audienceOf(route) === 'admin') {
          assert.equal(refused, 403, `reviewer reached ${route.method} ${route.url}`);
        } else {
          assert.equal(refused, null, `reviewer refused ${route.method} ${route.url}`);
        }
      }
    });

    it('lets admins use every staff and admin route', async () => {
      for (const route of routes.filter((r) => ['staff', 'admin'].includes(audienceOf(r) ?? ''))) {
        if (route.url.endsWith('/sign-out') && route.method === 'POST') continue;
        const response = await send(route, adminJar);
        assert.equal(refusal(response), null, `admin refused ${route.method} ${route.url}`);
      }
    });

    it('refuses applicant routes to anonymous users and to staff', async () => {
      for (const route of routes.filter((r) => audienceOf(r) === 'applicant')) {
        if (route.url.endsWith('/sign-out')) continue;
        for (const [who, jar] of [
          ['anonymous', anonymous],
          ['admin', adminJar],
        ] as const) {
          const response = await send(route, jar);
          const refused = refusal(response);
          assert.ok(
            refused === 'sign-in' || refused === 401,
            `${who} reached ${route.method} ${route.url}: ${response.statusCode}`,
          );
        }
      }
    });
  });
}
