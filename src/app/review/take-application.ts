import type { ReviewServices } from './ports.ts';
import { findForReview } from './application-dossier.ts';
import {
  applicationAudit,
  moveApplication,
  openForDecision,
  type Reviewer,
} from './decision-steps.ts';

/** A reviewer takes a submitted application: it is in review, assigned to them. */
export async function takeApplication(
  deps: ReviewServices,
  staff: Reviewer,
  id: string,
): Promise<void> {
  await findForReview(deps, id);
  const at = deps.clock.now().toISOString();
  await deps.store.decide(async (tx) => {
    const review = await openForDecision(tx, id, (s) => s === 'submitted');
    await moveApplication(
      tx,
      staff,
      { id, from: 'submitted', to: 'in_review', at, assignedTo: staff.id },
      'taken',
      null,
    );
    await tx.audit(
      applicationAudit(staff, review, 'application.taken', at, {
        before: { status: 'submitted', assignedTo: review.record.assignedTo },
        after: { status: 'in_review', assignedTo: staff.id },
      }),
    );
  });
}
