import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { computeCheckCharacter } from '../../src/domain/emobility-id/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { dialectSkip, DIALECTS } from '../support/databases.ts';
import { registerApi, type Party } from '../support/register-api.ts';

for (const dialect of DIALECTS) {
  describe(`resolving IDs on ${dialect}`, { skip: dialectSkip(dialect) }, () => {
    let app: TestApp;
    before(async () => {
      app = await createTestApp({ dialect, seed: true });
    });
    after(() => app.close());

    const get = (url: string) => registerApi(app).get(url);
    const problem = (url: string, status: number, code: string) =>
      registerApi(app).problem(url, status, code);

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

    it('says what other registers say about a prefix held here only when asked', async () => {
      type Answer = Record<string, unknown> & {
        federated?: { registry: string; partyId: string; source: { dataset: string } }[];
      };
      const plain = (await get('/api/v1/resolve/NL*ABL*E12345*1')).json<Answer>();
      assert.equal(plain.registered, true);
      assert.equal('federated' in plain, false, 'no federated records unless asked');
      const res = await get('/api/v1/resolve/NL*ABL*E12345*1?include=federated');
      assert.equal(res.statusCode, 200, res.body);
      const full = res.json<Answer>();
      const { federated, ...rest } = full;
      assert.deepEqual(rest, plain, 'the same answer, plus federated');
      assert.ok(federated !== undefined && federated.length > 0, res.body);
      assert.ok(federated.every((f) => f.partyId === 'ABL'));
      assert.ok(federated.some((f) => f.registry === 'benelux-idro'));
      assert.match(federated[0]!.source.dataset, /Open IDRO Directory/);
      // The kind and include parameters together, in any order.
      const both = await get('/api/v1/resolve/NL*ABL?include=federated&kind=party');
      assert.deepEqual(both.json<Answer>().federated, federated);
      await problem('/api/v1/resolve/NL*ABL?include=everything', 400, 'validation_failed');
      await problem(
        '/api/v1/resolve/NL*ABL?include=federated&include=federated',
        400,
        'validation_failed',
      );
    });

    it('answers the same, field for field, however often a prefix is resolved', async () => {
      // The first answer for a prefix is built from the database, later ones from the cache.
      const urls = ['/api/v1/resolve/BE*QQ8*E1', '/api/v1/resolve/BE*QQ8*E1?include=federated'];
      const first = await Promise.all(urls.map(async (url) => (await get(url)).body));
      const again = await Promise.all(urls.map(async (url) => (await get(url)).body));
      assert.deepEqual(again, first);
      assert.equal(first[0], first[1], 'not held here: federated is in both');
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
      // Not held here: what other registers say is the answer, without asking for it.
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
      assert.deepEqual(body.federated, [], 'not held here: federated is there, if empty');
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
  });
}

for (const dialect of DIALECTS) {
  describe(`resolving over a socket on ${dialect}`, { skip: dialectSkip(dialect) }, () => {
    let app: TestApp;
    let base = '';
    before(async () => {
      // A cache that is not asked again during the test, as `npm start` runs it: resolves whose
      // prefix is at hand are answered in front of the router.
      app = await createTestApp({ dialect, seed: true, lookupCheckEveryMs: 600_000 });
      base = await app.listen({ port: 0, host: '127.0.0.1' });
    });
    after(() => app.close());

    /** Status, headers (but those of the connection) and body. */
    const comparable = (status: number, headers: Record<string, unknown>, body: string) => {
      const kept = Object.entries(headers).filter(
        ([name]) => !['date', 'connection', 'keep-alive'].includes(name),
      );
      return { status, headers: Object.fromEntries(kept.map(([k, v]) => [k, String(v)])), body };
    };

    it('gives the answer the route gives, whether the prefix is at hand or not', async () => {
      const check = computeCheckCharacter('NLABLC12345678');
      const ids = [
        'NL*ABL',
        'nl-abl',
        'NL*ABL*E12345*1',
        'NL%2AABL%2AP12345',
        `NL-ABL-C12345678-${check}`,
        'BE*QQ8*E1',
        'BE*QQ9*E1',
        'DE*000*E1',
        'NL*AB',
        'NL*ABL?include=federated',
      ];
      for (const id of ids) {
        const url = `/api/v1/resolve/${id.includes('%') || id.includes('?') ? id : encodeURIComponent(id)}`;
        // One request id for both, since a problem names it in its body.
        const headers = { 'x-request-id': `same-${String(ids.indexOf(id))}` };
        const routed = await app.inject({ url, headers });
        const expected = comparable(routed.statusCode, routed.headers, routed.body);
        // Twice: the first may read the database, the second finds the prefix at hand.
        for (let i = 0; i < 2; i++) {
          const res = await fetch(`${base}${url}`, { headers });
          const actual = comparable(res.status, Object.fromEntries(res.headers), await res.text());
          assert.deepEqual(actual, expected, `${url} (${String(i)})`);
          // The framework's own server, with its settings, carries both ways.
          assert.equal(res.headers.get('keep-alive'), 'timeout=72');
        }
      }
    });
  });
}
