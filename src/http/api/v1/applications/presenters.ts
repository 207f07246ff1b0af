import type { FastifyRequest } from 'fastify';
import type { AccountOverview } from '../../../../app/applications/list-applications.ts';
import type { ApplicationView } from '../../../../app/applications/application-view.ts';
import type { AvailabilityReport } from '../../../../app/applications/check-availability.ts';
import {
  APPLICATION_STEPS,
  type ApplicationData,
  type ApplicationStep,
} from '../../../../domain/application/steps.ts';
import type { FieldError } from '../../../../domain/errors.ts';

/** Field errors with their message in the language of the request. */
export function presentErrors(request: FastifyRequest, errors: readonly FieldError[]) {
  return errors.map((e) => ({
    field: e.field,
    code: e.code,
    message: request.t(`problems:field.${e.code}`, {
      ...e.params,
      defaultValue: request.t('problems:field.invalid_value'),
    }),
  }));
}

export function flattenErrors(
  byStep: Readonly<Record<ApplicationStep, readonly FieldError[]>>,
): FieldError[] {
  return APPLICATION_STEPS.flatMap((s) => byStep[s]);
}

function presentData(data: ApplicationData) {
  const { request, ...others } = data;
  return request === undefined
    ? others
    : { ...others, request: { ...request, countries: [...request.countries] } };
}

export function presentAvailability(report: AvailabilityReport) {
  return {
    ...report,
    countries: [...report.countries],
    heldAbroad: [...report.heldAbroad],
    alternatives: [...report.alternatives],
  };
}

export function presentApplication(request: FastifyRequest, view: ApplicationView) {
  return {
    id: view.id,
    reference: view.reference,
    status: view.status,
    currentStep: view.currentStep,
    lang: view.lang,
    data: presentData(view.data),
    errors: presentErrors(request, flattenErrors(view.errors)),
    files: view.files.map((f) => ({
      id: f.id,
      purpose: f.purpose,
      filename: f.filename,
      contentType: f.contentType,
      size: f.size,
      sha256: f.sha256,
      createdAt: f.createdAt,
    })),
    editable: view.editable,
    withdrawable: view.withdrawable,
    termsVersion: view.termsVersion,
    termsAcceptedAt: view.termsAcceptedAt,
    submittedAt: view.submittedAt,
    createdAt: view.createdAt,
    updatedAt: view.updatedAt,
    reviewerMessage: view.reviewerMessage,
  };
}

export function presentOverview(overview: AccountOverview) {
  return {
    applications: overview.applications.map((a) => ({ ...a, countries: [...a.countries] })),
    codes: overview.codes.map((c) => ({ ...c, roles: [...c.roles] })),
  };
}
