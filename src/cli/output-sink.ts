import type { Writable } from 'node:stream';

/**
 * Large enough that writes are few, small enough that a batch is written while its pieces are
 * still young: a batch that outlives a scavenge is copied to the old generation, which showed up
 * as garbage-collection time on bulk `--json` runs.
 */
const BATCH_CHARS = 32 * 1024;

/**
 * Buffers output lines into large strings and writes them with backpressure: lines are written
 * as batches fill, and the caller awaits `drained()` between input chunks, so at most one chunk's
 * worth of output waits in the stream. A reader that goes away (`EPIPE`, as with `| head`) is not
 * an error: `stopped` turns true and the command stops quietly. Any other write error is kept in
 * `failure` for the command to report.
 */
export class OutputSink {
  private batch = '';
  private full = false;
  private closed = false;
  failure: Error | undefined;

  constructor(private readonly out: Writable) {
    // Stays attached: an asynchronous write can still fail after the command has finished.
    out.on('error', (err: NodeJS.ErrnoException) => {
      this.closed = true;
      if (err.code !== 'EPIPE') this.failure ??= err;
    });
  }

  get stopped(): boolean {
    return this.closed || this.out.destroyed;
  }

  line(text: string): void {
    this.batch += `${text}\n`;
    if (this.batch.length >= BATCH_CHARS) this.writeBatch();
  }

  /** Resolves once the stream has room again (at once if it has). */
  async drained(): Promise<void> {
    if (!this.full || this.stopped) return;
    await whenDrained(this.out);
    this.full = false;
  }

  /** Writes what is left and waits until the stream has taken it. */
  async flush(): Promise<void> {
    this.writeBatch();
    await this.drained();
  }

  private writeBatch(): void {
    const text = this.batch;
    this.batch = '';
    if (text.length === 0 || this.stopped) return;
    if (!this.out.write(text)) this.full = true;
  }
}

function whenDrained(out: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      out.off('error', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
    out.on('error', done);
  });
}
