import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Fastify from 'fastify';
import { Value } from 'typebox/value';
import type {
  FederatedRecord,
  PartyRecord,
  RegisterVersion,
} from '../../../../app/register/models.ts';
import { createPrefixLookup, type PrefixReader } from '../../../../app/register/prefix-lookup.ts';
import { resolveId, type Resolution } from '../../../../app/register/resolve-id.ts';
import { computeCheckCharacter } from '../../../../domain/emobility-id/index.ts';
import { presentResolution } from './presenters.ts';
import { resolutionJson, resolveRoutes } from './resolve-routes.ts';
import { ResolutionSchema } from './resolve-schemas.ts';

const AT = '2026-06-29T15:36:31.359Z';

const abel: PartyRecord = {
  key: 'NLABL',
  country: 'NL',
  code: 'ABL',
  roles: ['CPO', 'EMSP'],
  status: 'active',
  validFrom: '2024-03-01T00:00:00.000Z',
  validTo: null,
  successorKey: null,
  holder: {
    id: 'h1',
    legalName: 'Abel & Co "Laadpalen" \\ Réseau ⚡',
    tradingName: null,
    country: 'NL',
    website: 'https://www.abelenco.nl',
  },
  createdAt: AT,
  updatedAt: AT,
};

function federated(country: string, code: string, registryId: string): FederatedRecord {
  return {
    registryId,
    country,
    code,
    role: 'CPO',
    status: 'ACTIVE',
    organizationName: 'Energiegewinner eG',
    legalName: null,
    website: null,
    official: true,
    sourceRecordId: `${country}${code}`,
    sourceUrl: 'https://example.test/export',
    sourceValue: `${country}*${code}`,
    firstSeenAt: null,
    lastSeenAt: AT,
    retrievedAt: AT,
    dataset: 'Open IDRO Directory, data/registry.csv at f52cb90 (2026-06-29)',
    importedAt: AT,
  };
}

const reader: PrefixReader = {
  version: (): Promise<RegisterVersion> =>
    Promise.resolve({ lastEventId: 1, federatedMark: '2@', reservedMark: '1@', lastModified: AT }),
  findParty: (key) => Promise.resolve(key === 'NLABL' ? abel : undefined),
  reservation: (key) => Promise.resolve(key === 'BEQQQ' ? { reason: 'Held back' } : undefined),
  federatedRecords: (country, code) =>
    Promise.resolve(
      country === 'DE' || code === 'ABL'
        ? [federated(country, code, `${country.toLowerCase()}-x`)]
        : [],
    ),
};

const clock = { now: () => new Date(0) };

const check = computeCheckCharacter('NLABLC12345678');
const IDS = [
  'NL*ABL',
  'nl-abl',
  'NL*ABL*E12345*1',
  'NL*ABL*P12345',
  'NL*ABL*S12345',
  `NL-ABL-C12345678-${check}`,
  'nlablc12345678',
  'DE*000*E1',
  'BE*QQQ*E1',
  'LU*Z9Z',
];

/** What the generic presenter and `JSON.stringify` make of a resolution, as the route answers it. */
function reference(r: Resolution, include?: 'federated'): string {
  const { federated: records, ...rest } = presentResolution(r);
  return JSON.stringify(
    include === 'federated' || !r.registered ? { ...rest, federated: records } : rest,
  );
}

describe('the resolve answer', () => {
  it('is what the generic serialiser writes, character for character, and fits the schema', async () => {
    const lookup = createPrefixLookup(reader, clock, { checkEveryMs: 60_000, maxEntries: 100 });
    for (const id of IDS) {
      for (const include of [undefined, 'federated'] as const) {
        // Twice: built the first time, from the kept prefix fragment the second.
        for (let i = 0; i < 2; i++) {
          const r = await resolveId(lookup, id);
          const json = resolutionJson(r, include === undefined ? {} : { include });
          assert.equal(json, reference(r, include), `${id} ${include ?? ''}`);
          assert.ok(Value.Check(ResolutionSchema, JSON.parse(json)), json);
        }
      }
    }
  });

  it('is at hand without a promise once the prefix is cached', async () => {
    const lookup = createPrefixLookup(reader, clock, { checkEveryMs: 60_000, maxEntries: 100 });
    const first = resolveId(lookup, 'NL*ABL*E1');
    assert.ok(first instanceof Promise);
    const loaded = await first;
    const again = resolveId(lookup, 'nl*abl*p2');
    assert.ok(!(again instanceof Promise));
    assert.equal(again.prefix, loaded.prefix, 'one prefix object while the facts are kept');
    assert.equal(again.id.kind, 'pool');
    assert.throws(
      () => resolveId(lookup, 'XX*ABC'),
      (error: Error & { code?: string }) => error.code === 'invalid_id',
    );
  });

  it('is the same over HTTP whether the prefix was cached or not', async () => {
    const app = Fastify();
    const lookup = createPrefixLookup(reader, clock, { checkEveryMs: 60_000, maxEntries: 100 });
    await app.register(resolveRoutes, { prefix: '/api/v1', lookup });
    try {
      for (const url of ['/api/v1/resolve/NL*ABL*E1', '/api/v1/resolve/DE*000?include=federated']) {
        const answers = [await app.inject(url), await app.inject(url)];
        for (const res of answers) {
          assert.equal(res.statusCode, 200, res.body);
          assert.equal(res.headers['content-type'], 'application/json; charset=utf-8');
          assert.equal(res.headers['cache-control'], 'public, max-age=60');
        }
        assert.equal(answers[1]?.body, answers[0]?.body);
      }
      const plain = (await app.inject('/api/v1/resolve/NL*ABL*E1')).json<object>();
      assert.equal('federated' in plain, false);
      const full = (await app.inject('/api/v1/resolve/NL*ABL*E1?include=federated')).json<{
        federated: unknown[];
      }>();
      assert.equal(full.federated.length, 1);
    } finally {
      await app.close();
    }
  });
});
