import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { ID_KINDS, isIdKind, validateId } from './index.ts';
import type { IdKind, IdResult } from './index.ts';

describe('validateId', () => {
  it('treats a non-string from an untyped caller as empty', () => {
    const validateUntyped = validateId as (input: unknown, kind: IdKind) => IdResult;
    for (const value of [undefined, null, 42, {}, ['NLTNM']]) {
      const result = validateUntyped(value, 'party');
      assert.deepEqual(result, { valid: false, kind: 'party', detected: false, reason: 'empty' });
    }
  });

  it('throws on a kind that does not exist, a programming error', () => {
    assert.throws(() => validateId('NLTNM', 'contract' as IdKind), RangeError);
  });

  it('says whether the kind was detected', () => {
    assert.equal(validateId('NLTNM').detected, true);
    assert.equal(validateId('NLTNM', 'party').detected, false);
  });

  it('does not trim', () => {
    const result = validateId(' NL*TNM*E1 ', 'evse');
    assert.equal(result.valid ? undefined : result.reason, 'whitespace');
  });

  it('returns equal results for equal input, whatever came before', () => {
    const first = validateId('be*bec*e041503003');
    validateId('NL-TNM-C00122045-X');
    validateId('NL\u00a0TNM');
    assert.deepEqual(validateId('be*bec*e041503003'), first);
  });
});

describe('isIdKind', () => {
  it('accepts exactly the kinds of the specification', () => {
    for (const kind of ID_KINDS) assert.ok(isIdKind(kind));
    for (const value of ['', 'EVSE', 'contract', undefined, null, 1, {}]) {
      assert.ok(!isIdKind(value), JSON.stringify(value));
    }
  });
});
