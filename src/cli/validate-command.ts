import type { Readable } from 'node:stream';

import { countResult, emptySummary, toValidationRecord } from '../app/validation-record.ts';
import type { ValidationSummary } from '../app/validation-record.ts';
import { ID_KINDS, isIdKind, validateId } from '../domain/emobility-id/index.ts';
import type { IdKind, IdResult } from '../domain/emobility-id/index.ts';
import type { CliStreams } from './cli-streams.ts';
import { formatHuman, formatSummary } from './format-human.ts';
import { LineSplitter } from './line-splitter.ts';
import { OutputSink } from './output-sink.ts';
import { parseCommandArgs } from './parse-args.ts';
import { recordJson } from '../app/validation-record-json.ts';

export const VALIDATE_SUMMARY = 'check e-mobility IDs given as arguments or one per line on stdin';

const KINDS = ID_KINDS.join(', ');

export const VALIDATE_HELP = `usage: idro validate [--kind K] [--json] [--] [ID ...]

Validates e-mobility identifiers: party IDs, EVSE, pool and station IDs, eMAIDs.
With IDs as arguments it checks those; without, it reads one ID per line from stdin
and streams the results, so files of any length run in constant memory.

options:
  --kind K    check every ID as kind K instead of detecting it from its shape;
              K is one of: ${KINDS}
  --json      one JSON object per line (input, valid, kind, detected, normalized,
              checkDigit, reason, position, parts) instead of text
  -h, --help  show this help

A line ending (LF or CRLF) is not part of an ID; nothing else is trimmed, so an empty
line is reported as an empty ID. After stdin input a summary goes to stderr.
Exit status: 0 all valid, 1 any invalid, 2 usage or I/O error.
`;

const OPTIONS = {
  kind: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Format = (input: string, result: IdResult) => string;

const formatJson: Format = (input, result) => recordJson(toValidationRecord(input, result));

/** `idro validate`: resolves to the exit code. */
export async function validateCommand(args: readonly string[], io: CliStreams): Promise<number> {
  const parsed = parseCommandArgs(args, OPTIONS);
  if (!parsed.ok) return usageError(io, parsed.reason);
  const { kind, json, help } = parsed.values;
  if (help === true) {
    io.stdout.write(VALIDATE_HELP);
    return 0;
  }
  if (kind !== undefined && !isIdKind(kind)) {
    return usageError(io, `unknown kind '${kind}'; valid kinds: ${KINDS}`);
  }
  const sink = new OutputSink(io.stdout);
  const summary = emptySummary();
  const onLine = lineValidator(kind, json === true ? formatJson : formatHuman, sink, summary);
  if (parsed.positionals.length > 0) {
    for (const id of parsed.positionals) onLine(id);
    await sink.flush();
  } else {
    const readFailure = await validateStream(io, onLine, sink);
    if (readFailure !== undefined) return ioError(io, 'cannot read input', readFailure);
    if (!sink.stopped) io.stderr.write(`${formatSummary(summary)}\n`);
  }
  if (sink.failure !== undefined) return ioError(io, 'cannot write output', sink.failure);
  return summary.invalid > 0 ? 1 : 0;
}

function lineValidator(
  kind: IdKind | undefined,
  format: Format,
  sink: OutputSink,
  summary: ValidationSummary,
): (line: string) => void {
  return (line) => {
    const result = validateId(line, kind);
    countResult(summary, result);
    sink.line(format(line, result));
  };
}

/**
 * Reads stdin chunk by chunk; at most one chunk, one unfinished line and the output of one chunk
 * are in memory. Output is written as batches fill, and the next chunk is not read while stdout
 * is full.
 */
async function validateStream(
  io: CliStreams,
  onLine: (line: string) => void,
  sink: OutputSink,
): Promise<Error | undefined> {
  if (isTerminal(io.stdin)) io.stderr.write('reading IDs, one per line; end with Ctrl-D\n');
  const splitter = new LineSplitter();
  try {
    for await (const chunk of io.stdin as AsyncIterable<Uint8Array | string>) {
      splitter.push(chunk, onLine);
      await sink.drained();
      // The reader has gone (`| head`): stop reading; leaving the loop closes stdin.
      if (sink.stopped) return undefined;
    }
  } catch (err) {
    return err instanceof Error ? err : new Error(String(err));
  }
  splitter.end(onLine);
  await sink.flush();
  return undefined;
}

function isTerminal(stream: Readable): boolean {
  return 'isTTY' in stream && stream.isTTY === true;
}

function usageError(io: CliStreams, message: string): number {
  io.stderr.write(
    `idro validate: ${message}\nusage: idro validate [--kind K] [--json] [--] [ID ...]\n` +
      `  K: ${KINDS}\nRun 'idro validate --help' for more.\n`,
  );
  return 2;
}

function ioError(io: CliStreams, what: string, err: Error): number {
  io.stderr.write(`idro validate: ${what}: ${err.message}\n`);
  return 2;
}
