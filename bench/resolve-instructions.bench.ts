import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startHello } from './support/hello.ts';
import { SERVICE_HOST, startService } from './support/service-process.ts';
import { build, startArgs } from './support/start-command.ts';
import { createSyntheticDatabase } from './support/synthetic-database.ts';
import { syntheticResolvePaths } from './support/synthetic-ids.ts';

// The resolve answer's cost counted in instructions instead of seconds: each server runs under
// callgrind, which counts every instruction the process executes (native and compiled JavaScript
// alike) whatever else the machine is doing. The same 20,000 resolve requests go to the service
// and to the bare Fastify hello-world (started as `support/hello.ts` says), after 20,000 of
// warm-up; the figure is instructions per answer on the main thread (JavaScript and the event
// loop), and their ratio. All threads are reported too.
//
// Callgrind makes a server some fifty times slower, and work that runs on the clock counts for
// more the longer a run takes: the service asks the database once a second whether the register
// changed, and the collector's helper threads (not on the main thread) do more of their work when
// the process seems idle. A machine busy with other work makes a run longer, so the main thread's
// count is the one to compare. The load is the same list of 1,000 resolve paths for both, from 50
// connections.
const CODES = 100_000;
const DISTINCT_IDS = 1_000;
const CONNECTIONS = 50;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 20_000);
const WARMUP_REQUESTS = REQUESTS;
const START_TIMEOUT_MS = 600_000;

function hasCallgrind(): boolean {
  return spawnSync('valgrind', ['--version'], { stdio: 'ignore' }).status === 0;
}

interface Counted {
  readonly pid: number;
  readonly url: string;
  /** The `HOST` its environment has: callgrind's control pipes are named after it. */
  readonly host: string | undefined;
  stop(): Promise<void>;
}

function control(server: Counted, option: '--zero' | '--dump'): void {
  const env = { ...process.env };
  if (server.host === undefined) delete env.HOST;
  else env.HOST = server.host;
  const run = spawnSync('callgrind_control', [option, String(server.pid)], {
    env,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`callgrind_control ${option}: ${run.stderr}`);
}

interface Instructions {
  /** Of the thread that runs JavaScript and the event loop. */
  readonly main: number;
  /** Of every thread, the collector's and compiler's helpers included. */
  readonly all: number;
}

/** The instructions counted in the one dump of `pid` in `dir`, once callgrind has written it. */
async function dumpedInstructions(dir: string, pid: number): Promise<Instructions> {
  const deadline = Date.now() + 60_000;
  let seen = -1;
  for (;;) {
    // One file per thread and dump: `<pid>.1-01` is the main thread's.
    const totals = readdirSync(dir)
      .filter((name) => name.startsWith(`${pid}.1-`))
      .map((name) => ({
        main: name === `${pid}.1-01`,
        total: /^totals: (\d+)/m.exec(readFileSync(join(dir, name), 'utf8'))?.[1],
      }));
    const main = totals.find((t) => t.main)?.total;
    // Every thread's file written, and no new one since the last look.
    const complete = totals.every((t) => t.total !== undefined) && totals.length === seen;
    seen = totals.length;
    if (main !== undefined && complete) {
      return { main: Number(main), all: totals.reduce((sum, t) => sum + Number(t.total), 0) };
    }
    if (Date.now() > deadline) throw new Error(`no callgrind dump of ${pid} in ${dir}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function send(url: string, paths: readonly string[], amount: number): Promise<void> {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    amount,
    timeout: 120,
    requests: paths.map((path) => ({ method: 'GET', path })),
  });
  if (result.errors > 0 || result.non2xx > 0) {
    throw new Error(`${url}: ${result.errors} errors, ${result.non2xx} non-2xx answers`);
  }
}

/** Instructions per answer of the server, counted over `REQUESTS` after as many of warm-up. */
async function count(
  server: Counted,
  dir: string,
  paths: readonly string[],
): Promise<Instructions> {
  try {
    await send(server.url, paths, WARMUP_REQUESTS);
    control(server, '--zero');
    await send(server.url, paths, REQUESTS);
    control(server, '--dump');
    const counted = await dumpedInstructions(dir, server.pid);
    return { main: counted.main / REQUESTS, all: counted.all / REQUESTS };
  } finally {
    await server.stop();
  }
}

const show = (c: Instructions) =>
  `${Math.round(c.main).toLocaleString('en')} instructions per answer on the main thread, ${Math.round(c.all).toLocaleString('en')} in all threads`;

const callgrind = (dir: string) => [
  'valgrind',
  '--tool=callgrind',
  '--quiet',
  '--dump-instr=no',
  '--separate-threads=yes',
  `--callgrind-out-file=${join(dir, '%p')}`,
];

if (!hasCallgrind()) {
  console.log('resolve-instructions: skipped, valgrind is not installed');
  console.log(JSON.stringify({ bench: 'resolve-instructions', skipped: 'no valgrind' }));
  process.exit(0);
}

console.log(
  `resolve-instructions: ${REQUESTS.toLocaleString('en')} resolve requests (${DISTINCT_IDS} distinct IDs, ${CONNECTIONS} connections) to each server under callgrind, after as many of warm-up`,
);
build();
const paths = syntheticResolvePaths(DISTINCT_IDS, CODES);
const database = await createSyntheticDatabase('sqlite', CODES);
const helloDir = mkdtempSync(join(tmpdir(), 'idro-callgrind-hello-'));
const serviceDir = mkdtempSync(join(tmpdir(), 'idro-callgrind-service-'));
try {
  const hello = await startHello(callgrind(helloDir));
  const helloCount = await count({ ...hello, host: process.env.HOST }, helloDir, paths);
  console.log(`hello:   ${show(helloCount)}`);
  const service = await startService(
    { kind: 'node', args: startArgs(), wrapper: callgrind(serviceDir) },
    database.url,
    { LOG_LEVEL: 'silent' },
    START_TIMEOUT_MS,
  );
  const serviceCount = await count({ ...service, host: SERVICE_HOST }, serviceDir, paths);
  const ratio = helloCount.main / serviceCount.main;
  console.log(`resolve: ${show(serviceCount)}`);
  console.log(
    `resolve: main thread ${(serviceCount.main / helloCount.main).toFixed(2)} × hello's (ratio ${ratio.toFixed(2)}), all threads ${(serviceCount.all / helloCount.all).toFixed(2)} ×`,
  );
  const figures = (c: Instructions) => ({
    mainThread: Math.round(c.main),
    allThreads: Math.round(c.all),
  });
  console.log(
    JSON.stringify({
      bench: 'resolve-instructions',
      codes: CODES,
      distinctIds: DISTINCT_IDS,
      connections: CONNECTIONS,
      requests: REQUESTS,
      command: startArgs().join(' '),
      instructionsPerAnswer: figures(serviceCount),
      baseline: { instructionsPerAnswer: figures(helloCount) },
      ratio: Math.round(ratio * 100) / 100,
      node: process.version,
    }),
  );
} finally {
  rmSync(helloDir, { recursive: true, force: true });
  rmSync(serviceDir, { recursive: true, force: true });
  await database.drop();
}
