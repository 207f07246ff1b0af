import {
  isEditable,
  isWithdrawable,
  type ApplicationStatus,
} from '../../domain/application/application-status.ts';
import {
  APPLICATION_STEPS,
  type ApplicationData,
  type ApplicationPosition,
  type ApplicationStep,
} from '../../domain/application/steps.ts';
import { validateApplication } from '../../domain/application/validate-steps.ts';
import { DomainError, type FieldError } from '../../domain/errors.ts';
import type {
  ApplicantAccount,
  ApplicationFile,
  ApplicationRecord,
  ApplicationServices,
} from './ports.ts';

/** One application as its organisation sees it: what was typed, and what is wrong with it. */
export interface ApplicationView {
  readonly id: string;
  readonly reference: string;
  readonly status: ApplicationStatus;
  /** Where the applicant resumes. */
  readonly currentStep: ApplicationPosition;
  readonly lang: string;
  /** Everything as typed, by step; a step is absent until saved once. */
  readonly data: ApplicationData;
  /** The errors of each saved step (an unsaved step has none yet). */
  readonly errors: Readonly<Record<ApplicationStep, readonly FieldError[]>>;
  readonly files: readonly ApplicationFile[];
  readonly editable: boolean;
  readonly withdrawable: boolean;
  readonly termsVersion: string | null;
  readonly termsAcceptedAt: string | null;
  readonly submittedAt: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  /**
   * What the registry wrote to the applicant: the question while more information is requested,
   * the reason of a rejection; null otherwise.
   */
  readonly reviewerMessage: string | null;
}

/** The reviewer's words the applicant should see now. */
export function reviewerMessageOf(record: ApplicationRecord): string | null {
  return record.status === 'info_requested' || record.status === 'rejected'
    ? record.decisionReason
    : null;
}

const ID_SHAPE = /^[A-Za-z0-9_-]{1,64}$/;

/** The application, if it belongs to the account's organisation; else `not_found`, no hint. */
export async function ownApplication(
  deps: Pick<ApplicationServices, 'applications'>,
  account: ApplicantAccount,
  id: string,
): Promise<ApplicationRecord> {
  // Ids are UUIDs: anything else cannot be one of ours, and never reaches the database.
  if (!ID_SHAPE.test(id)) throw new DomainError('not_found');
  const record = await deps.applications.find(id, account.organisationId);
  if (record === undefined) throw new DomainError('not_found');
  return record;
}

export function stepErrors(
  data: ApplicationData,
  deps: Pick<ApplicationServices, 'checks'>,
): Record<ApplicationStep, readonly FieldError[]> {
  const checked = validateApplication(data, deps.checks);
  const errors = (step: ApplicationStep) => (data[step] === undefined ? [] : checked[step].errors);
  return Object.fromEntries(APPLICATION_STEPS.map((s) => [s, errors(s)])) as Record<
    ApplicationStep,
    readonly FieldError[]
  >;
}

export async function viewOf(
  deps: Pick<ApplicationServices, 'applications' | 'checks'>,
  record: ApplicationRecord,
): Promise<ApplicationView> {
  return {
    id: record.id,
    reference: record.reference,
    status: record.status,
    currentStep: record.currentStep,
    lang: record.lang,
    data: record.data,
    errors: stepErrors(record.data, deps),
    files: await deps.applications.files(record.id),
    editable: isEditable(record.status),
    withdrawable: isWithdrawable(record.status),
    termsVersion: record.termsVersion,
    termsAcceptedAt: record.termsAcceptedAt,
    submittedAt: record.submittedAt,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    reviewerMessage: reviewerMessageOf(record),
  };
}
