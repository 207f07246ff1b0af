import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import fc from 'fast-check';

import { generateIdMix } from '../../bench/support/id-mix.ts';
import { toValidationRecord } from './validation-record.ts';
import { ID_KINDS, validateId } from '../domain/emobility-id/index.ts';
import { recordJson } from './validation-record-json.ts';

function assertSameAsStringify(input: string, kind?: (typeof ID_KINDS)[number]): void {
  const record = toValidationRecord(input, validateId(input, kind));
  assert.equal(recordJson(record), JSON.stringify(record), `input ${JSON.stringify(input)}`);
}

describe('recordJson', () => {
  it('writes exactly what JSON.stringify writes, for every kind of a realistic mix', () => {
    for (const id of generateIdMix(20_000, 7)) assertSameAsStringify(id);
    for (const kind of ID_KINDS) {
      for (const id of generateIdMix(2_000, 11)) assertSameAsStringify(id, kind);
    }
  });

  it('escapes quotes, backslashes, control characters and lone surrogates like JSON.stringify', () => {
    for (const input of ['', 'a"b', 'a\\b', 'NL\tTNM', 'NL*TNM\r', '\u0000', '\ud800x', 'é€😀']) {
      assertSameAsStringify(input);
    }
  });

  it('writes exactly what JSON.stringify writes, for any string', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }),
        fc.option(fc.constantFrom(...ID_KINDS)),
        (input, kind) => {
          assertSameAsStringify(input, kind ?? undefined);
        },
      ),
    );
  });
});
