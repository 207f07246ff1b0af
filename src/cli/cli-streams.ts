import type { Readable, Writable } from 'node:stream';

/** The process streams a command uses; tests pass their own. */
export interface CliStreams {
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable;
}
