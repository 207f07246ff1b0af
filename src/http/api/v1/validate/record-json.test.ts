import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateOne } from '../../../../app/validate-ids.ts';
import { itemsToNdjson } from './record-json.ts';

describe('itemsToNdjson', () => {
  it('writes one line per item, line errors included', () => {
    const text = itemsToNdjson([
      validateOne('NLTNM'),
      { line: 2, valid: false, reason: 'bad_json_line', input: '{"a"' },
    ]);
    assert.equal(text.split('\n').length, 3);
    assert.deepEqual(JSON.parse(text.split('\n')[1] ?? ''), {
      line: 2,
      valid: false,
      reason: 'bad_json_line',
      input: '{"a"',
    });
  });
});
