import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { detectKind, validateId } from './index.ts';
import type { IdKind, Reason } from './index.ts';

/** [input, detected kind, reason, position] for inputs that fit no kind cleanly. */
const INVALID_CASES: readonly (readonly [string, IdKind, Reason, number?])[] = [
  ['', 'evse', 'empty'],
  [' NLTNM', 'party', 'whitespace', 0],
  ['NL TNM*E123', 'evse', 'whitespace', 2],
  ['NL*TNM*\u00c9123', 'evse', 'non_printable_ascii', 7],
  ['NL\u2013TNM\u2013C00122045\u2013K', 'emaid', 'non_printable_ascii', 2],
  ['+49*536', 'party', 'legacy_din_format'],
  ['+49*810*000*438', 'evse', 'legacy_din_format'],
  ['NL-TNM-122045-0', 'emaid', 'legacy_din_format'],
  ['DE*8EO*Aet5e4*3', 'emaid', 'legacy_din_format'],
  ['BE-BEC-E041503003', 'evse', 'bad_character', 2],
  ['DE_ICT_E0001897', 'evse', 'bad_character', 2],
  ['DE-ICE-S-00003C4D557878675645330967543476-2', 'station', 'bad_character', 2],
  ['DE*8AA*CA2B3C4D5*L', 'emaid', 'bad_character', 2],
  ['#NA', 'party', 'bad_character', 0],
  ['NLT-NM', 'party', 'bad_format', 3],
  ['NL-TNM-', 'party', 'bad_format', 6],
  ['NL**TNM*E123', 'evse', 'bad_format', 3],
  ['NL-TNMC00122045-K', 'emaid', 'separator_placement', 6],
  ['NLTNMA', 'party', 'bad_length'],
  ['XYZ', 'party', 'bad_length'],
  ['NL*TNM*', 'evse', 'bad_length'],
  ['NL*TNM*E', 'evse', 'bad_length'],
  ['NL-TNM-C0012204', 'emaid', 'bad_length'],
  ['XY-TNMaargh', 'emaid', 'bad_length'],
  ['N1*TNM*E123', 'evse', 'bad_country_code', 1],
  ['XY-TNM', 'party', 'unknown_country_code', 0],
  ['ZZ*TNM*E840*6487', 'evse', 'unknown_country_code', 0],
  ['NL*TNM*840*6487', 'evse', 'wrong_id_type', 7],
  ['NL-TNM-000122045-U', 'emaid', 'wrong_id_type', 7],
  ['NLTNM000122045', 'emaid', 'wrong_id_type', 5],
  ['FA54320', 'evse', 'wrong_id_type', 5],
  ['NL*TNM*E12**3', 'evse', 'bad_instance', 11],
  ['DE*AB7*E77777777777777777777777777777777', 'evse', 'instance_too_long'],
  ['NL-TNM-C00122045-X', 'emaid', 'check_digit_mismatch', 17],
];

describe('kind detection on invalid input', () => {
  for (const [input, kind, reason, position] of INVALID_CASES) {
    it(`${JSON.stringify(input)} reads as ${kind} and fails with ${reason}`, () => {
      const result = validateId(input);
      assert.equal(result.kind, kind);
      assert.equal(result.detected, true);
      assert.equal(result.valid, false);
      assert.equal(result.reason, reason);
      assert.equal(result.position, position);
    });
  }
});

describe('kind detection rules', () => {
  it('takes the sixth letter or digit as the type character, in any case', () => {
    assert.equal(detectKind('NL*TNM*E1'), 'evse');
    assert.equal(detectKind('nltnmp1'), 'pool');
    assert.equal(detectKind('NL*TNM*s1'), 'station');
    assert.equal(detectKind('nl-tnm-c00122045'), 'emaid');
  });

  it('prefers the valid reading when a string fits two kinds', () => {
    // A valid EVSE ID that also has the shape of a DIN contract ID (C-7).
    assert.equal(validateId('NL*TNM*E12345', 'emaid').valid, false);
    assert.deepEqual(pick(validateId('NL*TNM*E12345')), { kind: 'evse', valid: true });
    // A valid party ID that is the start of an EVSE ID.
    assert.deepEqual(pick(validateId('NL*TNM')), { kind: 'party', valid: true });
  });

  it('never detects the checkdigit kind', () => {
    assert.equal(detectKind('NLTNMC00122045'), 'emaid');
    assert.equal(detectKind('NN123ABCDEFGHI'), 'emaid');
  });

  it('agrees with validateId without a kind', () => {
    for (const [input] of INVALID_CASES) assert.equal(detectKind(input), validateId(input).kind);
  });
});

function pick(result: ReturnType<typeof validateId>): { kind: IdKind; valid: boolean } {
  return { kind: result.kind, valid: result.valid };
}
