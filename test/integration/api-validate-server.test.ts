import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createTestApp } from '../support/app.ts';

const LINES = 200_000;

/** A chunked request body: no Content-Length, produced as the server reads it. */
function chunkedBody(lineAt: (i: number) => string, count: number | undefined, perChunk = 997) {
  const encoder = new TextEncoder();
  let next = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (count !== undefined && next >= count) {
        controller.close();
        return;
      }
      let text = '';
      for (let i = 0; i < perChunk && (count === undefined || next < count); i++) {
        text += `${lineAt(next++)}\n`;
      }
      controller.enqueue(encoder.encode(text));
    },
  });
}

async function serve(env: Record<string, string> = {}) {
  const app = await createTestApp({ env });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return { app, url: `http://127.0.0.1:${port}/api/v1/validate` };
}

function postStream(url: string, body: ReadableStream<Uint8Array>): Promise<Response> {
  // `duplex` is required by fetch for a streamed request body.
  const init: RequestInit & { duplex: 'half' } = {
    method: 'POST',
    headers: { 'content-type': 'text/plain' },
    body,
    duplex: 'half',
  };
  return fetch(url, init);
}

describe('POST /api/v1/validate on a listening server', () => {
  let app: FastifyInstance;
  let url: string;
  before(async () => {
    ({ app, url } = await serve());
  });
  after(() => app.close());

  it(`streams ${LINES.toLocaleString('en')} results for a chunked body, in input order`, async () => {
    const idAt = (i: number) => (i % 10 === 9 ? `NL*TNM*X${i}` : `NL*TNM*E${i}`);
    const res = await postStream(url, chunkedBody(idAt, LINES));
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/x-ndjson');
    const answer = (await res.text()).split('\n');
    assert.equal(answer.pop(), '', 'the answer ends with a line break');
    assert.equal(answer.length, LINES + 1);
    for (let i = 0; i < LINES; i++) {
      const record = JSON.parse(answer[i]!) as { input: string; valid: boolean };
      assert.equal(record.input, idAt(i), `line ${i + 1}`);
      assert.equal(record.valid, i % 10 !== 9, `line ${i + 1}`);
    }
    const { summary } = JSON.parse(answer[LINES]!) as { summary: Record<string, number> };
    assert.deepEqual(
      [summary.total, summary.valid, summary.invalid],
      [LINES, LINES * 0.9, LINES * 0.1],
    );
  });
});

describe('POST /api/v1/validate with a chunked body over the limit', () => {
  let app: FastifyInstance;
  let url: string;
  before(async () => {
    ({ app, url } = await serve({ VALIDATE_BODY_LIMIT: '10000' }));
  });
  after(() => app.close());

  it('answers the lines within the limit, then a payload_too_large error line, no summary', async () => {
    // 10 bytes a line: the limit holds exactly 1,000 lines; the client would send forever.
    const res = await postStream(
      url,
      chunkedBody(() => 'NL*TNM*E1', undefined, 50),
    );
    assert.equal(res.status, 200);
    const answer = (await res.text()).trimEnd().split('\n');
    assert.equal(answer.length, 1001);
    assert.ok(answer.slice(0, 1000).every((line) => line.startsWith('{"input":"NL*TNM*E1"')));
    const last = JSON.parse(answer[1000]!) as { error: { code: string; status: number } };
    assert.equal(last.error.code, 'payload_too_large');
    assert.equal(last.error.status, 413);
  });

  it('keeps serving other requests afterwards', async () => {
    const res = await fetch(`${url}?id=NL*TNM*E1`);
    assert.equal(res.status, 200);
    assert.equal(((await res.json()) as { valid: boolean }).valid, true);
  });
});
