import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';

const BENCH_DIR = import.meta.dirname;
const SUFFIX = '.bench.ts';

/**
 * Names given on the command line (`validate-cli` or `validate-cli.bench.ts`), else every bench;
 * a string on a name that matches no bench.
 */
function selectBenches(args: readonly string[]): string[] | string {
  const all = readdirSync(BENCH_DIR)
    .filter((file) => file.endsWith(SUFFIX))
    .sort();
  if (args.length === 0) return all;
  const wanted = args.map((arg) => (arg.endsWith(SUFFIX) ? basename(arg) : `${arg}${SUFFIX}`));
  const unknown = wanted.filter((file) => !all.includes(file));
  if (unknown.length > 0) {
    return `unknown bench ${unknown.join(', ')}; there are: ${all.join(', ')}`;
  }
  return wanted;
}

/**
 * Runs one bench in its own process, so none inherits another's heap or JIT state, passing its
 * output through; resolves to its last line, which by contract is its figures as JSON.
 */
function runBench(file: string): Promise<{ code: number | null; last: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(BENCH_DIR, file)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let tail = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => {
    process.stdout.write(text);
    tail = (tail + text).slice(-64 * 1024);
  });
  return new Promise((resolve) => {
    child.once('close', (code) => {
      resolve({ code, last: tail.trimEnd().split('\n').at(-1) ?? '' });
    });
  });
}

function parseFigures(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

async function main(args: readonly string[]): Promise<number> {
  const files = selectBenches(args);
  if (typeof files === 'string') {
    console.error(files);
    return 2;
  }
  const finals: string[] = [];
  let failed = 0;
  for (const file of files) {
    console.log(`\n== ${file}`);
    const { code, last } = await runBench(file);
    const figures = parseFigures(last);
    if (code !== 0 || typeof figures !== 'object' || figures === null) {
      console.log(`!! ${file} failed (exit ${code}) or did not end with its JSON figures`);
      failed++;
      continue;
    }
    finals.push(last);
  }
  console.log('\n== figures');
  for (const line of finals) console.log(line);
  return failed > 0 ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
