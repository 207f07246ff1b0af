import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { ASSIGNED_COUNTRY_CODES, validateId } from './index.ts';

describe('officially assigned ISO 3166-1 alpha-2 codes', () => {
  it('lists 249 distinct two-letter codes in order', () => {
    assert.equal(ASSIGNED_COUNTRY_CODES.length, 249);
    assert.equal(new Set(ASSIGNED_COUNTRY_CODES).size, 249);
    assert.deepEqual([...ASSIGNED_COUNTRY_CODES].sort(), ASSIGNED_COUNTRY_CODES);
    for (const code of ASSIGNED_COUNTRY_CODES) assert.match(code, /^[A-Z]{2}$/);
  });

  it('accepts every listed code in either case and nothing else', () => {
    const assigned = new Set(ASSIGNED_COUNTRY_CODES);
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    for (const first of letters) {
      for (const second of letters) {
        const code = first + second;
        const result = validateId(`${code.toLowerCase()}TNM`, 'party');
        const reason = result.valid ? undefined : result.reason;
        assert.equal(reason, assigned.has(code) ? undefined : 'unknown_country_code', code);
      }
    }
  });

  it('leaves out reserved and user-assigned codes', () => {
    for (const code of ['UK', 'EU', 'EL', 'XK', 'XX', 'ZZ', 'QZ', 'AA', 'QM']) {
      assert.ok(!ASSIGNED_COUNTRY_CODES.includes(code), code);
    }
    for (const code of ['BE', 'NL', 'LU', 'DE', 'FR', 'GB', 'GR']) {
      assert.ok(ASSIGNED_COUNTRY_CODES.includes(code), code);
    }
  });
});
