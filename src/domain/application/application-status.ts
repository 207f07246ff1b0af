/**
 * The life of an application. `draft`: being filled in; `submitted`: sent, waiting for a
 * reviewer; `in_review`: a reviewer took it; `info_requested`: the reviewer asked the applicant
 * for more, and the applicant may edit it and send it again (back to `submitted`);
 * `approved` / `rejected`: decided; `withdrawn`: the applicant took it back.
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
  // A reviewer may take it first (assigning it to themselves) or decide at once.
  submitted: ['in_review', 'info_requested', 'approved', 'rejected', 'withdrawn'],
  in_review: ['info_requested', 'approved', 'rejected'],
  info_requested: ['submitted', 'rejected', 'withdrawn'],
  approved: [],
  rejected: [],
  withdrawn: [],
};

/**
 * Applicants may take an application back before a reviewer has started on it, or while it is
 * back with them for more information.
 */
const WITHDRAWABLE: readonly ApplicationStatus[] = ['draft', 'submitted', 'info_requested'];

/** The applicant edits a draft, and an application on which more information was requested. */
export const EDITABLE_STATUSES: readonly ApplicationStatus[] = ['draft', 'info_requested'];

/** What a reviewer may decide on: applications waiting for a reviewer or taken by one. */
const DECIDABLE: readonly ApplicationStatus[] = ['submitted', 'in_review'];

/** The statuses of the review queue: waiting for a reviewer, being reviewed, or with the applicant. */
export const OPEN_STATUSES: readonly ApplicationStatus[] = [
  'submitted',
  'in_review',
  'info_requested',
];

export function isApplicationStatus(value: unknown): value is ApplicationStatus {
  return typeof value === 'string' && (APPLICATION_STATUSES as readonly string[]).includes(value);
}

export function canTransitionApplication(from: ApplicationStatus, to: ApplicationStatus): boolean {
  return ALLOWED[from].includes(to);
}

export function isWithdrawable(status: ApplicationStatus): boolean {
  return WITHDRAWABLE.includes(status);
}

/** A draft, or an application sent back for more information, can be edited by the applicant. */
export function isEditable(status: ApplicationStatus): boolean {
  return EDITABLE_STATUSES.includes(status);
}

/** Whether a reviewer can approve, reject or ask for more information now. */
export function isDecidable(status: ApplicationStatus): boolean {
  return DECIDABLE.includes(status);
}
