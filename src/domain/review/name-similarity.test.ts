import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isSimilarName, nameCore, nameSimilarity } from './name-similarity.ts';

describe('organisation name similarity', () => {
  it('ignores case, accents, punctuation and the legal form', () => {
    assert.equal(nameCore('Électricité de France S.A.'), 'electricite de france');
    assert.equal(nameSimilarity('Laadpalen Vlaanderen NV', 'laadpalen vlaanderen b.v.'), 1);
    assert.equal(nameSimilarity('Électricité de France', 'ELECTRICITE DE FRANCE SA'), 1);
  });

  it('finds a name inside a longer one when the shared word is distinctive', () => {
    assert.ok(isSimilarName('Allego B.V.', 'Allego Belgium BV'));
    assert.ok(isSimilarName('Shell Recharge Solutions', 'Shell Recharge'));
    assert.ok(!isSimilarName('Charging Solutions BV', 'Benelux Charging Solutions Group'));
  });

  it('finds small spelling differences, and tells different names apart', () => {
    assert.ok(isSimilarName('Allego', 'Alego'));
    assert.ok(isSimilarName('Fastned', 'Fastnet'));
    assert.ok(!isSimilarName('Fastned', 'Allego'));
    assert.ok(!isSimilarName('Eneco', 'Engie'));
    assert.equal(nameSimilarity('NV', 'BV'), 0, 'a legal form alone is no name');
  });

  it('is symmetric, between 0 and 1, and 1 for the same name', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), (a, b) => {
        const ab = nameSimilarity(a, b);
        assert.equal(ab, nameSimilarity(b, a));
        assert.ok(ab >= 0 && ab <= 1);
        if (nameCore(a) !== '') assert.equal(nameSimilarity(a, a.toUpperCase()), 1);
      }),
    );
  });
});
