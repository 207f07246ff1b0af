import type {
  ApplicantValues,
  CompanyValues,
  InvoiceValues,
  RequestValues,
} from '../../domain/application/validate-steps.ts';
import type { Role } from '../../domain/register/roles.ts';

/** The checked, normalised application as it was submitted: what a reviewer decides on. */
export interface SubmittedValues {
  readonly request: RequestValues & { readonly roles: readonly Role[] };
  readonly company: CompanyValues;
  readonly applicant: ApplicantValues;
  readonly invoice: InvoiceValues;
}
