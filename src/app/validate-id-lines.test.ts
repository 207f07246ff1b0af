import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '../domain/errors.ts';
import {
  IdLineReader,
  MAX_LINE_LENGTH,
  parseNdjsonLine,
  validateIdLines,
  type BulkEvent,
  type BulkItem,
  type BulkOptions,
} from './validate-id-lines.ts';

function readAll(chunks: readonly Uint8Array[], format: 'text' | 'ndjson' = 'text'): BulkItem[] {
  const reader = new IdLineReader(format);
  return [...chunks.flatMap((chunk) => reader.push(chunk)), ...reader.end()];
}

async function collect(chunks: readonly Uint8Array[], options: BulkOptions): Promise<BulkEvent[]> {
  const events: BulkEvent[] = [];
  for await (const event of validateIdLines(chunks, options)) events.push(event);
  return events;
}

const bytes = (text: string) => new TextEncoder().encode(text);

describe('IdLineReader', () => {
  it('gives the same lines wherever the body is cut into chunks, even inside a character', () => {
    const body = bytes('NL*TNM*E1\r\nBE-ÄBC\n\nNL-TNM-C00122045-K\r\n\u{1F50C}x\nlast');
    const whole = readAll([body]).map((item) => item.input);
    assert.deepEqual(whole, [
      'NL*TNM*E1',
      'BE-ÄBC',
      '',
      'NL-TNM-C00122045-K',
      '\u{1F50C}x',
      'last',
    ]);
    for (let cut = 1; cut < body.length; cut++) {
      const split = readAll([body.subarray(0, cut), body.subarray(cut)]).map((item) => item.input);
      assert.deepEqual(split, whole, `cut at byte ${cut}`);
    }
  });

  it('reads an overlong line split over many chunks as one line_too_long', () => {
    const long = bytes(`${'Z'.repeat(MAX_LINE_LENGTH * 3)}\nNLTNM\n`);
    const chunks = Array.from({ length: Math.ceil(long.length / 100) }, (_, i) =>
      long.subarray(i * 100, (i + 1) * 100),
    );
    const items = readAll(chunks);
    assert.equal(items.length, 2);
    assert.deepEqual(items[0], {
      line: 1,
      valid: false,
      reason: 'line_too_long',
      input: 'Z'.repeat(100),
    });
    assert.equal(items[1]?.input, 'NLTNM');
  });

  it('accepts a line of exactly the maximum length, with or without \\r', () => {
    const line = 'A'.repeat(MAX_LINE_LENGTH);
    const items = readAll([bytes(`${line}\r\n${line}\n`)]);
    assert.ok(items.every((item) => !('line' in item) && item.input === line));
  });

  it('counts what it validated and the lines it could not read', () => {
    const reader = new IdLineReader('ndjson');
    reader.push(bytes('"NLTNM"\n{"id":"NLTNM","kind":"evse"}\n[]\n'));
    reader.end();
    assert.deepEqual([reader.summary.total, reader.summary.valid, reader.badLines], [2, 1, 1]);
  });
});

describe('parseNdjsonLine', () => {
  it('takes a string or an object with a string id and a known or absent kind', () => {
    assert.deepEqual(parseNdjsonLine('"NLTNM"', 'party'), { input: 'NLTNM', kind: 'party' });
    assert.deepEqual(parseNdjsonLine('{"id":"x","kind":"pool"}', 'party'), {
      input: 'x',
      kind: 'pool',
    });
    assert.deepEqual(parseNdjsonLine('{"id":"x"}'), { input: 'x', kind: undefined });
    for (const bad of [
      '',
      ' ',
      '1',
      'true',
      'null',
      '[]',
      '{}',
      '{"id":1}',
      '{"id":"x","kind":"E"}',
      '"x',
      'x',
    ]) {
      assert.equal(parseNdjsonLine(bad), undefined, bad);
    }
  });
});

describe('validateIdLines', () => {
  it('ends with the counts', async () => {
    const events = await collect([bytes('NLTNM\nBE*ABC*E1')], { format: 'text', byteLimit: 100 });
    assert.deepEqual(
      events.map((e) => e.type),
      ['items', 'items', 'done'],
    );
    const done = events.at(-1);
    assert.ok(done?.type === 'done');
    assert.equal(done.summary.total, 2);
  });

  it('past the byte limit answers the lines that ended within it, then throws payload_too_large', async () => {
    const chunks = [bytes('NLTNM\nBETNM\n'), bytes('LUTNM\nDETNM\n')];
    const events: BulkEvent[] = [];
    await assert.rejects(
      async () => {
        for await (const event of validateIdLines(chunks, { format: 'text', byteLimit: 20 })) {
          events.push(event);
        }
      },
      (error: unknown) => error instanceof DomainError && error.code === 'payload_too_large',
    );
    const inputs = events.flatMap((e) => (e.type === 'items' ? e.items.map((i) => i.input) : []));
    assert.deepEqual(inputs, ['NLTNM', 'BETNM', 'LUTNM']);
  });
});
