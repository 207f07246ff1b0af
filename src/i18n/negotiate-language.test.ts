import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { negotiateLanguage } from './negotiate-language.ts';

describe('negotiateLanguage', () => {
  const cases: [string | undefined, string][] = [
    [undefined, 'en'],
    ['', 'en'],
    ['nl-BE,nl;q=0.9,en;q=0.8', 'nl'],
    ['fr-LU', 'fr'],
    ['de-DE;q=0.5, fr;q=0.7', 'fr'],
    ['es, de;q=0.4', 'de'],
    ['es, it', 'en'],
    ['*', 'en'],
    ['NL', 'nl'],
    ['fr;q=0, de', 'de'],
    ['fr;q=abc, nl;q=0.1', 'nl'],
    [';;;,,,', 'en'],
  ];
  for (const [header, expected] of cases) {
    it(`${JSON.stringify(header)} → ${expected}`, () => {
      assert.equal(negotiateLanguage(header), expected);
    });
  }
});
