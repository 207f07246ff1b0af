import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkLegalEntityNumber } from './legal-entity-number.ts';

describe('legal-entity numbers', () => {
  it('accepts Belgian enterprise numbers in every usual spelling, with the mod-97 check', () => {
    for (const input of ['0403.170.701', 'BE0403170701', '403170701', 'be 0403 170 701']) {
      const result = checkLegalEntityNumber('BE', input);
      assert.deepEqual(
        result,
        { ok: true, scheme: 'BE_KBO', normalized: '0403170701', display: '0403.170.701' },
        input,
      );
    }
  });

  it('rejects a Belgian number whose check digits are wrong, and any other shape', () => {
    assert.deepEqual(checkLegalEntityNumber('BE', '0403.170.702'), {
      ok: false,
      scheme: 'BE_KBO',
      reason: 'bad_check_digits',
    });
    assert.equal(checkLegalEntityNumber('BE', '2403170701').ok, false);
    assert.equal(checkLegalEntityNumber('BE', '04031707').ok, false);
    assert.deepEqual(checkLegalEntityNumber('BE', '  '), {
      ok: false,
      scheme: 'BE_KBO',
      reason: 'empty',
    });
  });

  it('takes a Dutch KvK number of eight digits', () => {
    assert.equal(checkLegalEntityNumber('NL', 'KvK 6902 9389').ok, true);
    assert.deepEqual(checkLegalEntityNumber('NL', '6902938'), {
      ok: false,
      scheme: 'NL_KVK',
      reason: 'bad_format',
    });
  });

  it('takes a Luxembourg RCS number: a section letter and up to six digits', () => {
    const result = checkLegalEntityNumber('LU', 'RCS Luxembourg B 123456');
    assert.ok(result.ok);
    assert.equal(result.normalized, 'B123456');
    assert.equal(checkLegalEntityNumber('LU', '123456').ok, false);
    assert.equal(checkLegalEntityNumber('LU', 'B0123').ok, false);
  });

  it('keeps other countries as free text, within a length limit', () => {
    assert.deepEqual(checkLegalEntityNumber('DE', ' HRB 12345 '), {
      ok: true,
      scheme: 'OTHER',
      normalized: 'HRB 12345',
      display: 'HRB 12345',
    });
    assert.deepEqual(checkLegalEntityNumber('FR', 'x'.repeat(61)), {
      ok: false,
      scheme: 'OTHER',
      reason: 'too_long',
    });
  });
});
