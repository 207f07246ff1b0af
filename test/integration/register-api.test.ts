import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createRegisterStore } from '../../src/db/repositories/register-store.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { dialectSkip, DIALECTS } from '../support/databases.ts';
import {
  registerApi,
  type Change,
  type ChangePage,
  type Party,
  type PartyList,
} from '../support/register-api.ts';

for (const dialect of DIALECTS) {
  describe(`register API on ${dialect}`, { skip: dialectSkip(dialect) }, () => {
    let app: TestApp;
    before(async () => {
      app = await createTestApp({ dialect, seed: true });
    });
    after(() => app.close());

    const get = (url: string, headers: Record<string, string> = {}) =>
      registerApi(app).get(url, headers);
    const list = async (query: string) => {
      const res = await get(`/api/v1/parties?${query}`);
      assert.equal(res.statusCode, 200, res.body);
      return res.json<PartyList>();
    };
    const ids = (page: PartyList) => page.parties.map((p) => p.id);
    /** Follows the change feed from a cursor to its end, as a consumer does. */
    const follow = async (from: string) => {
      const changes: Change[] = [];
      let after = from;
      for (;;) {
        const res = await get(`/api/v1/changes?after=${after}&limit=200`);
        const page = res.json<ChangePage>();
        changes.push(...page.changes);
        assert.equal(res.headers.link !== undefined, page.hasMore);
        after = page.nextCursor;
        if (!page.hasMore) return { changes, cursor: after };
      }
    };
    const problem = (url: string, status: number, code: string) =>
      registerApi(app).problem(url, status, code);

    it('lists party codes in ID order with their holder, 50 to a page, linking the next', async () => {
      const res = await get('/api/v1/parties');
      assert.equal(res.headers['cache-control'], 'public, max-age=60');
      const page = res.json<PartyList>();
      assert.equal(page.parties.length, 50);
      assert.deepEqual(ids(page), [...ids(page)].sort());
      assert.equal(res.headers.link, `<${page.links.next}>; rel="next"`);
      const first = page.parties[0]!;
      assert.equal(first.links.self, `/api/v1/parties/${first.countryCode}/${first.id.slice(2)}`);
      assert.equal(typeof first.holder.name, 'string');
    });

    it('filters by country (any case), role and status', async () => {
      const be = await list('country=be&limit=500');
      assert.ok(be.parties.length > 100);
      assert.ok(be.parties.every((p) => p.countryCode === 'BE'));
      const emsp = await list('role=EMSP&limit=500');
      assert.ok(emsp.parties.length > 100);
      assert.ok(emsp.parties.every((p) => p.roles.includes('EMSP')));
      const cpo = await list('role=CPO&country=NL&status=active&limit=500');
      assert.ok(cpo.parties.every((p) => p.roles.includes('CPO') && p.status === 'active'));
      assert.ok(cpo.parties.some((p) => p.id === 'NLABL'));
      assert.deepEqual((await list('status=withdrawn')).parties, []);
    });

    it('searches holder names and IDs ignoring accents and case', async () => {
      const phenix = ids(await list('q=ph%C3%A9nix'));
      assert.deepEqual(phenix, ['LUPHX']);
      assert.deepEqual(ids(await list('q=PHENIX')), phenix);
      const gabriels = ids(await list(`q=${encodeURIComponent('Gabriëls')}`));
      assert.deepEqual(gabriels, ['BEGAB', 'LUGAB', 'NLGAB']);
      assert.deepEqual(ids(await list('q=GABRIELS')), gabriels);
      const accented = ids(await list(`q=${encodeURIComponent('ÉLECTRIC')}`));
      assert.ok(accented.includes('BECEA') && accented.includes('NLTAP'), accented.join());
      assert.deepEqual(ids(await list('q=electric')), accented);
      assert.deepEqual(ids(await list(`q=${encodeURIComponent('nl*abl')}`)), ['NLABL']);
      assert.deepEqual(ids(await list('q=NL-ABL')), ['NLABL']);
      assert.deepEqual(ids(await list('q=abel+co&country=NL')), ['NLABL']);
      assert.deepEqual((await list('q=100%25')).parties, [], 'LIKE wildcards are literal');
    });

    it('walks every Belgian code page by page, without duplicates or gaps', async () => {
      const all = ids(await list('country=BE&limit=500'));
      const seen: string[] = [];
      let url: string | null = '/api/v1/parties?country=BE&limit=37';
      while (url !== null) {
        const res = await get(url);
        const page = res.json<PartyList>();
        seen.push(...ids(page));
        assert.equal(page.links.next === null, page.nextCursor === null);
        assert.equal(res.headers.link === undefined, page.links.next === null);
        url = page.links.next;
      }
      assert.equal(new Set(seen).size, seen.length);
      assert.deepEqual(seen, all);
      const stats = (await get('/api/v1/stats')).json<{ byCountry: Record<string, number> }>();
      assert.equal(seen.length, stats.byCountry.BE);
    });

    it('answers bad query values with a 400 problem naming each field', async () => {
      const cursor = await problem('/api/v1/parties?cursor=not-a-cursor', 400, 'validation_failed');
      assert.deepEqual(
        cursor.errors?.map((e) => e.field),
        ['cursor'],
      );
      const forged = Buffer.from('{"k":"x; drop"}').toString('base64url');
      await problem(`/api/v1/parties?cursor=${forged}`, 400, 'validation_failed');
      for (const [query, field] of [
        ['limit=0', 'querystring.limit'],
        ['limit=501', 'querystring.limit'],
        ['limit=ten', 'querystring.limit'],
        ['role=DRIVER', 'querystring.role'],
        ['status=ACTIVE', 'querystring.status'],
        ['country=BEL', 'querystring.country'],
        [`q=${'x'.repeat(101)}`, 'querystring.q'],
      ] as const) {
        const body = await problem(`/api/v1/parties?${query}`, 400, 'validation_failed');
        assert.ok(
          body.errors?.some((e) => e.field === field),
          `${query}: ${JSON.stringify(body)}`,
        );
      }
    });

    it('shows one code with its holder, roles, status and public history', async () => {
      const res = await get('/api/v1/parties/nl/abl');
      assert.equal(res.statusCode, 200);
      const abl = res.json<Party & { history: { sequence: number; type: string }[] }>();
      assert.equal(abl.id, 'NLABL');
      assert.equal(abl.holder.name, 'Abel & Co');
      assert.equal(abl.holder.website, 'https://www.abelenco.nl');
      assert.deepEqual(abl.roles, ['CPO']);
      assert.equal(abl.status, 'active');
      assert.equal(abl.inForce, true);
      assert.deepEqual(
        abl.history.map((e) => e.type),
        ['imported'],
      );
      assert.ok(Number.isInteger(abl.history[0]?.sequence));
      assert.equal('holderId' in abl || 'key' in abl, false, 'no internal fields');
      await problem('/api/v1/parties/BE/QQ9', 404, 'not_found');
      await problem('/api/v1/parties/XX/ABC', 400, 'validation_failed');
      await problem('/api/v1/parties/B1/ABC', 400, 'validation_failed');
      await problem('/api/v1/parties/BE/AB', 400, 'validation_failed');
    });

    it('counts codes by country, role and status, as the database holds them', async () => {
      const res = await get('/api/v1/stats');
      assert.ok(res.headers.etag);
      const stats = res.json<{
        total: number;
        holders: number;
        byCountry: Record<string, number>;
        byRole: Record<string, number>;
        byStatus: Record<string, number>;
        registrationDateUnknown: number;
      }>();
      assert.equal(stats.holders, 300);
      assert.equal(
        (stats.byRole.CPO ?? 0) + (stats.byRole.EMSP ?? 0),
        951,
        'the 951 ID-role entries of the export',
      );
      const byCountry = await app.db
        .selectFrom('party_code')
        .select(['country as k', (eb) => eb.fn.countAll().as('n')])
        .groupBy('country')
        .execute();
      const byRole = await app.db
        .selectFrom('party_code_role')
        .select(['role as k', (eb) => eb.fn.countAll().as('n')])
        .groupBy('role')
        .execute();
      const counts = (rows: { k: string; n: unknown }[]) =>
        Object.fromEntries(rows.map((r) => [r.k, Number(r.n)]));
      assert.deepEqual(stats.byCountry, counts(byCountry));
      assert.deepEqual(stats.byRole, { LOCATION_OWNER: 0, ...counts(byRole) });
      assert.deepEqual(stats.byStatus, {
        reserved: 0,
        active: stats.total,
        suspended: 0,
        withdrawn: 0,
      });
      assert.equal(stats.registrationDateUnknown, stats.total);
      const again = await get('/api/v1/stats', { 'if-none-match': res.headers.etag });
      assert.equal(again.statusCode, 304);
    });

    it('feeds every change in order, so that a consumer can follow it to the end', async () => {
      const { changes, cursor: after } = await follow('0');
      const sequences = changes.map((c) => c.sequence);
      assert.deepEqual(
        sequences,
        [...sequences].sort((a, b) => a - b),
      );
      assert.equal(new Set(changes.map((c) => c.party.id)).size, changes.length);
      const total = (await get('/api/v1/stats')).json<{ total: number }>().total;
      assert.equal(changes.length, total);
      const idle = (await get(`/api/v1/changes?after=${after}`)).json<ChangePage>();
      assert.deepEqual(idle, { changes: [], nextCursor: after, hasMore: false });
      await problem('/api/v1/changes?after=abc', 400, 'validation_failed');
      await problem('/api/v1/changes?limit=0', 400, 'validation_failed');
    });

    it('after a code is suspended: new ETag, one change in the feed, and resolve says so', async () => {
      const csv = await get('/api/v1/register.csv');
      const etag = String(csv.headers.etag);
      const { cursor } = await follow('0');
      const unchanged = await get(`/api/v1/changes?after=${cursor}`);
      const feedTag = String(unchanged.headers.etag);
      assert.equal(
        (await get('/api/v1/resolve/NL*ABL*E1')).json<Party & { inForce: boolean }>().inForce,
        true,
      );

      const at = new Date().toISOString();
      await createRegisterStore(app.db).transaction(async (w) => {
        const code = await w.findCode('NLABL');
        assert.ok(code);
        await w.updateCode({ ...code, status: 'suspended' }, at);
        await w.appendEvent({
          key: 'NLABL',
          type: 'status_changed',
          fromStatus: 'active',
          toStatus: 'suspended',
          reason: 'Annual fee not paid.',
          at,
        });
      });

      const csvAfter = await get('/api/v1/register.csv', { 'if-none-match': etag });
      assert.equal(csvAfter.statusCode, 200, 'the old ETag no longer matches');
      assert.notEqual(csvAfter.headers.etag, etag);
      assert.ok(!csvAfter.body.includes('NL*ABL'), 'the CSV lists codes in force only');
      const changed = await get(`/api/v1/changes?after=${cursor}`, { 'if-none-match': feedTag });
      assert.equal(changed.statusCode, 200);
      const news = changed.json<ChangePage>().changes;
      assert.equal(news.length, 1);
      assert.equal(news[0]?.type, 'status_changed');
      assert.equal(news[0].party.id, 'NLABL');
      assert.equal(news[0].party.status, 'suspended');
      const resolved = (await get('/api/v1/resolve/NL*ABL*E1')).json<{
        registered: boolean;
        inForce: boolean;
        party: Party;
      }>();
      assert.equal(resolved.registered, true);
      assert.equal(resolved.inForce, false);
      assert.equal(resolved.party.status, 'suspended');
      const detail = (await get('/api/v1/parties/NL/ABL')).json<{ history: { type: string }[] }>();
      assert.deepEqual(
        detail.history.map((e) => e.type),
        ['imported', 'status_changed'],
      );
      assert.deepEqual(ids(await list('status=suspended')), ['NLABL']);
    });
  });
}
