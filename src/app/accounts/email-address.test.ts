import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normaliseEmail } from './email-address.ts';

describe('normaliseEmail', () => {
  it('trims and lower-cases', () => {
    assert.deepEqual(normaliseEmail('  Ann@Example.BE '), { ok: true, value: 'ann@example.be' });
  });
  it('says why an input is not an address', () => {
    assert.deepEqual(normaliseEmail(''), { ok: false, reason: 'required' });
    assert.deepEqual(normaliseEmail(42), { ok: false, reason: 'required' });
    assert.deepEqual(normaliseEmail('<script>@x.y'), { ok: false, reason: 'invalid_email' });
    assert.deepEqual(normaliseEmail('a@b'), { ok: false, reason: 'invalid_email' });
    assert.deepEqual(normaliseEmail(`${'a'.repeat(250)}@b.cd`), { ok: false, reason: 'too_long' });
  });
});
