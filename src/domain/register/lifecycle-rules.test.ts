import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  effectiveDateProblem,
  LIFECYCLE_OPERATIONS,
  noticeEnds,
  parseDay,
  PUBLIC_REASONS,
  REASONS_BY_OPERATION,
  reasonAllowed,
  startOfDay,
} from './lifecycle-rules.ts';

describe('lifecycle rules', () => {
  it('the notice runs three calendar months from the day of the request', () => {
    assert.equal(noticeEnds(new Date('2026-11-27T10:00:00Z')), '2027-02-27');
    assert.equal(noticeEnds(new Date('2026-11-30T23:59:59Z')), '2027-02-28');
    assert.equal(noticeEnds(new Date('2027-11-30T08:00:00Z')), '2028-02-29');
    assert.equal(noticeEnds(new Date('2026-01-31T08:00:00Z')), '2026-04-30');
    assert.equal(noticeEnds(new Date('2026-10-15T00:00:00Z')), '2027-01-15');
  });

  it('a termination cannot take effect before the notice has run; the registry may act sooner', () => {
    const asked = new Date('2026-11-27T10:00:00Z');
    assert.equal(effectiveDateProblem('2027-02-26', '2026-11-27', asked), 'notice_too_short');
    assert.equal(effectiveDateProblem('2027-02-27', '2026-11-27', asked), undefined);
    assert.equal(effectiveDateProblem('2026-11-27', '2026-11-27', undefined), undefined);
    assert.equal(effectiveDateProblem('2026-11-26', '2026-11-27', undefined), 'in_the_past');
    assert.equal(effectiveDateProblem('2026-11-26', '2026-11-27', asked), 'in_the_past');
  });

  it('reads only real dates written YYYY-MM-DD', () => {
    assert.equal(parseDay('2027-02-28'), '2027-02-28');
    assert.equal(parseDay(' 2028-02-29 '), '2028-02-29');
    for (const bad of ['2027-02-29', '2027-13-01', '27-02-2027', '2027-2-1', '', 'tomorrow']) {
      assert.equal(parseDay(bad), undefined, bad);
    }
    assert.equal(startOfDay('2027-02-28'), '2027-02-28T00:00:00.000Z');
  });

  it('every operation offers public reasons from the fixed list; termination only to withdraw', () => {
    for (const operation of LIFECYCLE_OPERATIONS) {
      const reasons = REASONS_BY_OPERATION[operation];
      assert.ok(reasons.length > 0, operation);
      for (const r of reasons) assert.ok(PUBLIC_REASONS.includes(r), `${operation}: ${r}`);
    }
    assert.deepEqual(
      LIFECYCLE_OPERATIONS.filter((o) => reasonAllowed(o, 'holder_termination')),
      ['withdraw'],
    );
    assert.equal(reasonAllowed('suspend', 'a free text with a name in it'), false);
  });
});
