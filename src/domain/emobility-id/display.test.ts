import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { validateId } from './index.ts';
import type { IdKind, IdResult, ValidIdResult } from './index.ts';

function valid(input: string, kind?: IdKind): ValidIdResult {
  const result = validateId(input, kind);
  assert.ok(result.valid, `${input} should be valid: ${JSON.stringify(result)}`);
  return result;
}

function position(result: IdResult): number | undefined {
  assert.equal(result.valid, false);
  return result.position;
}

describe('parts and display of a party ID', () => {
  it('splits country and party code and offers both community spellings', () => {
    for (const input of ['NLTNM', 'nl-tnm', 'Nl*tNm']) {
      const result = valid(input, 'party');
      assert.deepEqual(result.parts, { country: 'NL', partyCode: 'TNM' });
      assert.deepEqual(result.display, {
        compact: 'NLTNM',
        partyCpo: 'NL*TNM',
        partyEmsp: 'NL-TNM',
      });
      assert.equal(result.checkDigit, undefined);
    }
  });
});

describe('parts and display of EVSE, pool and station IDs', () => {
  it('keeps the internal `*` of the instance and writes `*` at top level', () => {
    for (const input of ['NL*TNM*E1*23', 'nltnme1*23', 'NL*TNME1*23', 'nlTNM*e1*23']) {
      const result = valid(input, 'evse');
      assert.equal(result.normalized, 'NLTNME123');
      assert.deepEqual(result.parts, {
        country: 'NL',
        partyCode: 'TNM',
        type: 'E',
        instance: '1*23',
      });
      assert.deepEqual(result.display, {
        compact: 'NLTNME123',
        separated: 'NL*TNM*E1*23',
        partyCpo: 'NL*TNM',
        partyEmsp: 'NL-TNM',
      });
    }
  });

  it('names the type character of pools and stations', () => {
    assert.deepEqual(valid('it*123*p456*ab789').parts, {
      country: 'IT',
      partyCode: '123',
      type: 'P',
      instance: '456*AB789',
    });
    assert.equal(valid('it*123*p456*ab789').display.separated, 'IT*123*P456*AB789');
    assert.equal(valid('LULUXS1').display.separated, 'LU*LUX*S1');
  });
});

describe('parts and display of an eMAID', () => {
  it('computes the missing check character and hyphenates all three places', () => {
    for (const input of ['NLTNMC00122045', 'nl-tnm-c00122045-k', 'NltNMc00122045k']) {
      const result = valid(input, 'emaid');
      assert.equal(result.checkDigit, 'K');
      assert.deepEqual(result.parts, {
        country: 'NL',
        partyCode: 'TNM',
        type: 'C',
        instance: '00122045',
        checkCharacter: 'K',
      });
      assert.deepEqual(result.display, {
        compact: 'NLTNMC00122045K',
        separated: 'NL-TNM-C00122045-K',
        partyCpo: 'NL*TNM',
        partyEmsp: 'NL-TNM',
      });
    }
  });
});

describe('the checkdigit kind', () => {
  it('has neither parts nor separated forms', () => {
    const result = valid('nltnmc00122045', 'checkdigit');
    assert.equal(result.parts, undefined);
    assert.deepEqual(result.display, { compact: 'NLTNMC00122045K' });
    assert.equal(result.checkDigit, 'K');
  });
});

describe('position of the blamed character', () => {
  const cases: readonly (readonly [string, IdKind, number | undefined])[] = [
    ['NL\tTNM', 'party', 2],
    ['NL\u200bTNM', 'party', 2],
    ['NL\u200bT NM', 'party', 4], // whitespace outranks the earlier non-printable character
    ['NL/TNM', 'party', 2],
    ['NL*-TNM', 'party', 3],
    ['N-TNM', 'party', 1],
    ['N1TNM', 'party', 1],
    ['12TNM', 'party', 0],
    ['UK-ABC', 'party', 0],
    ['NLTNMA', 'party', undefined],
    ['NL*TN*E123', 'evse', 5],
    ['N*TNM*E1', 'evse', 1],
    ['NL*TNM*P123', 'evse', 7],
    ['NL*TNM**E1', 'evse', 7],
    ['DE*DES*E*BMW*0113*2', 'evse', 8],
    ['NL*TNM*E123*', 'evse', 11],
    ['NL*TNM*E12**3', 'evse', 11],
    ['NL*TNM*E12.3', 'evse', 10],
    ['NL*TNM*E', 'evse', undefined],
    ['DE*AB7*E1234567890ABCDEFGHIJ12345678901', 'evse', undefined],
    ['+49*810*000*438', 'evse', undefined],
    ['N-TNM-C00122045-K', 'emaid', 1],
    ['NLTNM-C00122045-K', 'emaid', 2],
    ['NL-TNM-C00122045K', 'emaid', 16],
    ['NL-TNM-000122045-U', 'emaid', 7],
    ['NL123X10028948M', 'emaid', 5],
    ['1L123C10028948', 'emaid', 0],
    ['NL-TNM-C00122045-X', 'emaid', 17],
    ['NLTNMC00122045J', 'emaid', 14],
    ['DE*8AA*CA2B3C4D5*L', 'emaid', 2],
    ['NL-TNM-C0012204', 'emaid', undefined],
    ['DE83DUIEN83QG!', 'checkdigit', 13],
  ];
  for (const [input, kind, expected] of cases) {
    it(`${kind} ${JSON.stringify(input)} → ${String(expected)}`, () => {
      assert.equal(position(validateId(input, kind)), expected);
    });
  }

  it('reports the expected check character with a mismatch', () => {
    const result = validateId('NL-TNM-C00122045-X', 'emaid');
    assert.deepEqual(result, {
      valid: false,
      kind: 'emaid',
      detected: false,
      reason: 'check_digit_mismatch',
      checkDigit: 'K',
      position: 17,
    });
  });
});
