import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { availabilityOf, nearbyCodes } from './code-availability.ts';

describe('code availability', () => {
  it('tells taken, quarantined, reserved and free apart', () => {
    assert.equal(availabilityOf({ heldStatus: 'active', onReservedList: false }), 'taken');
    assert.equal(availabilityOf({ heldStatus: 'suspended', onReservedList: false }), 'taken');
    assert.equal(availabilityOf({ heldStatus: 'reserved', onReservedList: false }), 'taken');
    assert.equal(availabilityOf({ heldStatus: 'withdrawn', onReservedList: false }), 'quarantined');
    assert.equal(availabilityOf({ heldStatus: null, onReservedList: true }), 'reserved');
    assert.equal(availabilityOf({ heldStatus: null, onReservedList: false }), 'free');
  });

  it('offers nearby codes, closest first, never the wanted one, each once', () => {
    const codes = nearbyCodes('abc');
    assert.deepEqual(codes.slice(0, 3), ['ABA', 'ABB', 'ABD']);
    assert.ok(!codes.includes('ABC'));
    assert.equal(new Set(codes).size, codes.length);
    assert.equal(codes.length, 35 * 3);
    assert.ok(codes.every((c) => /^[A-Z0-9]{3}$/.test(c)));
  });
});
