import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { entryDiff } from './entry-diff.ts';

describe('entryDiff', () => {
  it('lists the fields that changed, in the order of after, then those only before', () => {
    const before = JSON.stringify({ status: 'active', roles: ['CPO'], note: 'x', gone: 1 });
    const after = JSON.stringify({ roles: ['CPO', 'EMSP'], status: 'active', note: 'y' });
    assert.deepEqual(entryDiff(before, after), [
      { field: 'roles', before: ['CPO'], after: ['CPO', 'EMSP'] },
      { field: 'note', before: 'x', after: 'y' },
      { field: 'gone', before: 1, after: undefined },
    ]);
  });

  it('a creation lists the fields that have a value', () => {
    const after = JSON.stringify({ legalName: 'Abel & Co', tradingName: null, website: '' });
    assert.deepEqual(entryDiff(null, after), [
      { field: 'legalName', before: undefined, after: 'Abel & Co' },
      { field: 'website', before: undefined, after: '' },
    ]);
  });

  it('a value that is not an object is one change; nothing recorded is no change', () => {
    assert.deepEqual(entryDiff('"old"', '"new"'), [{ field: '', before: 'old', after: 'new' }]);
    assert.deepEqual(entryDiff('[1]', '[1]'), []);
    assert.deepEqual(entryDiff(null, null), []);
    assert.deepEqual(entryDiff('not json', null), [
      { field: '', before: 'not json', after: undefined },
    ]);
  });
});
