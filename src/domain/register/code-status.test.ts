import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  canTransition,
  CODE_STATUSES,
  isInForce,
  nextStatuses,
  STATUS_OPERATIONS,
  statusAfter,
} from './code-status.ts';

describe('code status transitions', () => {
  it('allows exactly the documented moves', () => {
    const allowed = CODE_STATUSES.flatMap((from) =>
      CODE_STATUSES.filter((to) => canTransition(from, to)).map((to) => `${from}→${to}`),
    );
    assert.deepEqual(allowed, [
      'reserved→active',
      'reserved→withdrawn',
      'active→suspended',
      'active→withdrawn',
      'suspended→active',
      'suspended→withdrawn',
    ]);
  });

  it('a withdrawn code can never come back (quarantine)', () => {
    assert.deepEqual(nextStatuses('withdrawn'), []);
  });

  it('only an active code is in force', () => {
    assert.deepEqual(CODE_STATUSES.filter(isInForce), ['active']);
  });

  it('every lifecycle operation makes only allowed moves, and nothing leaves withdrawn', () => {
    for (const [operation, { from, to }] of Object.entries(STATUS_OPERATIONS)) {
      for (const status of from) assert.ok(canTransition(status, to), `${operation}: ${status}`);
    }
    assert.equal(statusAfter('suspend', 'active'), 'suspended');
    assert.equal(statusAfter('suspend', 'suspended'), undefined);
    assert.equal(statusAfter('reinstate', 'suspended'), 'active');
    assert.equal(statusAfter('reinstate', 'active'), undefined);
    assert.equal(statusAfter('withdraw', 'reserved'), 'withdrawn');
    for (const operation of ['suspend', 'reinstate', 'withdraw'] as const) {
      assert.equal(statusAfter(operation, 'withdrawn'), undefined, operation);
    }
  });
});
