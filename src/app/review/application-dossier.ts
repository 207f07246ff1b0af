import { isDecidable } from '../../domain/application/application-status.ts';
import type { ReviewClock } from '../../domain/review/review-clock.ts';
import { DomainError } from '../../domain/errors.ts';
import type { ApplicationFile } from '../applications/ports.ts';
import { automaticChecks, type AutomaticChecks } from './automatic-checks.ts';
import type { ReviewRecord, ReviewServices } from './ports.ts';
import { clockOf, requestedIds } from './review-clock.ts';

/** Everything a reviewer sees about one application. */
export interface ApplicationDossier extends ReviewRecord {
  readonly files: readonly ApplicationFile[];
  readonly clock: ReviewClock;
  /** `BE*ABC`, `NL-ABC`: the requested IDs. */
  readonly codes: readonly string[];
  /** Null until the application has been submitted once. */
  readonly checks: AutomaticChecks | null;
  /** Approve, reject or ask for information is possible now. */
  readonly decidable: boolean;
  /** A reviewer can take it (it waits for one). */
  readonly takeable: boolean;
}

const ID_SHAPE = /^[A-Za-z0-9_-]{1,64}$/;

/** One application by id, for staff; `not_found` for anything else. */
export async function findForReview(deps: ReviewServices, id: string): Promise<ReviewRecord> {
  const review = ID_SHAPE.test(id) ? await deps.reader.find(id) : undefined;
  // Drafts (and drafts withdrawn before they were ever sent) are the applicant's own business.
  if (review === undefined || review.record.submittedAt === null) {
    throw new DomainError('not_found');
  }
  return review;
}

/** The application page: what was submitted, its files and history, the clock, the checks. */
export async function applicationDossier(
  deps: ReviewServices,
  id: string,
): Promise<ApplicationDossier> {
  const review = await findForReview(deps, id);
  const { record } = review;
  const [files, checks] = await Promise.all([
    deps.reader.files(record.id),
    record.submitted === null ? null : automaticChecks(deps, review, record.submitted),
  ]);
  return {
    ...review,
    files,
    clock: clockOf(deps, review),
    codes: requestedIds(record),
    checks,
    decidable: isDecidable(record.status),
    takeable: record.status === 'submitted',
  };
}

/** The registry extract (or another file) of an application, for staff to download. */
export async function applicationFile(
  deps: ReviewServices,
  id: string,
  fileId: string,
): Promise<ApplicationFile & { readonly content: Uint8Array }> {
  const review = await findForReview(deps, id);
  const file = ID_SHAPE.test(fileId) ? await deps.reader.file(review.record.id, fileId) : undefined;
  if (file === undefined) throw new DomainError('not_found');
  return file;
}
