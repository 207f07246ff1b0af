import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { generateIdMix } from '../../../../../bench/support/id-mix.ts';
import { validateOne } from '../../../../app/validate-ids.ts';
import { ID_KINDS } from '../../../../domain/emobility-id/index.ts';
import { itemsToNdjson, recordJson } from './record-json.ts';

const vectorsUrl = new URL('../../../../../test/fixtures/ids/ids.json', import.meta.url);

describe('recordJson', () => {
  it('writes exactly what JSON.stringify writes, for every test vector and kind', () => {
    const vectors = JSON.parse(readFileSync(vectorsUrl, 'utf8')) as { input: string }[];
    for (const { input } of vectors) {
      for (const kind of [undefined, ...ID_KINDS]) {
        const record = validateOne(input, kind);
        assert.equal(recordJson(record), JSON.stringify(record), `${input} as ${String(kind)}`);
      }
    }
  });

  it('writes exactly what JSON.stringify writes for a realistic mix', () => {
    for (const input of generateIdMix(20_000, 7)) {
      const record = validateOne(input);
      assert.equal(recordJson(record), JSON.stringify(record));
    }
  });

  it('writes exactly what JSON.stringify writes for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (input) => {
        const record = validateOne(input);
        assert.equal(recordJson(record), JSON.stringify(record));
      }),
      { numRuns: 2000 },
    );
  });

  it('writes one line per item, line errors included', () => {
    const text = itemsToNdjson([
      validateOne('NLTNM'),
      { line: 2, valid: false, reason: 'bad_json_line', input: '{"a"' },
    ]);
    assert.equal(text.split('\n').length, 3);
    assert.deepEqual(JSON.parse(text.split('\n')[1] ?? ''), {
      line: 2,
      valid: false,
      reason: 'bad_json_line',
      input: '{"a"',
    });
  });
});
