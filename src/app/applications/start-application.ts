import { applicantAudit } from './applicant-audit.ts';
import type { ApplicationView } from './application-view.ts';
import { viewOf } from './application-view.ts';
import type { ApplicantAccount, ApplicationRecord, ApplicationServices } from './ports.ts';

const LANGUAGES = ['fr', 'nl', 'de', 'en'];

/** Opens a new draft for the account's organisation, in the given language (else the account's). */
export async function startApplication(
  deps: ApplicationServices,
  account: ApplicantAccount,
  options: { readonly lang?: string } = {},
): Promise<ApplicationView> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const wanted = options.lang ?? account.lang;
  const record: ApplicationRecord = {
    id: deps.ids.id(),
    reference: deps.ids.reference(now),
    organisationId: account.organisationId,
    createdBy: account.id,
    status: 'draft',
    currentStep: 'request',
    data: {},
    submitted: null,
    lang: LANGUAGES.includes(wanted) ? wanted : 'en',
    termsVersion: null,
    termsAcceptedAt: null,
    submittedAt: null,
    createdAt: at,
    updatedAt: at,
    assignedTo: null,
    decidedAt: null,
    decidedBy: null,
    decisionReason: null,
  };
  await deps.applications.create(
    record,
    {
      applicationId: record.id,
      type: 'created',
      fromStatus: null,
      toStatus: 'draft',
      actor: account.id,
      note: null,
      at,
    },
    applicantAudit(account, record.id, 'application.created', at, {
      after: { status: 'draft', reference: record.reference, lang: record.lang },
    }),
  );
  return viewOf(deps, record);
}
