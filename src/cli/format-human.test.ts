import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { countResult, emptySummary } from '../app/validation-record.ts';
import type { IdResult } from '../domain/emobility-id/index.ts';
import { displayInput, formatHuman, formatSummary } from './format-human.ts';

const VALID: IdResult = {
  valid: true,
  kind: 'evse',
  detected: true,
  normalized: 'NLTNME123',
  parts: { country: 'NL', partyCode: 'TNM', type: 'E', instance: '1*23' },
  display: { compact: 'NLTNME123' },
};

const MISMATCH: IdResult = {
  valid: false,
  kind: 'emaid',
  detected: true,
  reason: 'check_digit_mismatch',
  checkDigit: 'K',
  position: 17,
};

describe('formatHuman', () => {
  it('aligns status and kind, and shows the normalised form of a valid ID', () => {
    assert.equal(
      formatHuman('NL*TNM*E1*23', VALID),
      'valid    evse        NL*TNM*E1*23 -> NLTNME123',
    );
  });

  it('names the reason, the expected check character and a 1-based column', () => {
    assert.equal(
      formatHuman('NL-TNM-C00122045-X', MISMATCH),
      'invalid  emaid       NL-TNM-C00122045-X  check_digit_mismatch (expected K) at column 18',
    );
  });
});

describe('displayInput', () => {
  it('leaves a visible ASCII word as it is', () => {
    assert.equal(displayInput('NL-TNM-C00122045-K'), 'NL-TNM-C00122045-K');
  });

  it('quotes and escapes what a reader could not otherwise see', () => {
    assert.equal(displayInput(''), '""');
    assert.equal(displayInput(' NL*TNM'), '" NL*TNM"');
    assert.equal(displayInput('NL\u00a0TNM\t\r'), '"NL\\u00a0TNM\\t\\r"');
    assert.equal(displayInput('a"b\\c'), '"a\\"b\\\\c"');
    assert.equal(displayInput('BE*BEC*\u00c9'), '"BE*BEC*\\u00c9"');
  });
});

describe('formatSummary', () => {
  it('counts IDs and lists reasons, most common first', () => {
    const summary = emptySummary();
    for (const result of [VALID, MISMATCH, MISMATCH]) countResult(summary, result);
    countResult(summary, { valid: false, kind: 'evse', detected: true, reason: 'empty' });
    assert.equal(
      formatSummary(summary),
      '4 IDs: 1 valid, 3 invalid (check_digit_mismatch 2, empty 1)',
    );
    assert.equal(formatSummary(emptySummary()), '0 IDs: 0 valid, 0 invalid');
  });
});
