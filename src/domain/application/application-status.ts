/**
 * The life of an application. `draft`: being filled in; `submitted`: sent, waiting for a
 * reviewer; `in_review`: a reviewer took it; `info_requested`: the reviewer asked the applicant
 * for more; `approved` / `rejected`: decided; `withdrawn`: the applicant took it back.
 */
export const APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'in_review',
  'info_requested',
  'approved',
  'rejected',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

const ALLOWED: Readonly<Record<ApplicationStatus, readonly ApplicationStatus[]>> = {
  draft: ['submitted', 'withdrawn'],
  submitted: ['in_review', 'withdrawn'],
  in_review: ['info_requested', 'approved', 'rejected'],
  info_requested: ['submitted', 'rejected'],
  approved: [],
  rejected: [],
  withdrawn: [],
};

/** Applicants may take an application back only before a reviewer has started on it. */
const WITHDRAWABLE: readonly ApplicationStatus[] = ['draft', 'submitted'];

export function isApplicationStatus(value: unknown): value is ApplicationStatus {
  return typeof value === 'string' && (APPLICATION_STATUSES as readonly string[]).includes(value);
}

export function canTransitionApplication(from: ApplicationStatus, to: ApplicationStatus): boolean {
  return ALLOWED[from].includes(to);
}

export function isWithdrawable(status: ApplicationStatus): boolean {
  return WITHDRAWABLE.includes(status);
}

/** Only a draft can still be edited by the applicant. */
export function isEditable(status: ApplicationStatus): boolean {
  return status === 'draft';
}
