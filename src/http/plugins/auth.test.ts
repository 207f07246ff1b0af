import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { safeNext } from './auth.ts';

describe('safeNext', () => {
  const cases: [unknown, string | undefined][] = [
    ['/fr/account', '/fr/account'],
    ['/en/account/team?x=1', '/en/account/team?x=1'],
    ['//evil.example/', undefined],
    ['/\\evil.example', undefined],
    ['https://evil.example/', undefined],
    ['javascript:alert(1)', undefined],
    ['/a\nb', undefined],
    [['/en'], undefined],
    [`/${'a'.repeat(600)}`, undefined],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input).slice(0, 40)} → ${String(expected)}`, () => {
      assert.equal(safeNext(input), expected);
    });
  }
});
