import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A native load generator, as a cross-check of autocannon: `wrk` (one thread), pinned to the
 * first core, the servers to the second. Autocannon parses every answer's headers in JavaScript
 * and decodes every body into a string, on the same two cores as the server, so a larger answer
 * costs the load generator more, and on a busy machine that cost can set the rate. wrk's cost per
 * answer hardly depends on the answer, and pinned, it leaves the servers a core of their own.
 * Needs `wrk` and `taskset` (Debian: packages wrk and util-linux).
 */
export const LOAD_CORE = 0;
export const SERVER_CORE = 1;

export interface WrkResult {
  readonly requests: number;
  readonly seconds: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

/** Throws unless wrk and taskset can run here. */
export function checkWrk(): void {
  for (const [command, arg] of [
    ['wrk', '--version'],
    ['taskset', '--version'],
  ] as const) {
    const run = spawnSync(command, [arg], { encoding: 'utf8' });
    if (run.error !== undefined) {
      throw new Error(`BENCH_LOAD=wrk needs ${command} (${run.error.message})`);
    }
  }
}

/** Pins a process and all its threads to the servers' core. */
export function pinServer(pid: number): void {
  const run = spawnSync('taskset', ['-a', '-p', '-c', String(SERVER_CORE), String(pid)], {
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`taskset ${pid}: ${run.stderr}`);
}

/**
 * A wrk script that asks for a list of paths in turn, each request formatted once: one walk for
 * all connections, where autocannon walks the list once per connection. One file of paths and one
 * script, in a new temporary folder.
 */
export function pathListScript(paths: readonly string[]): { file: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'idro-wrk-'));
  const list = join(dir, 'paths.txt');
  writeFileSync(list, `${paths.join('\n')}\n`);
  const file = join(dir, 'paths.lua');
  writeFileSync(
    file,
    [
      'local requests = {}',
      'local turn = 0',
      'init = function(args)',
      `  for path in io.lines(${JSON.stringify(list)}) do`,
      '    requests[#requests + 1] = wrk.format(nil, path)',
      '  end',
      'end',
      'request = function()',
      '  turn = turn % #requests + 1',
      '  return requests[turn]',
      'end',
      '',
    ].join('\n'),
  );
  return {
    file,
    remove: () => {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A wrk duration as milliseconds: `812.00us`, `1.23ms`, `2.00s`, `1.00m`. */
function milliseconds(value: string): number {
  const match = /^([\d.]+)(us|ms|s|m)$/.exec(value);
  if (match === null) throw new Error(`unexpected wrk duration: ${value}`);
  const factor = { us: 1, ms: 1000, s: 1_000_000, m: 60_000_000 }[
    match[2] as 'us' | 'ms' | 's' | 'm'
  ];
  return Math.round(Number(match[1]) * factor) / 1000;
}

/** Reads wrk's report (`--latency`); throws on errors or answers other than 2xx. */
export function parseWrk(report: string): WrkResult {
  const totals = /(\d+) requests in ([\d.]+(?:us|ms|s|m)),/.exec(report);
  const p50 = /^\s+50%\s+(\S+)$/m.exec(report);
  const p99 = /^\s+99%\s+(\S+)$/m.exec(report);
  if (totals === null || p50?.[1] === undefined || p99?.[1] === undefined) {
    throw new Error(`unexpected wrk report:\n${report}`);
  }
  const problem = /^\s*(Non-2xx or 3xx responses: \d+|Socket errors: .*)$/m.exec(report);
  if (problem !== null) throw new Error(`wrk: ${problem[1]}`);
  return {
    requests: Number(totals[1]),
    seconds: milliseconds(totals[2] ?? '') / 1000,
    p50Ms: milliseconds(p50[1]),
    p99Ms: milliseconds(p99[1]),
  };
}

/** One wrk run, pinned to the load generator's core: `connections` connections, one thread. */
export function runWrk(
  url: string,
  connections: number,
  seconds: number,
  script?: string,
): WrkResult {
  const args = ['-t1', `-c${connections}`, `-d${seconds}s`, '--latency'];
  if (script !== undefined) args.push('-s', script);
  const run = spawnSync('taskset', ['-c', String(LOAD_CORE), 'wrk', ...args, url], {
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`wrk failed: ${run.stderr}`);
  return parseWrk(run.stdout);
}
