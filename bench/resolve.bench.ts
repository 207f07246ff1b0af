import { get } from 'node:http';
import { cpus } from 'node:os';
import autocannon, { type Request, type Result } from 'autocannon';
import type { Dialect } from '../src/db/connect.ts';
import { startHello } from './support/hello.ts';
import { childrenCpuUs, processCpuUs } from './support/proc-stat.ts';
import { startService } from './support/service-process.ts';
import { build, startArgs } from './support/start-command.ts';
import {
  createSyntheticDatabase,
  postgresAnswers,
  type BenchDatabase,
} from './support/synthetic-database.ts';
import { syntheticResolvePaths } from './support/synthetic-ids.ts';
import {
  checkWrk,
  pathListScript,
  LOAD_CORE,
  pinServer,
  runWrk,
  SERVER_CORE,
} from './support/wrk.ts';

// GET /api/v1/resolve/{id} on a register of 100,000 codes, beside a bare Fastify hello-world
// measured in the same run, each server in its own process. The service runs as `npm start` runs
// it (compiled, with its node flags; logging off, as the hello-world has none). Both start with
// the module that keeps one tick object (ADR 11) loaded first: without it the hello-world is now
// and then slow for the whole run (`support/hello.ts`), and the ratio with it.
//
// The hello-world is loaded twice: with its one path, and with the same list of 1,000 resolve
// paths as the service. Autocannon copies the list into every connection and walks it, which
// costs the load generator about half as much again per request as a single path does; sharing
// the two cores with the server, that alone takes some 20–40% off the hello-world's rate. The
// second baseline costs the load generator what the service's load costs it.
//
// `BENCH_LOAD=wrk` loads the servers with wrk instead, pinned to one core and the servers to the
// other (`support/wrk.ts`): a cross-check in which the load generator's cost hardly depends on
// the answer, and the rate is the server's on a core of its own.
//
// The servers take turns, round by round, the service always between its two baselines, which
// swap places from one round to the next (hello-world, service, hello-world on the list; then the
// other way round): each baseline is measured right beside the service, and on average as often
// before it as after it, so noise that comes and goes over seconds and a machine that slowly
// gets busier or quieter weigh on both sides of a ratio alike. Ratios are taken within each
// round, and their median over the rounds is the figure.
const CODES = 100_000;
const DISTINCT_IDS = 1_000;
const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const WARMUP_SECONDS = 2;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
/**
 * How many times both servers are started afresh, each time for ROUNDS rounds; the ratio is the
 * median over the rounds of all of them. One start can be faster or slower than the next for
 * the whole of its rounds, the baseline's included, so several starts weigh that in.
 */
const STARTS = Number(process.env.BENCH_STARTS ?? 1);
const TARGET_RATIO = 0.7;
/**
 * The load generator: autocannon, in this process (the default), or `wrk`, pinned to one core
 * with the servers pinned to the other (`BENCH_LOAD=wrk`, a cross-check: `support/wrk.ts`).
 */
const LOAD = process.env.BENCH_LOAD ?? 'autocannon';
if (LOAD !== 'autocannon' && LOAD !== 'wrk') {
  throw new Error(`BENCH_LOAD must be autocannon or wrk, got ${LOAD}`);
}

interface Load {
  readonly reqPerSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** CPU time of the server process per answer: steadier than req/s on a shared machine. */
  readonly serverCpuUs: number;
  /**
   * CPU time of the load generator (this process) per answer. It shares the two cores with the
   * server, and it pays for every header and byte of each answer it reads.
   */
  readonly clientCpuUs: number;
}

interface Server {
  readonly pid: number;
  readonly url: string;
  stop(): Promise<void>;
}

const cpuSum = (usage: NodeJS.CpuUsage) => usage.user + usage.system;

/** wrk's script for each list of paths, written once. */
const wrkScripts = new Map<readonly Request[], { file: string; remove(): void }>();
process.once('exit', () => {
  for (const script of wrkScripts.values()) script.remove();
});

function wrkScript(requests: readonly Request[]): string | undefined {
  if (requests.length === 1) return undefined;
  let script = wrkScripts.get(requests);
  if (script === undefined) {
    script = pathListScript(requests.map((r) => r.path ?? '/'));
    wrkScripts.set(requests, script);
  }
  return script.file;
}

/** One load with wrk, pinned (`BENCH_LOAD=wrk`); the load generator's CPU is wrk's own. */
function wrkLoad(server: Server, requests: readonly Request[], seconds: number): Load {
  const before = processCpuUs(server.pid);
  const wrkBefore = childrenCpuUs();
  const single = requests.length === 1 ? (requests[0]?.path ?? '/') : '/';
  const result = runWrk(`${server.url}${single}`, CONNECTIONS, seconds, wrkScript(requests));
  return {
    reqPerSec: result.requests / result.seconds,
    p50Ms: result.p50Ms,
    p99Ms: result.p99Ms,
    serverCpuUs: (processCpuUs(server.pid) - before) / result.requests,
    clientCpuUs: (childrenCpuUs() - wrkBefore) / result.requests,
  };
}

/** One load with autocannon, in this process; the load generator's CPU is this process's. */
async function autocannonLoad(
  server: Server,
  requests: readonly Request[],
  seconds: number,
): Promise<Load> {
  const before = processCpuUs(server.pid);
  const client = process.cpuUsage();
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
    serverCpuUs: (processCpuUs(server.pid) - before) / result.requests.total,
    clientCpuUs: cpuSum(process.cpuUsage(client)) / result.requests.total,
  };
}

const load = (server: Server, requests: readonly Request[], seconds: number) =>
  LOAD === 'wrk'
    ? Promise.resolve(wrkLoad(server, requests, seconds))
    : autocannonLoad(server, requests, seconds);

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};
const medianLoad = (loads: readonly Load[]): Load => ({
  reqPerSec: median(loads.map((l) => l.reqPerSec)),
  p50Ms: median(loads.map((l) => l.p50Ms)),
  p99Ms: median(loads.map((l) => l.p99Ms)),
  serverCpuUs: median(loads.map((l) => l.serverCpuUs)),
  clientCpuUs: median(loads.map((l) => l.clientCpuUs)),
});

/** One request, answer read and dropped. */
function fetchOnce(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    get(url, (res) => {
      res.resume().once('end', () => {
        if (res.statusCode === 200) resolve();
        else reject(new Error(`${url}: ${res.statusCode}`));
      });
    }).once('error', reject);
  });
}

interface Target {
  readonly name: string;
  readonly server: Server;
  readonly requests: readonly Request[];
}

/**
 * Every distinct request once, then load. Autocannon starts every connection at the head of the
 * list, so on a slow machine a short warm-up under load would leave part of the list unseen and
 * the rounds would still be filling the prefix cache.
 */
async function warmUp(t: Target): Promise<void> {
  for (const r of t.requests) await fetchOnce(`${t.server.url}${r.path ?? '/'}`);
  await load(t.server, t.requests, WARMUP_SECONDS);
}

const show = (l: Load) =>
  `${Math.round(l.reqPerSec).toLocaleString('en')} req/s, p50 ${l.p50Ms} ms, p99 ${l.p99Ms} ms, CPU per answer: server ${l.serverCpuUs.toFixed(0)} µs, load generator ${l.clientCpuUs.toFixed(0)} µs`;

const resolveRequests = syntheticResolvePaths(DISTINCT_IDS, CODES).map((path) => ({
  method: 'GET',
  path,
}));

async function startTargets(
  database: BenchDatabase,
  servers: Server[],
): Promise<[Target, Target, Target]> {
  const hello = await startHello();
  servers.push(hello);
  const service = await startService({ kind: 'node', args: startArgs() }, database.url, {
    LOG_LEVEL: 'silent',
  });
  servers.push(service);
  console.log(`  ${database.dialect}: the service as \`${service.command}\``);
  if (LOAD === 'wrk') for (const server of [hello, service]) pinServer(server.pid);
  return [
    { name: 'hello', server: hello, requests: [{ path: '/' }] },
    { name: 'helloList', server: hello, requests: resolveRequests },
    { name: 'resolve', server: service, requests: resolveRequests },
  ];
}

/**
 * The order of one round's turns: the service in the middle, its baselines swapping sides from
 * one round to the next.
 */
function turnOrder<T>(round: number, [hello, helloList, resolve]: readonly [T, T, T]): T[] {
  return round % 2 === 1 ? [hello, resolve, helloList] : [helloList, resolve, hello];
}

/**
 * Starts both servers, then alternates the targets round by round, so that all of them see the
 * same machine noise; adds each round's loads to `loads`.
 */
async function measureOnce(
  database: BenchDatabase,
  start: number,
  loads: Map<string, Load[]>,
): Promise<void> {
  const servers: Server[] = [];
  try {
    const targets = await startTargets(database, servers);
    for (const t of targets) await warmUp(t);
    for (let round = 1; round <= ROUNDS; round += 1) {
      for (const t of turnOrder(round, targets)) {
        const result = await load(t.server, t.requests, SECONDS);
        const name = `${database.dialect}${STARTS > 1 ? ` start ${start}` : ''} round ${round}`;
        console.log(`  ${name} ${t.name.padEnd(9)} ${show(result)}`);
        const list = loads.get(t.name) ?? [];
        list.push(result);
        loads.set(t.name, list);
      }
    }
  } finally {
    for (const server of servers) await server.stop();
  }
}

async function measure(database: BenchDatabase): Promise<Map<string, Load[]>> {
  const loads = new Map<string, Load[]>();
  for (let start = 1; start <= STARTS; start += 1) await measureOnce(database, start, loads);
  return loads;
}

/** Per round, req/s of `of` over the baseline's: median, lowest, highest. */
function ratios(of: readonly Load[], baseline: readonly Load[]) {
  const each = of.map((l, i) => l.reqPerSec / (baseline[i]?.reqPerSec ?? NaN));
  return { median: median(each), min: Math.min(...each), max: Math.max(...each) };
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const figures = (l: Load) => ({
  reqPerSec: Math.round(l.reqPerSec),
  p50Ms: round2(l.p50Ms),
  p99Ms: round2(l.p99Ms),
  serverCpuUs: Math.round(l.serverCpuUs),
  clientCpuUs: Math.round(l.clientCpuUs),
});
const ratioFigures = (r: ReturnType<typeof ratios>) => ({
  ratio: round2(r.median),
  ratioMin: round2(r.min),
  ratioMax: round2(r.max),
  /** Judged on the median itself, not on its rounding (0.695 is not 0.7). */
  meetsTarget: r.median >= TARGET_RATIO,
});

async function onDialect(dialect: Dialect) {
  const started = performance.now();
  const database = await createSyntheticDatabase(dialect, CODES);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`${dialect}: ${CODES.toLocaleString('en')} synthetic codes written in ${seconds} s`);
  try {
    const loads = await measure(database);
    const [resolve, hello, helloList] = ['resolve', 'hello', 'helloList'].map((name) => {
      const list = loads.get(name);
      if (list === undefined) throw new Error(`no figures for ${name}`);
      return list;
    }) as [Load[], Load[], Load[]];
    const toHello = ratios(resolve, hello);
    const toHelloList = ratios(resolve, helloList);
    const spread = (r: typeof toHello) => `rounds ${r.min.toFixed(2)}–${r.max.toFixed(2)}`;
    console.log(`${dialect}: medians over ${ROUNDS * STARTS} rounds`);
    console.log(`${dialect}: resolve            ${show(medianLoad(resolve))}`);
    console.log(`${dialect}: hello, one path    ${show(medianLoad(hello))}`);
    console.log(`${dialect}: hello, resolve's list of paths ${show(medianLoad(helloList))}`);
    console.log(
      `${dialect}: ratio to hello ${toHello.median.toFixed(2)} (${spread(toHello)}), to hello on the same list ${toHelloList.median.toFixed(2)} (${spread(toHelloList)}); target ≥ ${TARGET_RATIO} on SQLite`,
    );
    return {
      ...figures(medianLoad(resolve)),
      ...ratioFigures(toHello),
      baseline: figures(medianLoad(hello)),
      sameList: { ...ratioFigures(toHelloList), baseline: figures(medianLoad(helloList)) },
    };
  } finally {
    await database.drop();
  }
}

const loadGenerator =
  LOAD === 'wrk'
    ? `wrk (one thread) pinned to core ${LOAD_CORE}, the servers to core ${SERVER_CORE}`
    : 'autocannon';
console.log(
  `resolve: ${DISTINCT_IDS} distinct IDs of every kind, ${CONNECTIONS} connections, ${ROUNDS} × ${SECONDS} s rounds after each ID once and ${WARMUP_SECONDS} s warm-up, servers started ${STARTS} time(s), load from ${loadGenerator}`,
);
if (LOAD === 'wrk') checkWrk();
build();
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
    starts: STARTS,
    load: LOAD,
    command: startArgs().join(' '),
    sqlite,
    postgres,
    target: TARGET_RATIO,
    meetsTarget: sqlite.meetsTarget,
    meetsTargetOnSameList: sqlite.sameList.meetsTarget,
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    cpuCount: cpus().length,
  }),
);
