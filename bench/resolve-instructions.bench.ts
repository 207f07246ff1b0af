import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startChildServer } from './support/child-server.ts';
import { startService } from './support/service-process.ts';
import { build, startArgs } from './support/start-command.ts';
import { createSyntheticDatabase } from './support/synthetic-database.ts';
import { syntheticResolvePaths } from './support/synthetic-ids.ts';

// The resolve answer's cost counted in instructions instead of seconds: each server runs under
// callgrind, which counts every instruction the process executes (all its threads, native and
// compiled JavaScript alike) whatever else the machine is doing. The same 20,000 resolve requests
// go to the service and to the bare Fastify hello-world, after 20,000 of warm-up; the figure is
// instructions per answer, and their ratio.
//
// Callgrind makes a server some fifty times slower, so work that runs on a timer (the service asks
// the database once a second whether the register changed) counts for more here than at full
// speed. The load is the same list of 1,000 resolve paths for both, from 50 connections.
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

/** The instructions counted in the one dump of `pid` in `dir`, once callgrind has written it. */
async function dumpedInstructions(dir: string, pid: number): Promise<number> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const file = readdirSync(dir).find((name) => name.startsWith(`${pid}.`));
    const text = file === undefined ? '' : readFileSync(join(dir, file), 'utf8');
    const total = /^totals: (\d+)/m.exec(text)?.[1];
    if (total !== undefined) return Number(total);
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
async function count(server: Counted, dir: string, paths: readonly string[]): Promise<number> {
  try {
    await send(server.url, paths, WARMUP_REQUESTS);
    control(server, '--zero');
    await send(server.url, paths, REQUESTS);
    control(server, '--dump');
    return (await dumpedInstructions(dir, server.pid)) / REQUESTS;
  } finally {
    await server.stop();
  }
}

const callgrind = (dir: string) => [
  'valgrind',
  '--tool=callgrind',
  '--quiet',
  '--dump-instr=no',
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
  const hello = await startChildServer(
    join(import.meta.dirname, 'support', 'hello-server.ts'),
    [],
    { wrapper: callgrind(helloDir) },
  );
  const helloPerAnswer = await count({ ...hello, host: process.env.HOST }, helloDir, paths);
  console.log(
    `hello:   ${Math.round(helloPerAnswer).toLocaleString('en')} instructions per answer`,
  );
  const service = await startService(
    { kind: 'node', args: startArgs(), wrapper: callgrind(serviceDir) },
    database.url,
    { LOG_LEVEL: 'silent' },
    START_TIMEOUT_MS,
  );
  const servicePerAnswer = await count({ ...service, host: '127.0.0.1' }, serviceDir, paths);
  const ratio = helloPerAnswer / servicePerAnswer;
  console.log(
    `resolve: ${Math.round(servicePerAnswer).toLocaleString('en')} instructions per answer, ${(servicePerAnswer / helloPerAnswer).toFixed(2)} × hello's (ratio ${ratio.toFixed(2)})`,
  );
  console.log(
    JSON.stringify({
      bench: 'resolve-instructions',
      codes: CODES,
      distinctIds: DISTINCT_IDS,
      connections: CONNECTIONS,
      requests: REQUESTS,
      command: startArgs().join(' '),
      instructionsPerAnswer: Math.round(servicePerAnswer),
      baseline: { instructionsPerAnswer: Math.round(helloPerAnswer) },
      ratio: Math.round(ratio * 100) / 100,
      node: process.version,
    }),
  );
} finally {
  rmSync(helloDir, { recursive: true, force: true });
  rmSync(serviceDir, { recursive: true, force: true });
  await database.drop();
}
