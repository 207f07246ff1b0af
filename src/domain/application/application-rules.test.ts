import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crossStepErrors, rolesOf } from './application-rules.ts';
import { canTransitionApplication, isEditable, isWithdrawable } from './application-status.ts';
import { advancePosition } from './steps.ts';

const codes = (errors: readonly { field: string; code: string }[]) =>
  errors.map((e) => `${e.field}:${e.code}`);

describe('application rules', () => {
  it('gives CPO and eMSP one code when both are asked for', () => {
    assert.deepEqual(rolesOf('BOTH'), ['CPO', 'EMSP']);
    assert.deepEqual(rolesOf('LOCATION_OWNER'), ['LOCATION_OWNER']);
  });

  it('wants the first code of a holder in its seat country, when the Benelux serves it', () => {
    const base = { availability: {}, countries: ['NL'], seatCountry: 'BE' };
    assert.deepEqual(codes(crossStepErrors({ ...base, holdsCode: false })), [
      'request.countries:first_code_not_in_seat_country',
    ]);
    assert.deepEqual(
      crossStepErrors({ ...base, holdsCode: true }),
      [],
      'a later code may be elsewhere',
    );
    assert.deepEqual(crossStepErrors({ ...base, countries: ['BE', 'NL'], holdsCode: false }), []);
    assert.deepEqual(
      crossStepErrors({ ...base, seatCountry: 'DE', holdsCode: false }),
      [],
      'a holder seated abroad may start in any Benelux country',
    );
  });

  it('wants the code free in every requested country', () => {
    const errors = crossStepErrors({
      countries: ['BE', 'NL', 'LU'],
      seatCountry: 'BE',
      holdsCode: true,
      availability: { BE: 'taken', NL: 'quarantined', LU: 'reserved' },
    });
    assert.deepEqual(
      errors.map((e) => `${e.code}:${String(e.params?.country)}`),
      ['code_taken:BE', 'code_quarantined:NL', 'code_reserved:LU'],
    );
  });

  it('moves an application only along its allowed transitions', () => {
    assert.ok(canTransitionApplication('draft', 'submitted'));
    assert.ok(canTransitionApplication('submitted', 'withdrawn'));
    assert.ok(!canTransitionApplication('withdrawn', 'submitted'));
    assert.ok(!canTransitionApplication('approved', 'withdrawn'));
    assert.ok(
      isWithdrawable('draft') && isWithdrawable('submitted') && !isWithdrawable('in_review'),
    );
    assert.ok(isEditable('draft') && !isEditable('submitted'));
  });

  it('moves the position on after a valid step, never back', () => {
    assert.equal(advancePosition('request', 'request'), 'company');
    assert.equal(advancePosition('invoice', 'request'), 'invoice');
    assert.equal(advancePosition('invoice', 'invoice'), 'review');
  });
});
