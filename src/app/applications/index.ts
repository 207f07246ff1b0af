/**
 * Applying for a party code: the use cases behind both the pages (`/{lang}/apply`,
 * `/{lang}/account`) and the JSON API (`/api/v1/applications`).
 *
 * Every use case takes `deps: ApplicationServices` (wired once, see `AppDependencies.applications`)
 * and, except the public availability check, the signed-in `account` (`request.account`). All are
 * scoped to the account's organisation: an id of another organisation is `not_found`, exactly
 * like an unknown id. They throw only `DomainError`; field errors are `{ field, code, params }`
 * with `field` = `<step>.<name>` (`company.legalEntityNumber`) and a stable `code` whose message
 * is `problems:field.<code>`.
 *
 * - `startApplication(deps, account, { lang? })` → `ApplicationView`: a new draft at step
 *   `request`, in `lang` (else the account's language).
 * - `getApplication(deps, account, id)` → `ApplicationView`: everything as typed (`data`, by
 *   step, absent until saved), `currentStep` to resume at, `errors` of the saved steps, `files`,
 *   `editable`, `withdrawable`, `reviewerMessage` (the question or rejection reason). Throws
 *   `not_found`.
 * - `saveStep(deps, account, id, step, input)` → `{ application, step, valid, errors }`: saves
 *   `input` (an object of the step's fields; form bodies work as they are: unknown fields are
 *   dropped, lists may be repeated fields or `BE,NL`) ALWAYS, valid or not, and returns the errors
 *   for re-rendering; `currentStep` moves on only when valid. The `request` step also checks the
 *   code is free in every requested country. Throws `not_found`; `conflict` unless it is a draft
 *   or more information was requested (`info_requested`); `validation_failed` (field `step`) for
 *   an unknown step. Each save is audited with the names of the fields it changed.
 * - `checkAvailability(deps.register, { code, countries, companyName? })` →
 *   `AvailabilityReport`: per country `free | taken | reserved | quarantined`, `heldAbroad`
 *   warnings (registry, organisation, source, retrieval date), up to five `alternatives` free in
 *   every requested country. Throws `validation_failed` (fields `code`, `countries`).
 * - `attachRegistryExtract(deps, account, id, { filename, contentType, content })` →
 *   `ApplicationFile`: PDF only (type and `%PDF-` bytes), at most `REGISTRY_EXTRACT_LIMIT`
 *   (5 MB); replaces an earlier extract. Throws `unsupported_media_type`, `payload_too_large`,
 *   `unprocessable` (field `registryExtract`: `not_a_pdf`), `conflict`, `not_found`.
 * - `reviewApplication(deps, account, id)` → `ApplicationReview`: the view, every error by step
 *   (unsaved steps and the rules across steps included), normalised `values`, `availability`,
 *   `termsVersion` to show, and `ready`.
 * - `submitApplication(deps, account, id, { acceptTerms })` → `ApplicationView`: re-checks all,
 *   availability included; throws `unprocessable` with every field error (`acceptTerms`:
 *   `terms_not_accepted`), `conflict` unless a draft or `info_requested` (sending it again
 *   returns it to the review queue and restarts the clock). Stores the terms version and time, an
 *   event, an audit entry, and mails the applicant (`account.email`) in the application's
 *   language.
 * - `withdrawApplication(deps, account, id)` → `ApplicationView`: drafts, submitted ones not yet
 *   taken, and `info_requested` ones (`conflict` otherwise); event, audit entry and mail.
 *
 * Every change is audited (`appendAudit`, same transaction) with the applicant as actor; the
 * decisions of staff are the review use cases in `src/app/review/`.
 * - `listApplications(deps, account)` → `{ applications: ApplicationSummary[], codes:
 *   IssuedCode[] }`: newest first, and the codes the organisation holds.
 *
 * Labels for roles, statuses and steps are in the `applications` message namespace
 * (`applications:role.BOTH`, `applications:status.submitted`, `applications:step.company`).
 */
export type { ApplicationView } from './application-view.ts';
export type { ApplicationReview } from './review-application.ts';
export type { AccountOverview, ApplicationSummary } from './list-applications.ts';
export type { AvailabilityReport, HeldAbroad } from './check-availability.ts';
export type { SaveStepResult } from './save-step.ts';
export type {
  ApplicantAccount,
  ApplicationFile,
  ApplicationServices,
  IssuedCode,
} from './ports.ts';
export { startApplication } from './start-application.ts';
export { getApplication } from './get-application.ts';
export { saveStep } from './save-step.ts';
export { checkAvailability } from './check-availability.ts';
export { attachRegistryExtract, REGISTRY_EXTRACT_LIMIT } from './attach-registry-extract.ts';
export { reviewApplication } from './review-application.ts';
export { submitApplication } from './submit-application.ts';
export { withdrawApplication } from './withdraw-application.ts';
export { listApplications } from './list-applications.ts';
export { TERMS_VERSION } from './terms.ts';
export {
  APPLICATION_STEPS,
  REQUESTED_ROLES,
  type ApplicationPosition,
  type ApplicationStep,
} from '../../domain/application/steps.ts';
