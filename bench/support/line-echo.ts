import { once } from 'node:events';
import { createInterface } from 'node:readline';

/**
 * The baseline for the CLI benchmark: the least a line-by-line tool can do with the same input,
 * reading each line with node:readline and writing it back, buffered into large writes.
 */
async function echo(): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let batch = '';
  for await (const line of lines) {
    batch += `${line}\n`;
    if (batch.length < 64 * 1024) continue;
    if (!process.stdout.write(batch)) await once(process.stdout, 'drain');
    batch = '';
  }
  process.stdout.write(batch);
}

await echo();
