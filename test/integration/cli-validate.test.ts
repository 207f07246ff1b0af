import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';

const ROOT = join(import.meta.dirname, '..', '..');

/**
 * Preloaded into the child for the memory test: reports the peak resident set size at exit, so
 * the figure needs neither a hook in the CLI nor an external tool.
 */
const REPORT_MAX_RSS =
  'data:text/javascript,import { writeSync } from "node:fs";' +
  'process.on("exit", () => writeSync(2, `maxrss-kb=${process.resourceUsage().maxRSS}\\n`));';

interface Run {
  readonly code: number | null;
  /** Empty when `countOnly` was set. */
  readonly stdout: string;
  readonly stdoutLines: number;
  readonly stderr: string;
}

interface RunOptions {
  readonly stdin?: string | Iterable<string>;
  /** Options for the child's `node`, before the script. */
  readonly node?: readonly string[];
  /** Count the output lines instead of keeping the output. */
  readonly countOnly?: boolean;
  /** Close our end of the child's stdout after the first output, as `| head -1` does. */
  readonly closeStdoutEarly?: boolean;
}

/** Runs `idro <args>` as a user would, feeding stdin with backpressure. */
async function idro(args: readonly string[], options: RunOptions = {}): Promise<Run> {
  const node = [...(options.node ?? []), '--import', 'tsx'];
  const child = spawn(process.execPath, [...node, 'src/main.ts', ...args], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const input = options.stdin ?? '';
  // A child that stops reading early closes its stdin; that is its right, not a test failure.
  child.stdin.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
  });
  Readable.from(typeof input === 'string' ? [input] : input).pipe(child.stdin);
  const stdout: string[] = [];
  const stderr: string[] = [];
  let stdoutLines = 0;
  child.stdout.setEncoding('utf8').on('data', (text: string) => {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) stdoutLines++;
    if (options.countOnly !== true) stdout.push(text);
    if (options.closeStdoutEarly === true) child.stdout.destroy();
  });
  child.stderr.setEncoding('utf8').on('data', (text: string) => stderr.push(text));
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  return { code, stdout: stdout.join(''), stdoutLines, stderr: stderr.join('') };
}

const lines = (text: string) => text.split('\n').filter((line) => line !== '');

describe('idro validate', () => {
  it('checks IDs given as arguments and exits 0 when all are valid', async () => {
    const run = await idro(['validate', 'NL*TNM*E1*23', 'nl-tnm-c00122045']);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(lines(run.stdout), [
      'valid    evse        NL*TNM*E1*23 -> NLTNME123',
      'valid    emaid       nl-tnm-c00122045 -> NLTNMC00122045K',
    ]);
  });

  it('exits 1 and explains why when any ID is invalid', async () => {
    const run = await idro(['validate', 'NL*TNM*E1*23', 'NL-TNM-C00122045-X']);
    assert.equal(run.code, 1);
    assert.match(
      run.stdout,
      /^invalid +emaid +NL-TNM-C00122045-X +check_digit_mismatch \(expected K\) at column 18$/m,
    );
  });

  it('reads one ID per line from stdin: CRLF, empty lines, no final newline', async () => {
    const run = await idro(['validate'], { stdin: 'NL*TNM*E1*23\r\n\n NL*TNM\nBE*BEC*E041503003' });
    assert.equal(run.code, 1);
    const out = lines(run.stdout);
    assert.equal(out.length, 4);
    assert.match(out[0]!, /^valid +evse +NL\*TNM\*E1\*23 -> NLTNME123$/);
    assert.match(out[1]!, /^invalid +\w+ +"" +empty$/);
    assert.match(out[2]!, /^invalid +\w+ +" NL\*TNM" +whitespace at column 1$/);
    assert.match(out[3]!, /^valid +evse +BE\*BEC\*E041503003 -> BEBECE041503003$/);
    assert.match(
      run.stderr,
      /^4 IDs: 2 valid, 2 invalid \((empty 1, whitespace 1|whitespace 1, empty 1)\)$/m,
    );
  });

  it('writes one ValidationRecord per line with --json', async () => {
    const run = await idro(['validate', '--json'], { stdin: 'NL*TNM*E1*23\nNL-TNM-C00122045-X\n' });
    assert.equal(run.code, 1);
    const records = lines(run.stdout).map((line) => JSON.parse(line) as unknown);
    assert.deepEqual(records, [
      {
        input: 'NL*TNM*E1*23',
        valid: true,
        kind: 'evse',
        detected: true,
        normalized: 'NLTNME123',
        parts: { country: 'NL', partyCode: 'TNM', type: 'E', instance: '1*23' },
      },
      {
        input: 'NL-TNM-C00122045-X',
        valid: false,
        kind: 'emaid',
        detected: true,
        checkDigit: 'K',
        reason: 'check_digit_mismatch',
        position: 17,
        parts: null,
      },
    ]);
  });

  it('checks every ID as the kind given with --kind', async () => {
    const run = await idro(['validate', '--kind', 'party', '--json', 'NL*TNM', 'NL*TNM*E1*23']);
    assert.equal(run.code, 1);
    const records = lines(run.stdout).map((line) => JSON.parse(line) as Record<string, unknown>);
    assert.deepEqual(
      records.map((r) => [r.kind, r.detected, r.valid]),
      [
        ['party', false, true],
        ['party', false, false],
      ],
    );
  });

  it('exits 2 with a message naming the valid kinds on a usage error', async () => {
    const badKind = await idro(['validate', '--kind', 'charger', 'NL*TNM']);
    assert.equal(badKind.code, 2);
    assert.equal(badKind.stdout, '');
    assert.match(
      badKind.stderr,
      /unknown kind 'charger'; valid kinds: party, evse, pool, station, emaid, checkdigit/,
    );
    const badOption = await idro(['validate', '--strict']);
    assert.equal(badOption.code, 2);
    assert.match(badOption.stderr, /Unknown option '--strict'/);
    const badCommand = await idro(['valdate']);
    assert.equal(badCommand.code, 2);
    assert.match(badCommand.stderr, /unknown command 'valdate'[\s\S]*validate/);
  });

  it('stops quietly when the reader of its output goes away', async () => {
    const run = await idro(['validate'], {
      stdin: generatedLines(2_000_000),
      closeStdoutEarly: true,
    });
    assert.ok(run.code === 0 || run.code === 1, `exit ${run.code}: ${run.stderr}`);
    assert.equal(run.stderr, '', 'no error and no partial summary');
  });

  it('streams a million IDs within a heap far smaller than the input and output', async (t) => {
    // 1,000,000 lines are 17 MB in and 58 MB out; keeping either needs far more than 48 MB of
    // heap, so a version that buffers dies here. Streaming needs less than half of it.
    const count = 1_000_000;
    const run = await idro(['validate'], {
      stdin: generatedLines(count),
      node: ['--max-old-space-size=48', '--import', REPORT_MAX_RSS],
      countOnly: true,
    });
    assert.equal(run.code, 1, run.stderr);
    assert.equal(run.stdoutLines, count, 'one output line per input line');
    assert.match(run.stderr, /^1000000 IDs: \d+ valid, \d+ invalid/m);
    const maxRss = /^maxrss-kb=(\d+)$/m.exec(run.stderr)?.[1];
    t.diagnostic(`peak RSS ${maxRss ?? '?'} KB`);
  });
});

/** Batches of varied valid and invalid IDs, produced lazily so the test holds none of them. */
function* generatedLines(count: number): Generator<string> {
  const batch = 1000;
  for (let start = 0; start < count; start += batch) {
    let text = '';
    for (let i = start; i < Math.min(count, start + batch); i++) {
      text +=
        i % 10 === 0 ? `NL-TNM-C${String(i).padStart(8, '0')}-X\n` : `NL*TNM*E${i}*${i % 7}\n`;
    }
    yield text;
  }
}
