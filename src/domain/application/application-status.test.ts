import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  APPLICATION_STATUSES,
  canTransitionApplication,
  isDecidable,
  isEditable,
  isWithdrawable,
  OPEN_STATUSES,
  type ApplicationStatus,
} from './application-status.ts';

describe('application statuses in review', () => {
  it('lets a reviewer decide a submitted application at once, or take it first', () => {
    for (const to of ['in_review', 'info_requested', 'approved', 'rejected'] as const) {
      assert.ok(canTransitionApplication('submitted', to), to);
      if (to !== 'in_review') assert.ok(canTransitionApplication('in_review', to), to);
    }
    assert.ok(isDecidable('submitted') && isDecidable('in_review'));
    assert.ok(!isDecidable('info_requested'), 'the applicant has it: nothing to decide yet');
  });

  it('gives an application back to the applicant while information is requested', () => {
    assert.ok(isEditable('info_requested'));
    assert.ok(canTransitionApplication('info_requested', 'submitted'), 'sent again');
    assert.ok(isWithdrawable('info_requested'));
    assert.ok(!isEditable('in_review') && !isEditable('approved'));
  });

  it('never moves a decided or withdrawn application', () => {
    const final: ApplicationStatus[] = ['approved', 'rejected', 'withdrawn'];
    for (const from of final) {
      for (const to of APPLICATION_STATUSES) assert.ok(!canTransitionApplication(from, to));
      assert.ok(!isEditable(from) && !isWithdrawable(from) && !isDecidable(from));
    }
  });

  it('withdraws only what is editable or still waiting for a reviewer', () => {
    for (const status of APPLICATION_STATUSES) {
      assert.equal(isWithdrawable(status), isEditable(status) || status === 'submitted', status);
      if (isWithdrawable(status)) assert.ok(canTransitionApplication(status, 'withdrawn'));
    }
  });

  it('keeps the queue to the open statuses', () => {
    assert.deepEqual([...OPEN_STATUSES], ['submitted', 'in_review', 'info_requested']);
  });
});
