import type { ApplicationStatus } from '../../domain/application/application-status.ts';
import type { ReviewClock } from '../../domain/review/review-clock.ts';
import type { ReviewServices, StaffRef } from './ports.ts';
import { clockOf, requestedIds } from './review-clock.ts';

/** One line of the review queue. */
export interface QueueItem {
  readonly id: string;
  readonly reference: string;
  readonly status: ApplicationStatus;
  /** The company's legal name as submitted. */
  readonly organisation: string | null;
  /** `BE*ABC`, `NL-ABC`: the requested IDs. */
  readonly codes: readonly string[];
  /** The first submission. */
  readonly submittedAt: string | null;
  readonly clock: ReviewClock;
  readonly assignedTo: StaffRef | null;
}

function rank(item: QueueItem): number {
  if (item.clock.state === 'running') return item.clock.overdue ? 0 : 1;
  return 2;
}

/**
 * The applications waiting for a decision or for the applicant: overdue ones first (the
 * longest overdue first), then by deadline, then those waiting for the applicant (the clock
 * paused) by the working days they have left.
 */
export async function reviewQueue(deps: ReviewServices): Promise<QueueItem[]> {
  const open = await deps.reader.openApplications();
  const items = open.map((review): QueueItem => {
    const { record } = review;
    return {
      id: record.id,
      reference: record.reference,
      status: record.status,
      organisation: record.submitted?.company.legalName ?? null,
      codes: requestedIds(record),
      submittedAt: record.submittedAt,
      clock: clockOf(deps, review),
      assignedTo:
        record.assignedTo === null
          ? null
          : { id: record.assignedTo, email: review.actors[record.assignedTo] ?? record.assignedTo },
    };
  });
  return items.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.clock.deadline ?? '').localeCompare(b.clock.deadline ?? '') ||
      a.clock.daysLeft - b.clock.daysLeft ||
      (a.submittedAt ?? '').localeCompare(b.submittedAt ?? '') ||
      a.reference.localeCompare(b.reference),
  );
}
