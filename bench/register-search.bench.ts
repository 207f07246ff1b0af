import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request, type IncomingMessage } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';

import { connectDatabase } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { fillSyntheticRegister, syntheticKey } from './support/synthetic-register.ts';

const CODES = 100_000;
const ROUNDS = 300;
const WARM_UP_ROUNDS = 20;
const ROOT = join(import.meta.dirname, '..');

/** Searches a reader makes: words of names, a code, rare and absent terms, filters, a later page. */
const SEARCHES: readonly string[] = [
  '/en/register',
  '/fr/register?q=energie',
  `/fr/register?q=${encodeURIComponent('Électrique')}`,
  '/de/register?q=laden',
  '/nl/register?q=groen+snel',
  `/en/register?q=${encodeURIComponent('be*a0c')}`,
  '/en/register?q=4711',
  '/en/register?q=zzqx',
  '/en/register?country=LU',
  '/de/register?role=EMSP&status=suspended',
  '/fr/register?country=NL&role=CPO&status=active&q=power',
  '/nl/register?status=withdrawn&q=netz',
];
const BASELINE = '/en';

export interface RegisterSearchFigures {
  readonly bench: 'register-search';
  readonly codes: number;
  readonly rounds: number;
  readonly requests: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  /** The home page of the same server, requested the same way, in the same rounds. */
  readonly baseline: { readonly p50Ms: number; readonly p95Ms: number; readonly p99Ms: number };
  readonly p95RatioToBaseline: number;
  /** p50 and p95 of each search, to find the slow ones. */
  readonly perSearch: Readonly<Record<string, { readonly p50Ms: number; readonly p95Ms: number }>>;
  readonly node: string;
  readonly cpu: string;
  readonly cpuCount: number;
}

async function buildDatabase(file: string): Promise<void> {
  const { db } = connectDatabase(`sqlite:${file}`);
  try {
    await migrateToLatest(db);
    await fillSyntheticRegister(db, CODES);
    await sql`analyze`.execute(db);
  } finally {
    await db.destroy();
  }
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

interface Answer {
  readonly status: number;
  readonly body: string;
  readonly ms: number;
}

/** One GET over a kept-alive connection, timed to the last byte of the answer. */
async function get(agent: Agent, port: number, path: string): Promise<Answer> {
  const start = performance.now();
  const req = request({ host: '127.0.0.1', port, path, agent, headers: { accept: 'text/html' } });
  req.end();
  const [res] = (await once(req, 'response')) as [IncomingMessage];
  const chunks: Buffer[] = [];
  for await (const chunk of res as AsyncIterable<Buffer>) chunks.push(chunk);
  const ms = performance.now() - start;
  return { status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), ms };
}

/** Starts the real service, as `npm start` does, on the file database; resolves once it answers. */
async function startServer(file: string, port: number): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'src', 'main.ts'), 'serve'],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: `sqlite:${file}`,
        LOG_LEVEL: 'silent',
        IDRO_SEED: 'none',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const agent = new Agent({ keepAlive: false });
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.exitCode !== null) throw new Error(`the service exited with ${child.exitCode}`);
    const up = await get(agent, port, '/healthz').then(
      (a) => a.status === 200,
      () => false,
    );
    if (up) return child;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGTERM');
  throw new Error('the service did not answer within 30 s');
}

/** The "next page" link of a results page, so the later-page search uses a real cursor. */
function nextPageOf(body: string): string {
  const match = /<a href="([^"]*cursor=[^"]+)" rel="next">/.exec(body);
  if (match?.[1] === undefined) throw new Error('no next page link');
  return match[1].replaceAll('&amp;', '&');
}

function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Number((sorted[Math.max(0, index)] ?? 0).toFixed(2));
}

function summary(values: readonly number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    p50Ms: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    p99Ms: percentile(sorted, 99),
    maxMs: percentile(sorted, 100),
  };
}

/** Requests every search and the baseline once per round, sequentially; keeps each time. */
async function measure(port: number, searches: readonly string[]) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const times = new Map<string, number[]>(searches.map((s) => [s, []]));
  const baseline: number[] = [];
  for (let round = 0; round < WARM_UP_ROUNDS + ROUNDS; round++) {
    const keep = round >= WARM_UP_ROUNDS;
    for (const path of searches) {
      const answer = await get(agent, port, path);
      if (answer.status !== 200) throw new Error(`${path} answered ${answer.status}`);
      if (keep) times.get(path)?.push(answer.ms);
    }
    const home = await get(agent, port, BASELINE);
    if (home.status !== 200) throw new Error(`${BASELINE} answered ${home.status}`);
    if (keep) baseline.push(home.ms);
  }
  agent.destroy();
  return { times, baseline };
}

/** Checks that the searches find what they should, so the figures measure real work. */
async function checkAnswers(port: number): Promise<string> {
  const agent = new Agent({ keepAlive: false });
  const code = await get(agent, port, `/en/register?q=${encodeURIComponent('be*a0c')}`);
  if (!code.body.includes('/en/register/BE/A0C')) throw new Error('be*a0c was not found');
  const key = syntheticKey(CODES - 1);
  const last = await get(agent, port, `/en/register/${key.slice(0, 2)}/${key.slice(2)}`);
  if (last.status !== 200) throw new Error(`the last code's page answered ${last.status}`);
  const first = await get(agent, port, '/en/register?q=charge');
  return nextPageOf(first.body);
}

export async function main(): Promise<RegisterSearchFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'idro-bench-'));
  const file = join(dir, 'register.sqlite');
  let child: ChildProcess | undefined;
  try {
    const built = performance.now();
    await buildDatabase(file);
    console.log(
      `built ${CODES.toLocaleString('en-GB')} codes in ${Math.round(performance.now() - built)} ms`,
    );
    const port = await freePort();
    child = await startServer(file, port);
    const pageTwo = await checkAnswers(port);
    const { times, baseline } = await measure(port, [...SEARCHES, pageTwo]);
    return report(times, baseline);
  } finally {
    if (child?.exitCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

function report(
  times: ReadonlyMap<string, number[]>,
  baselineTimes: number[],
): RegisterSearchFigures {
  const all = [...times.values()].flat();
  const overall = summary(all);
  const baseline = summary(baselineTimes);
  const perSearch = Object.fromEntries(
    [...times].map(([path, values]) => {
      const s = summary(values);
      return [path.replace(/cursor=[^&]+/, 'cursor=…'), { p50Ms: s.p50Ms, p95Ms: s.p95Ms }];
    }),
  );
  for (const [path, s] of Object.entries(perSearch)) {
    console.log(
      `${path.padEnd(58)} p50 ${String(s.p50Ms).padStart(7)} ms  p95 ${String(s.p95Ms).padStart(7)} ms`,
    );
  }
  console.log(
    `all searches: p50 ${overall.p50Ms} ms, p95 ${overall.p95Ms} ms, p99 ${overall.p99Ms} ms`,
  );
  console.log(
    `baseline ${BASELINE}: p50 ${baseline.p50Ms} ms, p95 ${baseline.p95Ms} ms, p99 ${baseline.p99Ms} ms`,
  );
  const figures: RegisterSearchFigures = {
    bench: 'register-search',
    codes: CODES,
    rounds: ROUNDS,
    requests: all.length,
    ...overall,
    baseline: { p50Ms: baseline.p50Ms, p95Ms: baseline.p95Ms, p99Ms: baseline.p99Ms },
    p95RatioToBaseline: Number((overall.p95Ms / baseline.p95Ms).toFixed(1)),
    perSearch,
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    cpuCount: cpus().length,
  };
  console.log(JSON.stringify(figures));
  return figures;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
