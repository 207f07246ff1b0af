import { readFileSync } from 'node:fs';
import { get, type IncomingMessage } from 'node:http';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { startChildServer, type ChildServer } from './support/child-server.ts';
import { buildCompiled } from './support/compiled-build.ts';
import { createSyntheticDatabase } from './support/synthetic-database.ts';

// GET /register.csv (and the JSON and NDJSON exports beside it) from a register of 100,000 codes,
// sampling the server process's resident memory while it streams.
const CODES = 100_000;
const SAMPLE_MS = 50;
const LIMIT_MB = 150;
const SUPPORT = join(import.meta.dirname, 'support');

interface Memory {
  readonly rssMb: number;
  /** The highest resident size the process has had since it started. */
  readonly hwmMb: number;
}

/** VmRSS and VmHWM of a process, from /proc (Linux). */
function memoryOf(pid: number): Memory {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) =>
    Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
  return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
}

interface Download {
  readonly path: string;
  readonly seconds: number;
  readonly bytes: number;
  readonly status: number;
  readonly peakRssMb: number;
  readonly hwmMb: number;
}

/** Downloads a path to nowhere, sampling the server's memory every SAMPLE_MS meanwhile. */
async function download(server: ChildServer, path: string): Promise<Download> {
  let peak = memoryOf(server.pid).rssMb;
  const sampler = setInterval(() => {
    peak = Math.max(peak, memoryOf(server.pid).rssMb);
  }, SAMPLE_MS);
  const started = performance.now();
  try {
    const res = await new Promise<IncomingMessage>((resolve, reject) => {
      get(`${server.url}${path}`, resolve).once('error', reject);
    });
    let bytes = 0;
    for await (const chunk of res) bytes += (chunk as Buffer).length;
    const seconds = (performance.now() - started) / 1000;
    const after = memoryOf(server.pid);
    peak = Math.max(peak, after.rssMb);
    return {
      path,
      seconds,
      bytes,
      status: res.statusCode ?? 0,
      peakRssMb: peak,
      hwmMb: after.hwmMb,
    };
  } finally {
    clearInterval(sampler);
  }
}

const mb = (n: number) => `${n.toFixed(1)} MB`;
const round1 = (n: number) => Math.round(n * 10) / 10;

interface Run {
  readonly idle: Memory;
  readonly downloads: readonly Download[];
}

/** Idle memory of a fresh server process, then each export from it in turn. */
async function measure(label: string, start: () => Promise<ChildServer>): Promise<Run> {
  const server = await start();
  try {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const idle = memoryOf(server.pid);
    console.log(`${label}: idle after start, RSS ${mb(idle.rssMb)}`);
    const downloads: Download[] = [];
    for (const path of ['/register.csv', '/register.ndjson', '/register.json']) {
      const d = await download(server, path);
      if (d.status !== 200) throw new Error(`${path} answered ${d.status}`);
      console.log(
        `${label}: ${path.padEnd(17)} ${d.seconds.toFixed(2)} s, ${(d.bytes / 1e6).toFixed(1)} MB, peak RSS ${mb(d.peakRssMb)} (process peak ${mb(d.hwmMb)})`,
      );
      downloads.push(d);
    }
    return { idle, downloads };
  } finally {
    await server.stop();
  }
}

function figures(run: Run) {
  const [csv, ...others] = run.downloads;
  if (csv === undefined) throw new Error('no CSV download');
  const peak = Math.max(csv.peakRssMb, csv.hwmMb);
  return {
    seconds: Math.round(csv.seconds * 100) / 100,
    bytes: csv.bytes,
    peakRssMb: round1(peak),
    idleRssMb: round1(run.idle.rssMb),
    withinLimit: peak < LIMIT_MB,
    others: Object.fromEntries(
      others.map((d) => [
        d.path.slice(1),
        { seconds: round1(d.seconds), peakRssMb: round1(d.peakRssMb) },
      ]),
    ),
  };
}

const started = performance.now();
const database = await createSyntheticDatabase('sqlite', CODES);
console.log(
  `export: ${CODES.toLocaleString('en')} synthetic codes in a SQLite file, written in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
let compiled: Run;
let typescript: Run;
try {
  // As a deployment runs it: JavaScript compiled by tsc. Then as `npm start` runs it today,
  // through the tsx loader, whose own compiler thread and caches cost some 45 MB more.
  const build = buildCompiled();
  const script = join(build, 'bench', 'support', 'register-app-server.js');
  compiled = await measure('compiled', () =>
    startChildServer(script, [database.url], { typescript: false }),
  );
  typescript = await measure('tsx', () =>
    startChildServer(join(SUPPORT, 'register-app-server.ts'), [database.url]),
  );
} finally {
  await database.drop();
}
const result = { compiled: figures(compiled), tsx: figures(typescript) };
for (const [label, f] of Object.entries(result)) {
  console.log(
    `${label}: CSV of ${CODES.toLocaleString('en')} codes in ${f.seconds} s, peak resident ${mb(f.peakRssMb)} (idle ${mb(f.idleRssMb)}) against the limit of ${LIMIT_MB} MB: ${f.withinLimit ? 'met' : 'MISSED'}`,
  );
}
console.log(
  JSON.stringify({
    bench: 'export-csv',
    codes: CODES,
    limitMb: LIMIT_MB,
    ...result,
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
  }),
);
