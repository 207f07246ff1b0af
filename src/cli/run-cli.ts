import type { Readable, Writable } from 'node:stream';

export interface CliStreams {
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable;
}

/** Runs one command-line command; resolves to the process exit code. */
export function runCli(argv: readonly string[], io: CliStreams): Promise<number> {
  io.stderr.write(`unknown command: ${argv.join(' ')}\n`);
  return Promise.resolve(2);
}
