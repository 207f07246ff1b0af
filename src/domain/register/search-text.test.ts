import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { foldForSearch } from './search-text.ts';

describe('foldForSearch', () => {
  const cases: [string, string][] = [
    ['Électricité  de  France', 'electricite de france'],
    ['STRAßE', 'strasse'],
    ['Œuvre Æther', 'oeuvre aether'],
    ['Øresund Łódź', 'oresund lodz'],
    ['  Ｆｕｌｌ width ', 'full width'],
    ['NL*ABL', 'nl*abl'],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => {
      assert.equal(foldForSearch(input), expected);
    });
  }
});
