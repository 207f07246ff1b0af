import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { externalChecks } from './external-checks.ts';

describe('VAT and phone checks', () => {
  it('checks VAT checksums of the Benelux and neighbours, in any spelling', () => {
    assert.equal(externalChecks.vatNumber('BE 0403.170.701'), 'BE0403170701');
    assert.equal(externalChecks.vatNumber('BE0403170702'), undefined);
    assert.equal(externalChecks.vatNumber('NL004495445B01'), 'NL004495445B01');
    assert.equal(externalChecks.vatNumber('LU15027442'), 'LU15027442');
    assert.equal(externalChecks.vatNumber('0403170701'), undefined, 'the country prefix is needed');
    assert.equal(externalChecks.vatNumber('<script>'), undefined);
  });

  it('reads phone numbers internationally or in the seat country, in E.164', () => {
    assert.equal(externalChecks.phoneNumber('+32 2 123 45 67', undefined), '+3221234567');
    assert.equal(externalChecks.phoneNumber('02 123 45 67', 'BE'), '+3221234567');
    assert.equal(externalChecks.phoneNumber('020 123 4567', 'NL'), '+31201234567');
    assert.equal(externalChecks.phoneNumber('12', 'BE'), undefined);
    assert.equal(externalChecks.phoneNumber('02 123 45 67', 'AQ'), undefined);
  });
});
