import { findForReview } from './application-dossier.ts';
import { decideWithText, type Reviewer } from './decision-steps.ts';
import type { ReviewServices } from './ports.ts';

/**
 * Asks the applicant for more information: they receive the question, may edit the application
 * and send it again; the review clock is paused until they do.
 */
export async function requestInformation(
  deps: ReviewServices,
  staff: Reviewer,
  id: string,
  input: { readonly question: string },
): Promise<void> {
  await findForReview(deps, id);
  await decideWithText(deps, staff, id, {
    to: 'info_requested',
    raw: input.question,
    field: 'question',
  });
}
