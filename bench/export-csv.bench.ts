import { readFileSync } from 'node:fs';
import { get, type IncomingMessage } from 'node:http';
import { cpus } from 'node:os';
import { startService, type Launch, type ServiceProcess } from './support/service-process.ts';
import { build, startFlags } from './support/start-command.ts';
import { createSyntheticDatabase } from './support/synthetic-database.ts';

// GET /register.csv (and the JSON and NDJSON exports beside it) from a register of 100,000 codes,
// sampling the serving process's resident memory while it streams. The service is started the
// way it is run: `npm start` (which builds, then runs the compiled JavaScript with the node flags
// of package.json). Beside it, for comparison, the same compiled service under other node flags
// (BENCH_FLAG_SETS: sets of flags separated by `;`, the empty set being V8's defaults), and once
// through the TypeScript loader, as `npm start` ran it before.
const CODES = 100_000;
const SAMPLE_MS = 50;
const LIMIT_MB = 150;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

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
async function download(server: ServiceProcess, path: string): Promise<Download> {
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
async function measure(label: string, start: () => Promise<ServiceProcess>): Promise<Run> {
  const server = await start();
  try {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const idle = memoryOf(server.pid);
    console.log(`${label}: \`${server.command}\` idle after start, RSS ${mb(idle.rssMb)}`);
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

const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** Per export format over the runs of one configuration: median time, highest peak. */
function figures(runs: readonly Run[]) {
  const of = (path: string) => runs.map((r) => r.downloads.find((d) => d.path === path));
  const summary = (path: string) => {
    const downloads = of(path).filter((d) => d !== undefined);
    const peak = Math.max(...downloads.map((d) => d.peakRssMb));
    return {
      seconds: Math.round(median(downloads.map((d) => d.seconds)) * 100) / 100,
      bytes: downloads[0]?.bytes ?? 0,
      peakRssMb: round1(peak),
      withinLimit: peak < LIMIT_MB,
    };
  };
  return {
    runs: runs.length,
    idleRssMb: round1(median(runs.map((r) => r.idle.rssMb))),
    csv: summary('/register.csv'),
    ndjson: summary('/register.ndjson'),
    json: summary('/register.json'),
  };
}

/** Several fresh processes: V8 sizes its heap differently from one start to the next. */
async function runs(label: string, count: number, start: () => Promise<ServiceProcess>) {
  const done: Run[] = [];
  for (let i = 1; i <= count; i += 1) done.push(await measure(`${label} #${i}`, start));
  return figures(done);
}

const flags = startFlags();
const flagSets = (process.env.BENCH_FLAG_SETS ?? (flags.length > 0 ? '' : undefined))
  ?.split(';')
  .map((set) => set.split(' ').filter((flag) => flag !== ''));

// Build once first, so that the starts below find dist/ up to date (as a restart would).
build();

const started = performance.now();
const database = await createSyntheticDatabase('sqlite', CODES);
console.log(
  `export: ${CODES.toLocaleString('en')} synthetic codes in a SQLite file, written in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
const result: Record<string, ReturnType<typeof figures>> = {};
try {
  const on = (launch: Launch) => () => startService(launch, database.url);
  result.npmStart = await runs('npm start', RUNS, on({ kind: 'npm-start' }));
  for (const set of flagSets ?? []) {
    const label = set.length === 0 ? 'compiled, default V8 flags' : `compiled ${set.join(' ')}`;
    result[label] = await runs(
      label,
      RUNS,
      on({ kind: 'node', args: [...set, 'dist/main.js', 'serve'] }),
    );
  }
  result.tsx = await runs(
    'tsx',
    1,
    on({ kind: 'node', args: ['--import', 'tsx', 'src/main.ts', 'serve'] }),
  );
} finally {
  await database.drop();
}
for (const [label, f] of Object.entries(result)) {
  console.log(
    `${label}: CSV of ${CODES.toLocaleString('en')} codes in ${f.csv.seconds} s, highest peak resident ${mb(f.csv.peakRssMb)} over ${f.runs} run(s) (idle ${mb(f.idleRssMb)}), limit ${LIMIT_MB} MB: ${f.csv.withinLimit ? 'met' : 'MISSED'}`,
  );
}
console.log(
  JSON.stringify({
    bench: 'export-csv',
    codes: CODES,
    limitMb: LIMIT_MB,
    startFlags: flags,
    ...result,
    meetsLimit: result.npmStart.csv.withinLimit,
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
  }),
);
