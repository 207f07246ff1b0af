import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import autocannon, { type Request, type Result } from 'autocannon';
import type { Dialect } from '../src/db/connect.ts';
import { startChildServer, type ChildServer } from './support/child-server.ts';
import {
  createSyntheticDatabase,
  postgresAnswers,
  type BenchDatabase,
} from './support/synthetic-database.ts';
import { syntheticIds } from './support/synthetic-ids.ts';

// GET /api/v1/resolve/{id} on a register of 100,000 codes, beside a bare Fastify hello-world
// measured in the same run, each server in its own process. On SQLite also the resolve route
// alone on a bare Fastify: how much of the cost is the route, how much the application around it.
const CODES = 100_000;
const DISTINCT_IDS = 1_000;
const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = 2;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const TARGET_RATIO = 0.7;
const SUPPORT = join(import.meta.dirname, 'support');
const CLOCK_TICKS_PER_SECOND = 100;

interface Load {
  readonly reqPerSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** CPU time of the server process per answer: steadier than req/s on a shared machine. */
  readonly serverCpuUs: number;
}

/** User + system CPU time of a process so far, in microseconds (Linux). */
function cpuUs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1e6) / CLOCK_TICKS_PER_SECOND;
}

async function load(server: ChildServer, requests: readonly Request[], seconds: number) {
  const before = cpuUs(server.pid);
  const result: Result = await autocannon({
    url: server.url,
    connections: CONNECTIONS,
    duration: seconds,
    requests,
  });
  if (result.errors > 0 || result.non2xx > 0) {
    throw new Error(`${server.url}: ${result.errors} errors, ${result.non2xx} non-2xx answers`);
  }
  return {
    reqPerSec: result.requests.total / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    serverCpuUs: (cpuUs(server.pid) - before) / result.requests.total,
  };
}

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const meanLoad = (loads: readonly Load[]): Load => ({
  reqPerSec: mean(loads.map((l) => l.reqPerSec)),
  p50Ms: mean(loads.map((l) => l.p50Ms)),
  p99Ms: mean(loads.map((l) => l.p99Ms)),
  serverCpuUs: mean(loads.map((l) => l.serverCpuUs)),
});

const show = (l: Load) =>
  `${Math.round(l.reqPerSec).toLocaleString('en')} req/s, p50 ${l.p50Ms} ms, p99 ${l.p99Ms} ms, server CPU ${l.serverCpuUs.toFixed(0)} µs/answer`;

interface Target {
  readonly name: string;
  readonly server: ChildServer;
  readonly requests: readonly Request[];
}

const resolveRequests = syntheticIds(DISTINCT_IDS, CODES).map((id) => ({
  method: 'GET',
  path: `/api/v1/resolve/${encodeURIComponent(id).replaceAll('%2A', '*')}`,
}));

async function startTargets(database: BenchDatabase, servers: ChildServer[]): Promise<Target[]> {
  const start = async (script: string, args: readonly string[] = []) => {
    const server = await startChildServer(join(SUPPORT, script), args);
    servers.push(server);
    return server;
  };
  const targets: Target[] = [
    { name: 'hello', server: await start('hello-server.ts'), requests: [{ path: '/' }] },
    {
      name: 'resolve',
      server: await start('register-app-server.ts', [database.url]),
      requests: resolveRequests,
    },
  ];
  if (database.dialect === 'sqlite') {
    const server = await start('resolve-only-server.ts', [database.url]);
    targets.push({ name: 'ceiling', server, requests: resolveRequests });
  }
  return targets;
}

/** Alternates the servers round by round, so that all of them see the same machine noise. */
async function measure(database: BenchDatabase): Promise<Map<string, Load>> {
  const servers: ChildServer[] = [];
  try {
    const targets = await startTargets(database, servers);
    for (const t of targets) await load(t.server, t.requests, WARMUP_SECONDS);
    const loads = new Map<string, Load[]>(targets.map((t) => [t.name, []]));
    for (let round = 1; round <= ROUNDS; round += 1) {
      for (const t of targets) {
        const result = await load(t.server, t.requests, SECONDS);
        console.log(`  ${database.dialect} round ${round} ${t.name.padEnd(8)} ${show(result)}`);
        loads.get(t.name)?.push(result);
      }
    }
    return new Map([...loads].map(([name, list]) => [name, meanLoad(list)]));
  } finally {
    for (const server of servers) await server.stop();
  }
}

const round2 = (n: number) => Math.round(n * 100) / 100;

async function onDialect(dialect: Dialect) {
  const started = performance.now();
  const database = await createSyntheticDatabase(dialect, CODES);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`${dialect}: ${CODES.toLocaleString('en')} synthetic codes written in ${seconds} s`);
  try {
    const loads = await measure(database);
    const resolve = loads.get('resolve');
    const hello = loads.get('hello');
    if (resolve === undefined || hello === undefined) throw new Error('missing figures');
    const ceiling = loads.get('ceiling');
    const ratio = resolve.reqPerSec / hello.reqPerSec;
    console.log(`${dialect}: resolve ${show(resolve)}\n${dialect}: hello   ${show(hello)}`);
    if (ceiling !== undefined) console.log(`${dialect}: resolve route alone ${show(ceiling)}`);
    console.log(`${dialect}: ratio ${ratio.toFixed(2)} (target ≥ ${TARGET_RATIO} on SQLite)`);
    const figures = (l: Load) => ({
      reqPerSec: Math.round(l.reqPerSec),
      p50Ms: round2(l.p50Ms),
      p99Ms: round2(l.p99Ms),
      serverCpuUs: Math.round(l.serverCpuUs),
    });
    return {
      ...figures(resolve),
      baseline: figures(hello),
      ratio: round2(ratio),
      ...(ceiling === undefined
        ? {}
        : {
            routeAlone: { ...figures(ceiling), ratio: round2(ceiling.reqPerSec / hello.reqPerSec) },
          }),
    };
  } finally {
    await database.drop();
  }
}

console.log(
  `resolve: ${DISTINCT_IDS} distinct IDs of every kind, ${CONNECTIONS} connections, ${ROUNDS} × ${SECONDS} s rounds after ${WARMUP_SECONDS} s warm-up`,
);
const sqlite = await onDialect('sqlite');
const pgUp = await postgresAnswers();
if (!pgUp) console.log('postgres: skipped, PostgreSQL does not answer');
const postgres = pgUp ? await onDialect('postgres') : null;
console.log(
  JSON.stringify({
    bench: 'resolve',
    codes: CODES,
    distinctIds: DISTINCT_IDS,
    connections: CONNECTIONS,
    seconds: SECONDS,
    rounds: ROUNDS,
    sqlite,
    postgres,
    target: TARGET_RATIO,
    meetsTarget: sqlite.ratio >= TARGET_RATIO,
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    cpuCount: cpus().length,
  }),
);
