import type { AuditDraft } from '../audit/ports.ts';
import type { SubmittedValues } from './submitted-values.ts';
import type { ApplicantAccount } from './ports.ts';

/**
 * The audit entry of something an applicant did to their application. Personal data (the
 * applicant's name, phone, e-mail, the typed values) stays in the application, which can be
 * erased; the append-only trail records what happened, by whom, and the company's facts only.
 */
export function applicantAudit(
  account: ApplicantAccount,
  applicationId: string,
  action: string,
  at: string,
  change: { readonly before?: unknown; readonly after?: unknown } = {},
): AuditDraft {
  return {
    at,
    actor: { type: 'applicant', id: account.id, label: account.email },
    action,
    subject: { type: 'application', id: applicationId },
    applicationId,
    ...change,
  };
}

/** What a submission commits to, as the trail keeps it: the request and the company. */
export function submittedFacts(values: SubmittedValues) {
  return {
    code: values.request.code,
    countries: [...values.request.countries],
    roles: [...values.request.roles],
    legalName: values.company.legalName,
    seatCountry: values.company.seatCountry,
    legalEntityNumber: values.company.legalEntityNumber,
    vatNumber: values.company.vatNumber,
  };
}
