import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createRegisterStore } from '../../src/db/repositories/register-store.ts';
import { computeCheckCharacter } from '../../src/domain/emobility-id/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { dialectSkip, DIALECTS } from '../support/databases.ts';

interface Party {
  id: string;
  countryCode: string;
  roles: string[];
  status: string;
  inForce: boolean;
  holder: { name: string; website: string | null };
  links: { self: string };
}
interface PartyList {
  parties: Party[];
  nextCursor: string | null;
  links: { self: string; next: string | null };
}
interface Problem {
  status: number;
  code: string;
  reason?: string;
  position?: number;
  errors?: { field: string; code: string }[];
}
interface Change {
  sequence: number;
  type: string;
  toStatus: string | null;
  party: Party;
}
interface ChangePage {
  changes: Change[];
  nextCursor: string;
  hasMore: boolean;
}

const PROBLEM_TYPE = 'application/problem+json; charset=utf-8';

for (const dialect of DIALECTS) {
  describe(`register API on ${dialect}`, { skip: dialectSkip(dialect) }, () => {
    let app: TestApp;
    before(async () => {
      app = await createTestApp({ dialect, seed: true });
    });
    after(() => app.close());

    const get = (url: string, headers: Record<string, string> = {}) => app.inject({ url, headers });
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
    const problem = async (url: string, status: number, code: string) => {
      const res = await get(url);
      assert.equal(res.statusCode, status, `${url}: ${res.body}`);
      assert.equal(res.headers['content-type'], PROBLEM_TYPE);
      const body = res.json<Problem>();
      assert.equal(body.code, code);
      return body;
    };

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

    it('resolves every ID kind in any spelling to the holder of its prefix', async () => {
      const check = computeCheckCharacter('NLABLC12345678');
      const cases = [
        ['NL*ABL', 'party'],
        ['nl-abl', 'party'],
        ['NL*ABL*E12345*1', 'evse'],
        ['NL*ABL*P12345', 'pool'],
        ['NL*ABL*S12345', 'station'],
        [`NL-ABL-C12345678-${check}`, 'emaid'],
        ['nlablc12345678', 'emaid'],
      ] as const;
      for (const [id, kind] of cases) {
        const res = await get(`/api/v1/resolve/${encodeURIComponent(id)}`);
        assert.equal(res.statusCode, 200, `${id}: ${res.body}`);
        assert.equal(res.headers['cache-control'], 'public, max-age=60');
        const body = res.json<{
          id: { input: string; kind: string; normalized: string; checkDigit?: string };
          prefix: { id: string; display: { cpo: string; emsp: string } };
          issuedByThisRegister: boolean;
          registered: boolean;
          inForce: boolean;
          party: Party;
        }>();
        assert.equal(body.id.input, id);
        assert.equal(body.id.kind, kind, id);
        assert.deepEqual(body.prefix.display, { cpo: 'NL*ABL', emsp: 'NL-ABL' });
        assert.equal(body.issuedByThisRegister, true);
        assert.equal(body.registered, true);
        assert.equal(body.inForce, true);
        assert.equal(body.party.holder.name, 'Abel & Co');
        if (kind === 'emaid') assert.equal(body.id.checkDigit, check);
      }
    });

    it('resolves a foreign prefix with what other registers say and where it comes from', async () => {
      const body = (await get('/api/v1/resolve/DE*000*E1')).json<{
        issuedByThisRegister: boolean;
        registered: boolean;
        party: null;
        federated: {
          registry: string;
          role: string;
          name: string;
          official: boolean;
          source: { url: string; retrievedAt: string; dataset: string };
        }[];
      }>();
      assert.equal(body.issuedByThisRegister, false);
      assert.equal(body.registered, false);
      assert.equal(body.party, null);
      assert.deepEqual(body.federated.map((f) => f.role).sort(), ['CPO', 'EMSP']);
      const record = body.federated[0]!;
      assert.equal(record.registry, 'de-bdew');
      assert.equal(record.name, 'Energiegewinner eG');
      assert.equal(record.official, true);
      assert.equal(record.source.retrievedAt, '2026-06-29T15:36:31.359Z');
      assert.match(record.source.url, /^https:\/\/bdew-codes\.de\//);
      assert.match(record.source.dataset, /Open IDRO Directory/);
    });

    it('resolves an unknown Benelux prefix as not registered', async () => {
      const body = (await get('/api/v1/resolve/BE*QQ9*E1')).json<Record<string, unknown>>();
      assert.equal(body.issuedByThisRegister, true);
      assert.equal(body.registered, false);
      assert.equal(body.inForce, false);
      assert.equal(body.party, null);
    });

    it('answers invalid syntax with a 400 invalid_id problem and its reason', async () => {
      const mismatch = await problem('/api/v1/resolve/NL-ABL-C12345678-0', 400, 'invalid_id');
      if (computeCheckCharacter('NLABLC12345678') !== '0') {
        assert.equal(mismatch.reason, 'check_digit_mismatch');
        assert.equal(typeof mismatch.position, 'number');
      }
      const unknown = await problem('/api/v1/resolve/XX*ABC', 400, 'invalid_id');
      assert.equal(unknown.reason, 'unknown_country_code');
      const short = await problem('/api/v1/resolve/NL*AB', 400, 'invalid_id');
      assert.equal(typeof short.reason, 'string');
      const wrongKind = await problem('/api/v1/resolve/NL*ABL?kind=evse', 400, 'invalid_id');
      assert.equal(typeof wrongKind.reason, 'string');
      await problem('/api/v1/resolve/NL*ABL?kind=checkdigit', 400, 'validation_failed');
    });

    it('never answers malformed input with a 5xx', async () => {
      const urls = [
        '/api/v1/resolve/%ZZ',
        `/api/v1/resolve/${'A'.repeat(400)}`,
        '/api/v1/resolve/%00',
        '/api/v1/resolve/%F0%9F%94%8C',
        '/api/v1/resolve/NL%2AABL%2AE1',
        '/api/v1/resolve/ ',
        '/api/v1/parties?limit=1&limit=2',
        '/api/v1/parties?cursor=%FF%FE',
        '/api/v1/parties/%ZZ/ABC',
        '/api/v1/changes?after=-1',
        '/api/v1/changes?after=99999999999999999999',
        '/api/v1/changes?limit=1e3',
        '/api/v1/register.csv?x=%ZZ',
      ];
      for (const url of urls) {
        const res = await get(url);
        assert.ok(res.statusCode < 500, `${url} → ${res.statusCode} ${res.body}`);
      }
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
