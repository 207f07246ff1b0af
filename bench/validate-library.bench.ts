import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

import { validateId } from '../src/domain/emobility-id/index.ts';
import { generateIdMix } from './support/id-mix.ts';

const COUNT = 1_000_000;
const SEED = 20_251_127;
const ROUNDS = 7;

export interface ValidateLibraryFigures {
  readonly bench: 'validate-library';
  readonly ids: number;
  readonly rounds: number;
  /** Median over the rounds of `validateId(id)` with kind detection. */
  readonly idsPerSecond: number;
  /** Median over the rounds of the baseline: upper-casing each ID and summing the lengths. */
  readonly baselineIdsPerSecond: number;
  /** idsPerSecond / baselineIdsPerSecond; comparable across noisy machines. */
  readonly ratioToBaseline: number;
  readonly validShare: number;
  readonly node: string;
  readonly cpu: string;
  readonly cpuCount: number;
}

/** Trivial per-ID work any consumer of the same input would do, so the ratio is meaningful. */
function baselinePass(ids: readonly string[]): number {
  let total = 0;
  for (const id of ids) total += id.toUpperCase().length;
  return total;
}

function libraryPass(ids: readonly string[]): number {
  let valid = 0;
  for (const id of ids) if (validateId(id).valid) valid++;
  return valid;
}

/** Returns IDs per second; `sink` keeps the optimiser from dropping the loop. */
function timed(pass: (ids: readonly string[]) => number, ids: readonly string[], sink: number[]) {
  const start = performance.now();
  sink.push(pass(ids));
  return ids.length / ((performance.now() - start) / 1000);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export function main(): ValidateLibraryFigures {
  const ids = generateIdMix(COUNT, SEED);
  const sink: number[] = [];
  for (let i = 0; i < 2; i++) {
    sink.push(baselinePass(ids), libraryPass(ids));
  }
  const library: number[] = [];
  const baseline: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    baseline.push(timed(baselinePass, ids, sink));
    library.push(timed(libraryPass, ids, sink));
  }
  const idsPerSecond = Math.round(median(library));
  const baselineIdsPerSecond = Math.round(median(baseline));
  const figures: ValidateLibraryFigures = {
    bench: 'validate-library',
    ids: COUNT,
    rounds: ROUNDS,
    idsPerSecond,
    baselineIdsPerSecond,
    ratioToBaseline: Number((idsPerSecond / baselineIdsPerSecond).toFixed(3)),
    validShare: Number((libraryPass(ids) / COUNT).toFixed(4)),
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    cpuCount: cpus().length,
  };
  const format = (n: number) => n.toLocaleString('en-GB');
  console.log(`validateId (auto-detect): ${format(idsPerSecond)} IDs/s (median of ${ROUNDS})`);
  console.log(`baseline (toUpperCase):   ${format(baselineIdsPerSecond)} IDs/s`);
  console.log(`ratio to baseline:        ${figures.ratioToBaseline}`);
  console.log(`rounds library:  ${library.map((v) => format(Math.round(v))).join(', ')}`);
  console.log(`rounds baseline: ${baseline.map((v) => format(Math.round(v))).join(', ')}`);
  console.log(JSON.stringify(figures));
  return figures;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main();
}
