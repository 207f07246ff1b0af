import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canTransition, CODE_STATUSES, isInForce, nextStatuses } from './code-status.ts';

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
});
