import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createTestApp } from '../support/app.ts';

interface Problem {
  readonly code: string;
  readonly title: string;
  readonly status: number;
  readonly errors?: readonly { field: string; code: string; message: string }[];
}

const get = (app: FastifyInstance, query: string, headers: Record<string, string> = {}) =>
  app.inject({ url: `/api/v1/validate?${query}`, headers });

describe('GET /api/v1/validate', () => {
  let app: FastifyInstance;
  before(async () => {
    app = await createTestApp();
  });
  after(() => app.close());

  it('answers a valid EVSE ID with its record, kind detected', async () => {
    const res = await get(app, 'id=nl*tnm*e12345*1');
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^application\/json/);
    assert.deepEqual(res.json(), {
      input: 'nl*tnm*e12345*1',
      valid: true,
      kind: 'evse',
      detected: true,
      normalized: 'NLTNME123451',
      parts: { country: 'NL', partyCode: 'TNM', type: 'E', instance: '12345*1' },
    });
  });

  it('answers an invalid ID with 200: the verdict, the reason and the blamed position', async () => {
    const res = await get(app, `id=${encodeURIComponent('NL-TNM-C00122045-X')}`);
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), {
      input: 'NL-TNM-C00122045-X',
      valid: false,
      kind: 'emaid',
      detected: true,
      checkDigit: 'K',
      reason: 'check_digit_mismatch',
      position: 17,
      parts: null,
    });
  });

  const kinds = [
    ['party', 'BE-ABC', 'BEABC'],
    ['evse', 'BE*ABC*E041503003', 'BEABCE041503003'],
    ['pool', 'NL*TNM*P12', 'NLTNMP12'],
    ['station', 'nl*tnm*s1*2', 'NLTNMS12'],
    ['emaid', 'NL-TNM-C00122045', 'NLTNMC00122045K'],
    ['checkdigit', 'DE83DUIEN83QGZ', 'DE83DUIEN83QGZD'],
  ] as const;
  for (const [kind, input, normalized] of kinds) {
    it(`validates a ${kind} given as kind=${kind}, and detects it alike where it can`, async () => {
      const given = await get(app, `id=${encodeURIComponent(input)}&kind=${kind}`);
      assert.equal(given.statusCode, 200);
      const record = given.json<Record<string, unknown>>();
      assert.equal(record.valid, true);
      assert.equal(record.kind, kind);
      assert.equal(record.detected, false);
      assert.equal(record.normalized, normalized);
      if (kind === 'checkdigit') return; // never detected: an eMAID without its check reads better
      const detected = (await get(app, `id=${encodeURIComponent(input)}`)).json<typeof record>();
      assert.equal(detected.kind, kind);
      assert.equal(detected.detected, true);
    });
  }

  it('checks against the kind given, not the one the shape suggests', async () => {
    const record = (await get(app, 'id=NL*TNM*E1&kind=party')).json<Record<string, unknown>>();
    assert.equal(record.valid, false);
    assert.equal(record.kind, 'party');
    assert.equal(record.detected, false);
  });

  it('takes the ID as given: a space is part of it', async () => {
    const record = (await get(app, 'id=%20NL*TNM*E1')).json<Record<string, unknown>>();
    assert.equal(record.reason, 'whitespace');
    assert.equal(record.position, 0);
  });

  it('answers a missing id with a 400 problem naming the field, translated', async () => {
    const res = await get(app, '', { 'accept-language': 'fr-BE,fr;q=0.9' });
    assert.equal(res.statusCode, 400);
    assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
    const problem = res.json<Problem>();
    assert.equal(problem.code, 'validation_failed');
    assert.equal(problem.title, 'La requête n’est pas valide');
    assert.deepEqual(
      problem.errors?.map((e) => [e.field, e.code]),
      [['querystring.id', 'required']],
    );
  });

  it('answers an unknown kind with a 400 problem on that field', async () => {
    const res = await get(app, 'id=NL*TNM*E1&kind=evse-id', { 'accept-language': 'de' });
    assert.equal(res.statusCode, 400);
    const problem = res.json<Problem>();
    assert.equal(problem.code, 'validation_failed');
    assert.equal(problem.title, 'Die Anfrage ist nicht gültig');
    assert.equal(problem.errors?.[0]?.field, 'querystring.kind');
  });

  it('never answers 5xx, whatever the query holds', async () => {
    const queries = [
      'id=%00%01%02',
      'id=%ED%A0%80',
      'id=%FF%FE',
      `id=${'A'.repeat(10_000)}`,
      `id=${encodeURIComponent('\u{1F600}'.repeat(50))}`,
      'id=a&id=b',
      'id[]=x',
      'id=NL*TNM*E1&kind=',
      'id=%',
      'kind=evse',
      'id=null&kind=null',
    ];
    for (const query of queries) {
      const res = await get(app, query);
      assert.ok(res.statusCode < 500, `${query} gave ${res.statusCode}`);
      assert.ok([200, 400].includes(res.statusCode), `${query} gave ${res.statusCode}`);
    }
  });
});

describe('the OpenAPI document', () => {
  let app: FastifyInstance;
  before(async () => {
    app = await createTestApp();
  });
  after(() => app.close());

  it('lists both validate operations, tagged ids, with their schemas', async () => {
    const res = await app.inject({ url: '/openapi.json' });
    assert.equal(res.statusCode, 200);
    type Operation = Record<string, unknown> & {
      tags: string[];
      parameters: { name: string; in: string; required?: boolean }[];
      responses: Record<string, { content?: Record<string, { schema: object }> }>;
      requestBody?: { content: Record<string, { schema: object }> };
    };
    const doc = res.json<{ paths: Record<string, Record<string, Operation>> }>();
    const path = doc.paths['/api/v1/validate'];
    assert.ok(path?.get && path.post, 'both operations are documented');

    assert.equal(path.get.operationId, 'validateId');
    assert.deepEqual(path.get.tags, ['ids']);
    const params = path.get.parameters.map((p) => `${p.in}:${p.name}:${String(p.required)}`);
    assert.deepEqual(params.sort(), ['query:id:true', 'query:kind:false']);
    const record = JSON.stringify(path.get.responses['200']?.content?.['application/json']);
    for (const field of ['input', 'valid', 'kind', 'detected', 'normalized', 'reason', 'parts']) {
      assert.match(record, new RegExp(`"${field}"`));
    }
    assert.ok(path.get.responses['400']?.content?.['application/problem+json']);

    assert.equal(path.post.operationId, 'validateIds');
    assert.deepEqual(path.post.tags, ['ids']);
    assert.deepEqual(Object.keys(path.post.requestBody?.content ?? {}).sort(), [
      'application/x-ndjson',
      'text/plain',
    ]);
    const answer = JSON.stringify(path.post.responses['200']?.content?.['application/x-ndjson']);
    for (const part of ['bad_json_line', 'summary', 'badLines', 'error', 'checkDigit']) {
      assert.match(answer, new RegExp(part));
    }
    for (const status of ['400', '413', '415']) {
      assert.ok(path.post.responses[status]?.content?.['application/problem+json'], status);
    }
    assert.match(String(path.post.description), /413/);
  });
});
