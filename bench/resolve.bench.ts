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
// measured in the same run, each server in its own process.
const CODES = 100_000;
const DISTINCT_IDS = 1_000;
const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = 2;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const TARGET_RATIO = 0.7;
const SUPPORT = join(import.meta.dirname, 'support');

interface Load {
  readonly reqPerSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

interface DialectFigures {
  readonly resolve: Load;
  readonly baseline: Load;
  /** resolve req/s ÷ hello-world req/s, both averaged over the rounds. */
  readonly ratio: number;
  readonly rounds: readonly { readonly resolve: Load; readonly baseline: Load }[];
}

async function load(url: string, requests: readonly Request[], seconds: number): Promise<Load> {
  const result: Result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    requests,
  });
  if (result.errors > 0 || result.non2xx > 0) {
    throw new Error(`${url}: ${result.errors} errors, ${result.non2xx} non-2xx answers`);
  }
  return {
    reqPerSec: result.requests.total / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
  };
}

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const meanLoad = (loads: readonly Load[]): Load => ({
  reqPerSec: mean(loads.map((l) => l.reqPerSec)),
  p50Ms: mean(loads.map((l) => l.p50Ms)),
  p99Ms: mean(loads.map((l) => l.p99Ms)),
});

const show = (l: Load) =>
  `${Math.round(l.reqPerSec).toLocaleString('en')} req/s, p50 ${l.p50Ms} ms, p99 ${l.p99Ms} ms`;

/** Alternates hello-world and resolve rounds, so that both see the same machine noise. */
async function measure(database: BenchDatabase): Promise<DialectFigures> {
  const resolveRequests = syntheticIds(DISTINCT_IDS, CODES).map((id) => ({
    method: 'GET',
    path: `/api/v1/resolve/${encodeURIComponent(id).replaceAll('%2A', '*')}`,
  }));
  const helloRequests = [{ method: 'GET', path: '/' }];
  const servers: ChildServer[] = [];
  try {
    const hello = await startChildServer(join(SUPPORT, 'hello-server.ts'));
    servers.push(hello);
    const app = await startChildServer(join(SUPPORT, 'register-app-server.ts'), [database.url]);
    servers.push(app);
    await load(hello.url, helloRequests, WARMUP_SECONDS);
    await load(app.url, resolveRequests, WARMUP_SECONDS);
    const rounds = [];
    for (let round = 1; round <= ROUNDS; round += 1) {
      const baseline = await load(hello.url, helloRequests, SECONDS);
      console.log(`  ${database.dialect} round ${round} hello-world: ${show(baseline)}`);
      const resolve = await load(app.url, resolveRequests, SECONDS);
      console.log(`  ${database.dialect} round ${round} resolve:     ${show(resolve)}`);
      rounds.push({ resolve, baseline });
    }
    const resolve = meanLoad(rounds.map((r) => r.resolve));
    const baseline = meanLoad(rounds.map((r) => r.baseline));
    return { resolve, baseline, ratio: resolve.reqPerSec / baseline.reqPerSec, rounds };
  } finally {
    for (const server of servers) await server.stop();
  }
}

async function onDialect(dialect: Dialect): Promise<DialectFigures> {
  const started = performance.now();
  const database = await createSyntheticDatabase(dialect, CODES);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`${dialect}: ${CODES.toLocaleString('en')} synthetic codes written in ${seconds} s`);
  try {
    const figures = await measure(database);
    console.log(
      `${dialect}: resolve ${show(figures.resolve)}\n${dialect}: hello   ${show(figures.baseline)}\n${dialect}: ratio ${figures.ratio.toFixed(2)} (target ≥ ${TARGET_RATIO} on SQLite)`,
    );
    return figures;
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
const round2 = (n: number) => Math.round(n * 100) / 100;
const compact = (f: DialectFigures | null) =>
  f && {
    reqPerSec: Math.round(f.resolve.reqPerSec),
    p50Ms: f.resolve.p50Ms,
    p99Ms: f.resolve.p99Ms,
    baselineReqPerSec: Math.round(f.baseline.reqPerSec),
    baselineP50Ms: f.baseline.p50Ms,
    baselineP99Ms: f.baseline.p99Ms,
    ratio: round2(f.ratio),
  };
console.log(
  JSON.stringify({
    bench: 'resolve',
    codes: CODES,
    distinctIds: DISTINCT_IDS,
    connections: CONNECTIONS,
    seconds: SECONDS,
    rounds: ROUNDS,
    sqlite: compact(sqlite),
    postgres: compact(postgres),
    target: TARGET_RATIO,
    meetsTarget: sqlite.ratio >= TARGET_RATIO,
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    cpuCount: cpus().length,
  }),
);
