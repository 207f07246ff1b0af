import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newRequestId, requestIdOf } from './answer-headers.ts';

describe('request ids', () => {
  it('are 128 random bits as 22 base64url characters, never the same twice', () => {
    // Far more than one draw of random bytes holds, so ids from many draws are compared.
    const ids = Array.from({ length: 20_000 }, () => newRequestId());
    for (const id of ids) assert.match(id, /^[\w-]{22}$/);
    assert.equal(new Set(ids).size, ids.length);
    // Each of the 16 bytes takes all its values: no byte of the pool is left unused or fixed.
    const bytes = ids.map((id) => Buffer.from(id, 'base64url'));
    for (let i = 0; i < 16; i++) assert.ok(new Set(bytes.map((b) => b[i])).size > 200, `byte ${i}`);
  });

  it("keep the caller's plain token, and our own ids when a caller sends them back", () => {
    assert.equal(requestIdOf({ 'x-request-id': 'trace-42.a:b' }), 'trace-42.a:b');
    const ours = newRequestId();
    assert.equal(requestIdOf({ 'x-request-id': ours }), ours);
    const replaced = requestIdOf({ 'x-request-id': '<script>' });
    assert.match(replaced, /^[\w-]{22}$/);
    assert.notEqual(requestIdOf({}), requestIdOf({}));
  });
});
