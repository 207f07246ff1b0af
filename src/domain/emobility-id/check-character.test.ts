import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { computeCheckCharacter } from './index.ts';

describe('computeCheckCharacter', () => {
  it('reproduces the published vectors (specification 6.5)', () => {
    const published: readonly (readonly [string, string])[] = [
      ['NN123ABCDEFGHI', 'T'],
      ['FRXYZ123456789', '2'],
      ['ITA1B2C3E4F5G6', '4'],
      ['ESZU8WOX834H1D', 'R'],
      ['PT73902837ABCZ', 'Z'],
      ['DE83DUIEN83QGZ', 'D'],
      ['DE83DUIEN83ZGQ', 'M'],
      ['DE8AA001234567', '0'],
      ['NLTNM000122045', 'U'],
      ['NLTNM000722345', 'X'],
      ['NLTNMC00122045', 'K'],
      ['NLTNM012345678', 'W'],
      ['NLTNM001234567', 'X'],
      ['DE8AACA2B3C4D5', 'L'],
      ['DE8ACC12E56L89', '4'],
      ['NL123C10028948', 'M'],
      ['NLTSTC12345678', 'S'],
    ];
    for (const [payload, check] of published) {
      assert.equal(computeCheckCharacter(payload), check, payload);
    }
  });

  it('ignores case', () => {
    assert.equal(computeCheckCharacter('de83duien83qgz'), 'D');
  });

  it('is not ISO 7064 MOD 37-2, which gives A and 0 for these payloads', () => {
    assert.equal(computeCheckCharacter('NN123ABCDEFGHI'), 'T');
    assert.equal(computeCheckCharacter('DE83DUIEN83QGZ'), 'D');
  });

  it('rejects a payload it cannot have been given by a validator', () => {
    assert.throws(() => computeCheckCharacter('DE83DUIEN83QG'), RangeError);
    assert.throws(() => computeCheckCharacter('DE83DUIEN83QGZZ'), RangeError);
    assert.throws(() => computeCheckCharacter('DE83DUIEN83QG-'), RangeError);
    assert.throws(() => computeCheckCharacter('DE83DUIEN83QG\u0130'), RangeError);
  });
});
