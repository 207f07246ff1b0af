import { crossStepErrors, rolesOf } from '../../domain/application/application-rules.ts';
import { APPLICATION_STEPS, type ApplicationStep } from '../../domain/application/steps.ts';
import {
  validateApplication,
  type ValidatedApplication,
} from '../../domain/application/validate-steps.ts';
import type { FieldError } from '../../domain/errors.ts';
import { checkAvailability, type AvailabilityReport } from './check-availability.ts';
import type { ApplicationRecord, ApplicationServices } from './ports.ts';
import type { SubmittedValues } from './submitted-values.ts';

export interface Assessment {
  readonly checked: ValidatedApplication;
  /** Every error, by step: a step's own and the rules across steps (filed under `request`). */
  readonly errors: Readonly<Record<ApplicationStep, readonly FieldError[]>>;
  /** The availability of the requested code, once the request step is valid. */
  readonly availability: AvailabilityReport | null;
  /** The normalised application, when nothing is wrong. */
  readonly values: SubmittedValues | null;
}

/** Checks the whole application as it stands, with the register as it is now. */
export async function assessApplication(
  deps: ApplicationServices,
  record: ApplicationRecord,
): Promise<Assessment> {
  const checked = validateApplication(record.data, deps.checks);
  const request = checked.request.values;
  const company = checked.company.values;
  let availability: AvailabilityReport | null = null;
  let cross: FieldError[] = [];
  if (request !== undefined) {
    availability = await checkAvailability(deps.register, {
      code: request.code,
      countries: request.countries,
      ...(company === undefined ? {} : { companyName: company.legalName }),
    });
    const issued = await deps.applications.issuedCodes(record.organisationId);
    cross = crossStepErrors({
      countries: request.countries,
      seatCountry: company?.seatCountry ?? '',
      holdsCode: issued.length > 0,
      availability: Object.fromEntries(
        availability.countries.map((c) => [c.country, c.availability]),
      ),
    });
  }
  const errors = Object.fromEntries(
    APPLICATION_STEPS.map((s) => [
      s,
      s === 'request' ? [...checked.request.errors, ...cross] : checked[s].errors,
    ]),
  ) as Record<ApplicationStep, readonly FieldError[]>;
  const ok = APPLICATION_STEPS.every((s) => errors[s].length === 0);
  const { applicant, invoice } = {
    applicant: checked.applicant.values,
    invoice: checked.invoice.values,
  };
  const values =
    ok && request && company && applicant && invoice
      ? { request: { ...request, roles: rolesOf(request.role) }, company, applicant, invoice }
      : null;
  return { checked, errors, availability, values };
}
