import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { importBeneluxRegister } from '../../src/app/register/import-benelux-register.ts';
import type { PartyRecord } from '../../src/app/register/models.ts';
import { createRegisterReader } from '../../src/db/repositories/register-reader.ts';
import { createRegisterStore } from '../../src/db/repositories/register-store.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { createTestDb, dialectSkip, DIALECTS } from '../support/databases.ts';
import { BENELUX_EXPORT, fixedClock, readSeed, uuids } from '../support/register.ts';

const HEADER = '"Company Name","Operator-ID (CPO)","Provider-ID (MSP)",Website';
const EXPORTS = ['register.csv', 'register.json', 'register.ndjson'] as const;

/** A seed row as we write it: CPO IDs with `*`, eMSP IDs with `-`, single spaces in the name. */
function canonicalRow(row: string): string {
  const cells = /^"((?:[^"]|"")*)",("[^"]*"|\/),("[^"]*"|\/),(.*)$/.exec(row);
  assert.ok(cells, row);
  const [, name = '', cpo = '', emsp = '', website = ''] = cells;
  const cpoIds = cpo.replace(/\b([A-Z]{2})-([A-Z0-9]{3})\b/g, '$1*$2');
  const emspIds = emsp.replace(/\b([A-Z]{2})\*([A-Z0-9]{3})\b/g, '$1-$2');
  return `"${name.replace(/ {2,}/g, ' ')}",${cpoIds},${emspIds},${website}`;
}

/** Each code with its sorted roles, as one comparable line. */
async function codesAndRoles(records: AsyncIterable<PartyRecord>): Promise<string[]> {
  const lines: string[] = [];
  for await (const r of records) lines.push(`${r.key} ${[...r.roles].sort().join('+')}`);
  return lines.sort();
}

for (const dialect of DIALECTS) {
  describe(`register exports on ${dialect}`, { skip: dialectSkip(dialect) }, () => {
    let app: TestApp;
    before(async () => {
      app = await createTestApp({ dialect, seed: true });
    });
    after(() => app.close());

    const get = (url: string, headers: Readonly<Record<string, string | undefined>> = {}) =>
      app.inject({ url, headers });
    const total = async () => (await get('/api/v1/stats')).json<{ total: number }>().total;

    it('exports CSV in the layout of the public Benelux export', async () => {
      const res = await get('/api/v1/register.csv');
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'text/csv; charset=utf-8');
      assert.equal(
        res.headers['content-disposition'],
        'attachment; filename="benelux-register.csv"',
      );
      const lines = res.body.split('\r\n');
      assert.equal(lines[0], HEADER);
      assert.equal(lines.at(-1), '', 'every row ends with CRLF');
      const rows = lines.slice(1, -1);
      assert.equal(rows.length, 300, 'one row per holder');
      const seedRows = readSeed(BENELUX_EXPORT).trimEnd().split('\n').slice(1);
      // Rows the seed wrote like we do come out byte for byte: quoting, " - " joins, "/".
      for (const name of ['"50five BV"', '"Amano Europe"', '"APCOA BELGIUM NV"', '"FUZZ ENERGY"']) {
        const ours = rows.find((r) => r.startsWith(`${name},`));
        assert.equal(
          ours,
          seedRows.find((r) => r.startsWith(`${name},`)),
          name,
        );
      }
      // The others differ only where the seed is loose: IDs with the other role's separator
      // (`NL-ABL` as a CPO ID), doubled spaces in a name. Normalised, every row is ours.
      assert.deepEqual(rows.slice().sort(), seedRows.map(canonicalRow).sort());
      assert.ok(rows.includes('"Abel & Co","NL*ABL",/,www.abelenco.nl'));
      // In the Benelux register's order, on both databases: by name, whatever its case and
      // accents (`Phénix Tech sàrl` between `PC-Tank Sàrl` and `Plugfuse B.V`).
      assert.deepEqual(rows, seedRows.map(canonicalRow));
    });

    it('lists holders by name whatever their case and accents, renamed ones included', async () => {
      const db = await createTestDb(dialect);
      try {
        const store = createRegisterStore(db.db);
        const csv = [
          HEADER,
          '"zeta BV","NL*ZET",/,',
          '"Électricité du Nord","BE*EDN",/,',
          '"ALPHA NV","BE*ALP",/,',
          '"beta sàrl","LU*BET",/,',
          '"Eta GmbH","NL*ETA",/,',
        ].join('\n');
        await importBeneluxRegister(csv, 'names.csv', {
          store,
          clock: fixedClock('2026-01-01T00:00:00.000Z'),
          ids: uuids,
          actor: { type: 'cli', id: null, label: 'test' },
        });
        const reader = createRegisterReader(db.db);
        const names = async () => {
          const list: string[] = [];
          for await (const h of reader.streamByHolder(['active'])) list.push(h.holder.legalName);
          return list;
        };
        assert.deepEqual(await names(), [
          'ALPHA NV',
          'beta sàrl',
          'Électricité du Nord',
          'Eta GmbH',
          'zeta BV',
        ]);
        await store.transaction(async (w) => {
          const zeta = await w.findHolderByName('zeta BV');
          assert.ok(zeta);
          await w.updateHolder({ ...zeta, legalName: 'Aardvark BV' }, '2026-01-02T00:00:00.000Z');
        });
        assert.equal((await names())[0], 'Aardvark BV');
      } finally {
        await db.drop();
      }
    });

    it('round trip: importing our CSV into an empty register gives the same codes and roles', async () => {
      const csv = (await get('/register.csv')).body;
      const fresh = await createTestDb(dialect);
      try {
        await importBeneluxRegister(csv, 'our-export.csv', {
          store: createRegisterStore(fresh.db),
          clock: fixedClock(),
          ids: uuids,
          actor: { type: 'cli', id: null, label: 'test' },
        });
        const original = await codesAndRoles(createRegisterReader(app.db).streamParties());
        const copy = await codesAndRoles(createRegisterReader(fresh.db).streamParties());
        assert.equal(copy.length, await total());
        assert.deepEqual(copy, original);
      } finally {
        await fresh.drop();
      }
    });

    it('exports JSON with every code, full fields, the licence and the feed cursor', async () => {
      const res = await get('/api/v1/register.json');
      assert.equal(res.headers['content-type'], 'application/json; charset=utf-8');
      const doc = res.json<{
        lastChange: number;
        licence: { id: string };
        parties: { id: string; holder: { name: string }; status: string }[];
      }>();
      assert.equal(doc.licence.id, 'CC-BY-4.0');
      assert.equal(String(doc.lastChange), res.headers['register-last-change']);
      assert.equal(doc.parties.length, await total());
      assert.equal(new Set(doc.parties.map((p) => p.id)).size, doc.parties.length);
      const abl = doc.parties.find((p) => p.id === 'NLABL');
      assert.equal(abl?.holder.name, 'Abel & Co');
      assert.equal(abl.status, 'active');
    });

    it('exports NDJSON, one party per line', async () => {
      const res = await get('/api/v1/register.ndjson');
      assert.equal(res.headers['content-type'], 'application/x-ndjson');
      assert.ok(res.body.endsWith('}\n'));
      const lines = res.body.trimEnd().split('\n');
      assert.equal(lines.length, await total());
      const parties = lines.map((l) => JSON.parse(l) as { id: string; roles: string[] });
      assert.deepEqual(
        parties.map((p) => p.id),
        parties.map((p) => p.id).sort(),
      );
      assert.ok(parties.every((p) => p.roles.length > 0));
    });

    it('serves the same exports at the short root paths', async () => {
      for (const file of EXPORTS) {
        const [long, short] = [await get(`/api/v1/${file}`), await get(`/${file}`)];
        assert.equal(short.statusCode, 200);
        assert.equal(short.headers.etag, long.headers.etag);
        if (file !== 'register.json') assert.equal(short.body, long.body);
      }
    });

    it('answers conditional requests with 304 while the register is unchanged', async () => {
      for (const file of EXPORTS) {
        const res = await get(`/api/v1/${file}`);
        const etag = String(res.headers.etag);
        const lastModified = String(res.headers['last-modified']);
        assert.match(etag, /^W\/".+"$/);
        assert.ok(!Number.isNaN(Date.parse(lastModified)));
        for (const headers of [
          { 'if-none-match': etag },
          { 'if-none-match': `"other", ${etag.slice(2)}` },
          { 'if-modified-since': lastModified },
        ]) {
          const again = await get(`/api/v1/${file}`, headers);
          assert.equal(again.statusCode, 304, `${file} ${JSON.stringify(headers)}`);
          assert.equal(again.body, '');
          assert.equal(again.headers.etag, etag);
          assert.equal(again.headers['content-type'], undefined);
        }
        const older = new Date(Date.parse(lastModified) - 1000).toUTCString();
        for (const headers of [
          { 'if-none-match': '"other"' },
          { 'if-modified-since': older },
          { 'if-modified-since': 'not a date' },
          { 'if-none-match': '"other"', 'if-modified-since': lastModified },
        ]) {
          const full = await get(`/api/v1/${file}`, headers);
          assert.equal(full.statusCode, 200, `${file} ${JSON.stringify(headers)}`);
        }
      }
    });

    it('answers HEAD with the headers only', async () => {
      const res = await app.inject({ method: 'HEAD', url: '/register.csv' });
      assert.equal(res.statusCode, 200);
      assert.equal(res.body, '');
      assert.equal(res.headers['content-type'], 'text/csv; charset=utf-8');
      assert.ok(res.headers.etag);
    });

    it('documents every register operation in the OpenAPI document', async () => {
      const doc = (await get('/openapi.json')).json<{
        paths: Record<string, Record<string, { operationId?: string; tags?: string[] }>>;
      }>();
      const operations = Object.values(doc.paths)
        .flatMap((path) => Object.values(path))
        .filter((op) => op.tags?.includes('register'))
        .map((op) => op.operationId)
        .sort();
      assert.deepEqual(operations, [
        'exportRegisterCsv',
        'exportRegisterJson',
        'exportRegisterNdjson',
        'getParty',
        'getRegisterStats',
        'listChanges',
        'listParties',
        'resolveId',
      ]);
      assert.equal(doc.paths['/register.csv'], undefined, 'the short aliases stay out of it');
    });
  });
}
