import {
  isWithdrawable,
  type ApplicationStatus,
} from '../../domain/application/application-status.ts';
import type { ApplicationPosition } from '../../domain/application/steps.ts';
import type { ApplicantAccount, ApplicationServices, IssuedCode } from './ports.ts';

export interface ApplicationSummary {
  readonly id: string;
  readonly reference: string;
  readonly status: ApplicationStatus;
  readonly currentStep: ApplicationPosition;
  /** The requested code and countries as typed, if the first step was saved. */
  readonly code: string | null;
  readonly countries: readonly string[];
  readonly withdrawable: boolean;
  readonly submittedAt: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface AccountOverview {
  readonly applications: readonly ApplicationSummary[];
  /** The codes the organisation holds in the register. */
  readonly codes: readonly IssuedCode[];
}

function typedCode(code: string | undefined): string | null {
  const value = code?.trim().toUpperCase() ?? '';
  return value === '' ? null : value;
}

/** The organisation's applications, newest first, and the codes it holds. */
export async function listApplications(
  deps: ApplicationServices,
  account: ApplicantAccount,
): Promise<AccountOverview> {
  const [records, codes] = await Promise.all([
    deps.applications.list(account.organisationId),
    deps.applications.issuedCodes(account.organisationId),
  ]);
  return {
    applications: records.map((r) => ({
      id: r.id,
      reference: r.reference,
      status: r.status,
      currentStep: r.currentStep,
      code: r.submitted?.request.code ?? typedCode(r.data.request?.code),
      countries: r.submitted?.request.countries ?? r.data.request?.countries ?? [],
      withdrawable: isWithdrawable(r.status),
      submittedAt: r.submittedAt,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    })),
    codes,
  };
}
