import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Fastify from 'fastify';
import { Value } from 'typebox/value';
import { clock, IDS, reader } from '../../../../../test/support/resolve-fixtures.ts';
import { createPrefixLookup } from '../../../../app/register/prefix-lookup.ts';
import { resolveId, type Resolution } from '../../../../app/register/resolve-id.ts';
import { presentResolution } from './presenters.ts';
import { resolutionAnswer, resolutionJson, resolveRoutes } from './resolve-routes.ts';
import { ResolutionSchema } from './resolve-schemas.ts';

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
          if (include === undefined) {
            // The same answer as its UTF-8 bytes, one character per byte.
            assert.deepEqual(Buffer.from(resolutionAnswer(r), 'latin1'), Buffer.from(json));
          }
        }
      }
    }
  });

  it('is written as UTF-8 bytes even for a parsed ID that is not ASCII', async () => {
    // No valid ID is (rule G-3), so the answer tests only the input; should the validator ever
    // let one through, its bytes must still be right.
    const lookup = createPrefixLookup(reader, clock, { checkEveryMs: 60_000, maxEntries: 100 });
    const r = await resolveId(lookup, 'NL*ABL*E1');
    for (const input of ['NL*ABL*E1\u00a0', 'NL*ABL*E1\u2011', 'NL*ABL*E1\u{1f50c}']) {
      const odd: Resolution = { ...r, id: { ...r.id, input } };
      const bytes = Buffer.from(resolutionAnswer(odd), 'latin1');
      assert.deepEqual(bytes, Buffer.from(resolutionJson(odd)), input);
      assert.equal(
        (JSON.parse(bytes.toString('utf8')) as { id: { input: string } }).id.input,
        input,
      );
    }
  });

  it('writes a parsed ID off the usual shape as the generic serialiser does', async () => {
    // The usual ID is put together from pieces made once; anything else takes the general way.
    // No valid ID has these shapes, but the answer must stay right should one ever come.
    const lookup = createPrefixLookup(reader, clock, { checkEveryMs: 60_000, maxEntries: 100 });
    const evse = await resolveId(lookup, 'NL*ABL*E12345*1');
    const emaid = await resolveId(lookup, 'NL-ABL-C12345678');
    const party = await resolveId(lookup, 'nl-abl');
    const parts = (r: Resolution) => r.id.parts ?? assert.fail('no parts');
    const odd: Resolution[] = [
      ...['NL*ABL*E1"', 'NL*ABL*E1\\', 'NL*ABL*E1\u0007', 'NL*ABL*E1\ud800'].map((input) => ({
        ...evse,
        id: { ...evse.id, input },
      })),
      { ...evse, id: { ...evse.id, normalized: 'NLABL"E1' } },
      { ...evse, id: { ...evse.id, checkDigit: '7' } },
      { ...evse, id: { ...evse.id, checkDigit: '"' } },
      { ...evse, id: { ...evse.id, normalized: undefined } },
      { ...evse, id: { ...evse.id, parts: null } },
      { ...evse, id: { ...evse.id, parts: { ...parts(evse), country: 'BE' } } },
      { ...evse, id: { ...evse.id, parts: { ...parts(evse), partyCode: 'ABM' } } },
      { ...evse, id: { ...evse.id, parts: { ...parts(evse), instance: 'A"B' } } },
      { ...evse, id: { ...evse.id, parts: { ...parts(evse), instance: undefined } } },
      { ...party, id: { ...party.id, parts: { ...parts(party), instance: '1' } } },
      { ...emaid, id: { ...emaid.id, parts: { ...parts(emaid), checkCharacter: '\\' } } },
      { ...evse, id: { ...evse.id, detected: false } },
    ];
    for (const r of [evse, emaid, party, ...odd]) {
      const expected = reference(r);
      assert.equal(resolutionJson(r), expected);
      assert.deepEqual(Buffer.from(resolutionAnswer(r), 'latin1'), Buffer.from(expected));
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
