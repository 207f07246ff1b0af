import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compactKey, isRegisterCountry, parsePartyKey, partyKeyOf } from './party-key.ts';

describe('party keys', () => {
  it('reads every accepted spelling, case-insensitively', () => {
    for (const input of ['BE*ABC', 'be-abc', 'BEABC', 'Be*aBc']) {
      assert.deepEqual(parsePartyKey(input), { country: 'BE', code: 'ABC' }, input);
    }
  });

  it('rejects what is not a party ID', () => {
    for (const input of ['BE_ABC', 'BE*AB', 'XX*ABC', '', 'BE*ABC*E1']) {
      assert.equal(parsePartyKey(input), undefined, input);
    }
  });

  it('reads country and code given apart', () => {
    assert.deepEqual(partyKeyOf('nl', 'tnm'), { country: 'NL', code: 'TNM' });
    assert.equal(partyKeyOf('N', 'LTNM'), undefined);
    assert.equal(compactKey({ country: 'LU', code: '8AA' }), 'LU8AA');
  });

  it('knows which countries the register issues', () => {
    assert.deepEqual(['BE', 'NL', 'LU', 'DE'].map(isRegisterCountry), [true, true, true, false]);
  });
});
