import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { MAX_LINE_LENGTH } from '../../src/app/validate-id-lines.ts';
import { createTestApp } from '../support/app.ts';

type Line = Record<string, unknown>;

const lines = (body: string): Line[] =>
  body
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Line);

function post(app: FastifyInstance, body: string | Buffer, type: string, query = '') {
  return app.inject({
    method: 'POST',
    url: `/api/v1/validate${query}`,
    headers: { 'content-type': type },
    payload: body,
  });
}

describe('POST /api/v1/validate', () => {
  let app: FastifyInstance;
  before(async () => {
    app = await createTestApp();
  });
  after(() => app.close());

  it('answers text/plain line by line, in order, then the summary', async () => {
    const res = await post(app, 'NL*TNM*E1\r\nNL-TNM-C00122045-X\n\nBE-ABC', 'text/plain');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/x-ndjson');
    const answer = lines(res.body);
    assert.deepEqual(
      answer.slice(0, 4).map((l) => [l.input, l.valid, l.reason]),
      [
        ['NL*TNM*E1', true, undefined],
        ['NL-TNM-C00122045-X', false, 'check_digit_mismatch'],
        ['', false, 'empty'],
        ['BE-ABC', true, undefined],
      ],
    );
    assert.deepEqual(answer[4], {
      summary: {
        total: 4,
        valid: 2,
        invalid: 2,
        byKind: { evse: 2, emaid: 1, party: 1 },
        byReason: { check_digit_mismatch: 1, empty: 1 },
      },
      badLines: 0,
    });
  });

  it('applies ?kind= to every line, drops a leading byte order mark and reads CRLF bodies', async () => {
    const res = await post(
      app,
      '\uFEFFNLTNMC00122045\r\nNN123ABCDEFGHI\r\n',
      'text/plain',
      '?kind=checkdigit',
    );
    const answer = lines(res.body);
    assert.equal(answer.length, 3);
    assert.deepEqual(
      answer.slice(0, 2).map((l) => [l.input, l.kind, l.normalized]),
      [
        ['NLTNMC00122045', 'checkdigit', 'NLTNMC00122045K'],
        ['NN123ABCDEFGHI', 'checkdigit', 'NN123ABCDEFGHIT'],
      ],
    );
  });

  it('reads NDJSON strings and objects; a bad line gets a line error, not a failed request', async () => {
    const body = [
      '"NL*TNM*E1"',
      '{"id": "NLTNM", "kind": "party", "ref": 7}',
      '{"id": "NLTNMC00122045", "kind": null}',
      '42',
      'null',
      '{"id": 42}',
      '{"id": "NLTNM", "kind": "operator"}',
      '["NLTNM"]',
      '{not json',
      '',
      '"NL*TNM*S1"',
    ].join('\r\n');
    const res = await post(app, body, 'application/x-ndjson; charset=utf-8', '?kind=evse');
    assert.equal(res.statusCode, 200);
    const answer = lines(res.body);
    assert.equal(answer.length, 12);
    assert.deepEqual(answer[0]?.valid, true);
    assert.deepEqual(
      [answer[1]?.kind, answer[1]?.valid, answer[1]?.detected],
      ['party', true, false],
    );
    assert.deepEqual([answer[2]?.kind, answer[2]?.reason], ['evse', 'wrong_id_type']);
    for (const [index, input] of [
      '42',
      'null',
      '{"id": 42}',
      '{"id": "NLTNM", "kind": "operator"}',
      '["NLTNM"]',
      '{not json',
      '',
    ].entries()) {
      assert.deepEqual(answer[index + 3], {
        line: index + 4,
        valid: false,
        reason: 'bad_json_line',
        input,
      });
    }
    assert.deepEqual([answer[10]?.input, answer[10]?.reason], ['NL*TNM*S1', 'wrong_id_type']);
    const summary = answer[11] as { summary: { total: number }; badLines: number };
    assert.equal(summary.summary.total, 4);
    assert.equal(summary.badLines, 7);
  });

  it('answers every shared test vector as the specification says', async () => {
    interface Vector {
      kind: string;
      input: string;
      valid: boolean;
      normalized?: string;
      reason?: string;
      checkDigit?: string;
    }
    const url = new URL('../fixtures/ids/ids.json', import.meta.url);
    const vectors = JSON.parse(readFileSync(url, 'utf8')) as Vector[];
    const body = vectors.map((v) => JSON.stringify({ id: v.input, kind: v.kind })).join('\n');
    const answer = lines((await post(app, body, 'application/x-ndjson')).body);
    assert.equal(answer.length, vectors.length + 1);
    vectors.forEach((v, i) => {
      const got = answer[i];
      const expected = [v.input, v.valid, v.normalized, v.reason, v.checkDigit];
      assert.deepEqual(
        [got?.input, got?.valid, got?.normalized, got?.reason, got?.checkDigit],
        expected,
      );
    });
  });

  it('answers an empty body with a zero summary only', async () => {
    for (const type of ['text/plain', 'application/x-ndjson']) {
      const res = await post(app, '', type);
      assert.equal(res.statusCode, 200);
      assert.deepEqual(lines(res.body), [
        { summary: { total: 0, valid: 0, invalid: 0, byKind: {}, byReason: {} }, badLines: 0 },
      ]);
    }
  });

  it('reports an overlong line as line_too_long and echoes only its start', async () => {
    const long = 'A'.repeat(MAX_LINE_LENGTH + 1);
    const answer = lines((await post(app, `NLTNM\n${long}\nBETNM`, 'text/plain')).body);
    assert.deepEqual(answer[1], {
      line: 2,
      valid: false,
      reason: 'line_too_long',
      input: 'A'.repeat(100),
    });
    assert.equal(answer[2]?.input, 'BETNM');
  });

  it('rejects other media types and charsets with a 415 problem', async () => {
    const types = [
      'application/json',
      'application/x-www-form-urlencoded',
      'text/plain; charset=iso-8859-1',
      'text/csv',
    ];
    for (const type of types) {
      const res = await post(app, 'NLTNM', type);
      assert.equal(res.statusCode, 415, type);
      assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
      assert.equal(res.json<{ code: string }>().code, 'unsupported_media_type');
    }
    const untyped = await app.inject({
      method: 'POST',
      url: '/api/v1/validate',
      payload: 'NLTNM',
      headers: { 'accept-language': 'nl' },
    });
    assert.equal(untyped.statusCode, 415);
    assert.equal(untyped.json<{ title: string }>().title, 'Mediatype niet ondersteund');
  });

  it('answers 400 for an unknown ?kind=', async () => {
    const res = await post(app, 'NLTNM', 'text/plain', '?kind=contract');
    assert.equal(res.statusCode, 400);
    assert.equal(res.json<{ code: string }>().code, 'validation_failed');
  });

  it('never answers 5xx to garbage', async () => {
    const garbage: (string | Buffer)[] = [
      Buffer.from([0xff, 0xfe, 0x00, 0x0a, 0xc3, 0x28, 0x0a, 0xed, 0xa0, 0x80, 0x0a, 0xf0, 0x9f]),
      Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256)),
      '\u0000\n\u0007\n\u2028\n\uFFFF\n',
      'x'.repeat(200_000),
      '\n'.repeat(10_000),
      '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[',
      '1e309\n-0\ntrue\nfalse\n{}\n{"id":null}\n{"id":{"id":"x"}}\n{"__proto__":{"id":"x"}}',
      '"\\ud800"\n"\\u0000"\n"unterminated\n',
    ];
    for (const body of garbage) {
      for (const type of ['text/plain', 'application/x-ndjson']) {
        const res = await post(app, body, type);
        assert.equal(res.statusCode, 200, `${type}: ${res.body.slice(0, 200)}`);
        const answer = lines(res.body);
        assert.ok('summary' in (answer.at(-1) ?? {}), 'ends with the summary');
      }
    }
  });

  it('marks invalid UTF-8 as non-printable instead of guessing', async () => {
    const answer = lines(
      (await post(app, Buffer.from([0x4e, 0x4c, 0xc3, 0x28, 0x0a]), 'text/plain')).body,
    );
    assert.deepEqual(
      [answer[0]?.input, answer[0]?.reason, answer[0]?.position],
      ['NL\uFFFD(', 'non_printable_ascii', 2],
    );
  });
});

describe('POST /api/v1/validate with a small body limit', () => {
  let app: FastifyInstance;
  before(async () => {
    app = await createTestApp({ env: { VALIDATE_BODY_LIMIT: '1000' } });
  });
  after(() => app.close());

  it('answers a Content-Length over the limit with a translated 413 problem before reading', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/validate',
      headers: { 'content-type': 'text/plain', 'accept-language': 'fr' },
      payload: 'NL*TNM*E1\n'.repeat(101),
    });
    assert.equal(res.statusCode, 413);
    assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
    assert.equal(res.headers.connection, 'close');
    const problem = res.json<{ code: string; title: string; detail: string }>();
    assert.equal(problem.code, 'payload_too_large');
    assert.equal(problem.title, 'Le corps de la requête est trop volumineux');
    assert.match(problem.detail, /1000/);
  });

  it('ends a body without Content-Length that grows over the limit with an error line', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/validate',
      headers: { 'content-type': 'text/plain' },
      payload: Readable.from(['NL*TNM*E1\n'.repeat(60), 'NL*TNM*E1\n'.repeat(60)]),
    });
    assert.equal(res.statusCode, 200);
    const answer = lines(res.body);
    assert.equal(answer.length, 101);
    assert.ok(answer.slice(0, 100).every((line) => line.input === 'NL*TNM*E1'));
    const last = answer[100] as { error?: { code: string } };
    assert.equal(last.error?.code, 'payload_too_large');
  });

  it('takes a body right at the limit', async () => {
    const res = await post(app, 'NL*TNM*E1\n'.repeat(100), 'text/plain');
    assert.equal(res.statusCode, 200);
    assert.equal(lines(res.body).length, 101);
  });
});
