import { isEditable } from '../../domain/application/application-status.ts';
import type { ApplicationStep } from '../../domain/application/steps.ts';
import type { FieldError } from '../../domain/errors.ts';
import { ownApplication, viewOf, type ApplicationView } from './application-view.ts';
import { assessApplication } from './assess-application.ts';
import type { AvailabilityReport } from './check-availability.ts';
import type { ApplicantAccount, ApplicationServices } from './ports.ts';
import type { SubmittedValues } from './submitted-values.ts';
import { TERMS_VERSION } from './terms.ts';

export interface ApplicationReview {
  readonly application: ApplicationView;
  /** Every error by step, unsaved steps included, with the rules across steps under `request`. */
  readonly errors: Readonly<Record<ApplicationStep, readonly FieldError[]>>;
  /** The checked, normalised values; null while anything is wrong. */
  readonly values: SubmittedValues | null;
  readonly availability: AvailabilityReport | null;
  /** The terms the applicant accepts by submitting now. */
  readonly termsVersion: string;
  /** True when submitting (with the terms accepted) would succeed now. */
  readonly ready: boolean;
}

/** Everything entered, everything wrong, and whether it can be submitted. */
export async function reviewApplication(
  deps: ApplicationServices,
  account: ApplicantAccount,
  id: string,
): Promise<ApplicationReview> {
  const record = await ownApplication(deps, account, id);
  const assessment = await assessApplication(deps, record);
  return {
    application: await viewOf(deps, record),
    errors: assessment.errors,
    values: assessment.values,
    availability: assessment.availability,
    termsVersion: TERMS_VERSION,
    ready: isEditable(record.status) && assessment.values !== null,
  };
}
