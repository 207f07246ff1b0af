import { APPLICATION_STEPS } from '../../domain/application/steps.ts';
import { DomainError, type FieldError } from '../../domain/errors.ts';
import { ownApplication, viewOf, type ApplicationView } from './application-view.ts';
import { assessApplication } from './assess-application.ts';
import { notifyAfterCommit } from './notify.ts';
import { applicantAudit, submittedFacts } from './applicant-audit.ts';
import type { ApplicantAccount, ApplicationServices, SummaryLabels } from './ports.ts';
import { isEditable } from '../../domain/application/application-status.ts';
import type { SubmittedValues } from './submitted-values.ts';
import { TERMS_VERSION } from './terms.ts';

/** The label/value lines of the confirmation mail, labelled in the application's language. */
export function summaryOf(
  labels: SummaryLabels,
  lang: string,
  reference: string,
  values: SubmittedValues,
): { label: string; value: string }[] {
  // eMSP IDs are written `BE-ABC`, operator IDs `BE*ABC`.
  const separator = values.request.role === 'EMSP' ? '-' : '*';
  const rows: [string, string][] = [
    ['reference', reference],
    [
      'code',
      values.request.countries.map((c) => `${c}${separator}${values.request.code}`).join(', '),
    ],
    ['roles', values.request.roles.map((r) => labels.label(lang, `role.${r}`)).join(', ')],
    ['company', values.company.legalName],
    ['legalEntityNumber', values.company.legalEntityNumber],
    ['applicant', values.applicant.name],
    ['email', values.applicant.email],
  ];
  return rows.map(([key, value]) => ({ label: labels.label(lang, `summary.${key}`), value }));
}

/**
 * Submits a draft, or sends back an application on which more information was requested (the
 * review clock then runs again): checks every step again, the code's availability now, and the
 * rules across steps; requires the current terms to be accepted. Errors are one `unprocessable`
 * with every field error; any other status is a `conflict`. Records the terms version and time,
 * an event, an audit entry, and mails the applicant a confirmation in the application's language.
 */
export async function submitApplication(
  deps: ApplicationServices,
  account: ApplicantAccount,
  id: string,
  input: { readonly acceptTerms: boolean },
): Promise<ApplicationView> {
  const record = await ownApplication(deps, account, id);
  if (!isEditable(record.status)) throw new DomainError('conflict', { status: record.status });
  const assessment = await assessApplication(deps, record);
  const errors: FieldError[] = APPLICATION_STEPS.flatMap((s) => assessment.errors[s]);
  if (!input.acceptTerms) errors.push({ field: 'acceptTerms', code: 'terms_not_accepted' });
  const values = assessment.values;
  if (errors.length > 0 || values === null) throw new DomainError('unprocessable', {}, errors);
  const at = deps.clock.now().toISOString();
  const again = record.status === 'info_requested';
  const submittedAt = record.submittedAt ?? at;
  const moved = await deps.applications.transition({
    id,
    organisationId: account.organisationId,
    from: record.status,
    to: 'submitted',
    event: {
      applicationId: id,
      type: again ? 'resubmitted' : 'submitted',
      fromStatus: record.status,
      toStatus: 'submitted',
      actor: account.id,
      note: `terms ${TERMS_VERSION}`,
      at,
    },
    audit: applicantAudit(
      account,
      id,
      again ? 'application.resubmitted' : 'application.submitted',
      at,
      {
        before: { status: record.status },
        after: { status: 'submitted', termsVersion: TERMS_VERSION, ...submittedFacts(values) },
      },
    ),
    submission: { termsVersion: TERMS_VERSION, termsAcceptedAt: at, submittedAt, values },
  });
  if (!moved) throw new DomainError('conflict');
  const submitted = {
    ...record,
    status: 'submitted' as const,
    currentStep: 'review' as const,
    submitted: values,
    termsVersion: TERMS_VERSION,
    termsAcceptedAt: at,
    submittedAt,
    updatedAt: at,
  };
  await notifyAfterCommit(deps, submitted, () =>
    deps.notifier.applicationReceived(account.email, record.lang, {
      reference: record.reference,
      summary: summaryOf(deps.labels, record.lang, record.reference, values),
    }),
  );
  return viewOf(deps, submitted);
}
