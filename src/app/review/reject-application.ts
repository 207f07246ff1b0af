import { findForReview } from './application-dossier.ts';
import { decideWithText, type Reviewer } from './decision-steps.ts';
import type { ReviewServices } from './ports.ts';

/** Rejects with a reason, which the applicant receives in the application's language. */
export async function rejectApplication(
  deps: ReviewServices,
  staff: Reviewer,
  id: string,
  input: { readonly reason: string },
): Promise<void> {
  await findForReview(deps, id);
  await decideWithText(deps, staff, id, { to: 'rejected', raw: input.reason, field: 'reason' });
}
