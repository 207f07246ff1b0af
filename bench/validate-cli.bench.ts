import { spawn } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, rmSync } from 'node:fs';
import { cpus, devNull, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import { writeIdMixFile } from './support/id-mix.ts';

const COUNT = 1_000_000;
const SEED = 20_251_127;
const ROUNDS = 3;
const ROOT = join(import.meta.dirname, '..');
/** The CLI must stay within this multiple of the baseline's time. */
const LIMIT = 3;
const SUMMARY = new RegExp(`^${COUNT} IDs: \\d+ valid, \\d+ invalid`);

interface Contender {
  readonly name: string;
  readonly args: readonly string[];
  /** What a complete run prints on stderr; a run that crashed early must not count as fast. */
  readonly stderr: RegExp;
}

/**
 * Every contender is spawned as `node --import tsx <script>`, so each pays the same TypeScript
 * loader start-up and the ratios compare the work on the lines, not the loaders.
 */
const CONTENDERS: readonly Contender[] = [
  { name: 'baseline line-echo', args: ['bench/support/line-echo.ts'], stderr: /^$/ },
  { name: 'idro validate', args: ['src/main.ts', 'validate'], stderr: SUMMARY },
  { name: 'idro validate --json', args: ['src/main.ts', 'validate', '--json'], stderr: SUMMARY },
];

/** Runs one contender with `< input > /dev/null`; returns its wall-clock seconds. */
async function timeRun(contender: Contender, input: string): Promise<number> {
  const stdin = openSync(input, 'r');
  const stdout = openSync(devNull, 'w');
  try {
    const start = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', ...contender.args], {
      cwd: ROOT,
      stdio: [stdin, stdout, 'pipe'],
    });
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
    const seconds = (performance.now() - start) / 1000;
    // validate exits 1 because the mix holds invalid IDs on purpose; the summary proves it ran.
    if ((code !== 0 && code !== 1) || !contender.stderr.test(stderr)) {
      throw new Error(`${contender.name} failed (exit ${code}): ${stderr}`);
    }
    return seconds;
  } finally {
    closeSync(stdin);
    closeSync(stdout);
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Alternates the contenders round by round, so drift on a shared machine hits all alike. One
 * untimed run each first fills the loader's transform cache, which only the first run would pay.
 */
async function measure(input: string): Promise<number[][]> {
  for (const contender of CONTENDERS) await timeRun(contender, input);
  const times: number[][] = CONTENDERS.map(() => []);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, contender] of CONTENDERS.entries())
      times[i]!.push(await timeRun(contender, input));
  }
  return times;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'idro-bench-'));
  const input = join(dir, 'ids.txt');
  try {
    await writeIdMixFile(input, COUNT, SEED);
    const times = await measure(input);
    report(times.map(median), times);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function report(medians: readonly number[], times: readonly number[][]): void {
  const [baseline, human, json] = medians as [number, number, number];
  const format = (n: number) => Math.round(n).toLocaleString('en-GB');
  console.log(`${COUNT.toLocaleString('en-GB')} IDs from a file to /dev/null, median of ${ROUNDS}`);
  console.log('each run is `node --import tsx <script>`, start-up included');
  for (const [i, contender] of CONTENDERS.entries()) {
    const seconds = medians[i]!;
    const rounds = times[i]!.map((s) => s.toFixed(2)).join(', ');
    console.log(
      `${contender.name.padEnd(22)} ${seconds.toFixed(2)} s  ${format(COUNT / seconds).padStart(11)} IDs/s  (${rounds})`,
    );
  }
  const humanRatio = Number((human / baseline).toFixed(2));
  const jsonRatio = Number((json / baseline).toFixed(2));
  console.log(`ratio validate / baseline:        ${humanRatio} (limit ${LIMIT})`);
  console.log(`ratio validate --json / baseline: ${jsonRatio}`);
  const figures = {
    bench: 'validate-cli',
    ids: COUNT,
    rounds: ROUNDS,
    baselineSeconds: round3(baseline),
    humanSeconds: round3(human),
    jsonSeconds: round3(json),
    baselineIdsPerSecond: Math.round(COUNT / baseline),
    humanIdsPerSecond: Math.round(COUNT / human),
    jsonIdsPerSecond: Math.round(COUNT / json),
    humanRatio,
    jsonRatio,
    withinLimit: humanRatio <= LIMIT,
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    cpuCount: cpus().length,
  };
  console.log(JSON.stringify(figures));
}

function round3(n: number): number {
  return Number(n.toFixed(3));
}

await main();
