import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { FastifyBaseLogger } from 'fastify';
import { Value } from 'typebox/value';
import { clock, IDS, reader } from '../../../../../test/support/resolve-fixtures.ts';
import { createPrefixLookup } from '../../../../app/register/prefix-lookup.ts';
import { resolveCached } from '../../../../app/register/resolve-id.ts';
import { putLaneInFront } from '../../../lane.ts';
import { MAX_ID_LENGTH, resolveLane } from './resolve-lane.ts';
import { resolutionJson } from './resolve-routes.ts';
import { ResolutionSchema } from './resolve-schemas.ts';

/** One logged line, as the logger was given it. */
interface Line {
  readonly bindings: object;
  readonly details: Record<string, unknown>;
  readonly msg: string;
}

/** Enough of a logger for the lane: records what it is told at `info`, at the level of the day. */
function recordingLogger(
  level: () => string,
  lines: Line[],
  bindings: object = {},
): FastifyBaseLogger {
  return {
    get level() {
      return level();
    },
    child: (more: object) => recordingLogger(level, lines, { ...bindings, ...more }),
    info: (details: Record<string, unknown>, msg: string) => lines.push({ bindings, details, msg }),
  } as unknown as FastifyBaseLogger;
}

describe('the resolve lane', () => {
  const lookup = createPrefixLookup(reader, clock, { checkEveryMs: 60_000, maxEntries: 100 });
  const lines: Line[] = [];
  const state = { closing: false, logLevel: 'silent' };
  /** A server whose framework answers 599, behind the lane. */
  const laneServer = (trustProxy: boolean) => {
    const server = createServer((_req, res) => {
      res.writeHead(599).end('left to the framework');
    });
    putLaneInFront(
      server,
      resolveLane({
        lookup,
        trustProxy,
        logger: recordingLogger(() => state.logLevel, lines),
        closing: () => state.closing,
      }),
    );
    return server;
  };
  const server = laneServer(false);
  const behindProxy = laneServer(true);
  const bases = new Map<Server, string>();

  before(async () => {
    for (const s of [server, behindProxy]) {
      await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
      bases.set(s, `http://127.0.0.1:${(s.address() as AddressInfo).port}`);
    }
    // The lane reads nothing: the prefixes it is to answer for are looked up first.
    for (const key of ['NLABL', 'DE000', 'BEQQQ', 'LUZ9Z']) await lookup.facts(key);
  });
  after(async () => {
    for (const s of [server, behindProxy]) await new Promise((resolve) => s.close(resolve));
  });

  const get = (path: string, headers: Record<string, string> = {}, on = server) =>
    fetch(`${bases.get(on) ?? ''}${path}`, { headers });

  it('answers every kind and spelling of ID whose prefix is at hand, as the route would', async () => {
    for (const id of IDS) {
      const res = await get(`/api/v1/resolve/${encodeURIComponent(id)}`);
      assert.equal(res.status, 200, id);
      const body = await res.text();
      const expected = resolveCached(lookup, id);
      assert.ok(expected !== undefined, id);
      assert.equal(body, resolutionJson(expected), id);
      assert.ok(Value.Check(ResolutionSchema, JSON.parse(body)), body);
      assert.equal(res.headers.get('content-length'), String(Buffer.byteLength(body)));
    }
  });

  it("sends the public API's headers with the answer", async () => {
    const res = await get('/api/v1/resolve/NL*ABL*E1');
    await res.arrayBuffer();
    const names = [...res.headers.keys()].filter(
      (name) => !['date', 'connection', 'keep-alive'].includes(name),
    );
    assert.deepEqual(names.sort(), [
      'access-control-allow-origin',
      'access-control-expose-headers',
      'cache-control',
      'content-length',
      'content-security-policy',
      'content-type',
      'x-content-type-options',
      'x-request-id',
    ]);
    assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8');
    assert.equal(res.headers.get('cache-control'), 'public, max-age=60');
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.equal(
      res.headers.get('content-security-policy'),
      "default-src 'none'; frame-ancestors 'none'",
    );
    assert.match(res.headers.get('x-request-id') ?? '', /^[\w-]{22}$/);
  });

  it("keeps the caller's request id when it is a plain token", async () => {
    const given = await get('/api/v1/resolve/NL*ABL', { 'x-request-id': 'trace-42.a:b' });
    assert.equal(given.headers.get('x-request-id'), 'trace-42.a:b');
    const odd = await get('/api/v1/resolve/NL*ABL', { 'x-request-id': 'not a token' });
    assert.notEqual(odd.headers.get('x-request-id'), 'not a token');
  });

  it('sends Strict-Transport-Security over HTTPS only, trusting a proxy only when told to', async () => {
    const hsts = async (headers: Record<string, string>, on: Server) =>
      (await get('/api/v1/resolve/NL*ABL', headers, on)).headers.get('strict-transport-security');
    assert.equal(await hsts({}, server), null);
    assert.equal(await hsts({ 'x-forwarded-proto': 'https' }, server), null, 'proxy not trusted');
    assert.equal(
      await hsts({ 'x-forwarded-proto': 'https' }, behindProxy),
      'max-age=31536000; includeSubDomains',
    );
    assert.equal(await hsts({ 'x-forwarded-proto': 'http' }, behindProxy), null);
    assert.equal(await hsts({}, behindProxy), null);
  });

  it('leaves to the framework whatever it cannot answer exactly as the route would', async () => {
    const left = [
      '/api/v1/resolve/NL*ABL?kind=party', // a query
      '/api/v1/resolve/NL*ABL?include=federated',
      '/api/v1/resolve/NL*ABL/', // a trailing slash
      '/api/v1/resolve/', // no ID
      '/api/v1/resolve/NL*AB', // invalid
      '/api/v1/resolve/XX*ABC',
      '/api/v1/resolve/NL*ABL%E0%A4%A', // a broken escape
      '/api/v1/resolve/NL%2FABL',
      '/api/v1/resolve/NL*ABL;x',
      '/api/v1/resolve/BE*ZZZ', // a prefix not looked up yet
      `/api/v1/resolve/NL*ABL*E${'1'.repeat(MAX_ID_LENGTH)}`, // longer than the router takes
      '/api/v1/resolves/NL*ABL',
      '/API/V1/resolve/NL*ABL',
      '/api/v2/resolve/NL*ABL',
    ];
    for (const path of left) {
      const res = await get(path);
      assert.equal(res.status, 599, path);
      assert.equal(await res.text(), 'left to the framework');
    }
    assert.equal(lookup.cached('BEZZZ'), undefined, 'the lane started no lookup');
    for (const method of ['HEAD', 'POST', 'OPTIONS']) {
      const res = await fetch(`${bases.get(server) ?? ''}/api/v1/resolve/NL*ABL`, { method });
      assert.equal(res.status, 599, method);
    }
    state.closing = true;
    try {
      assert.equal((await get('/api/v1/resolve/NL*ABL')).status, 599, 'closing');
    } finally {
      state.closing = false;
    }
  });

  it('logs each answer as the framework logs a request, at info and below', async () => {
    state.logLevel = 'info';
    try {
      const res = await get('/api/v1/resolve/nl-abl', { 'x-request-id': 'logged-1' });
      assert.equal(res.status, 200);
      await res.arrayBuffer();
      assert.deepEqual(
        lines.map((l) => [l.msg, l.bindings]),
        [
          ['incoming request', { reqId: 'logged-1' }],
          ['request completed', { reqId: 'logged-1' }],
        ],
      );
      const [incoming, completed] = lines;
      assert.ok(incoming !== undefined && completed !== undefined);
      const req = incoming.details.req as Record<string, unknown>;
      assert.equal(req.method, 'GET');
      assert.equal(req.url, '/api/v1/resolve/nl-abl');
      assert.equal(req.ip, '127.0.0.1');
      assert.deepEqual(completed.details.res, { statusCode: 200 });
      assert.equal(typeof completed.details.responseTime, 'number');
      lines.length = 0;
      state.logLevel = 'warn';
      await (await get('/api/v1/resolve/nl-abl')).arrayBuffer();
      assert.deepEqual(lines, []);
    } finally {
      state.logLevel = 'silent';
    }
  });

  it('goes in front of exactly one handler', () => {
    const none = createServer();
    assert.throws(() => {
      putLaneInFront(none, () => false);
    }, /one request handler, found 0/);
    const twice = createServer(() => undefined);
    twice.on('request', () => undefined);
    assert.throws(() => {
      putLaneInFront(twice, () => false);
    }, /found 2/);
  });
});
