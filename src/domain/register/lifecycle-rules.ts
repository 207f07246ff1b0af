/**
 * Rules of the lifecycle of an issued code: the operations registry admins perform, the public
 * reasons the register publishes for them, the holder's notice period, and effective dates.
 */

/** What an admin can do to an issued code (or its holder), and undo a scheduled withdrawal. */
export const LIFECYCLE_OPERATIONS = [
  'suspend',
  'reinstate',
  'withdraw',
  'transfer',
  'rename',
  'successor',
  'cancel_withdrawal',
] as const;
export type LifecycleOperation = (typeof LIFECYCLE_OPERATIONS)[number];

/** Operations that take effect only once a second admin has approved them (four eyes). */
export const FOUR_EYES_OPERATIONS = ['withdraw', 'transfer'] as const;
export type FourEyesOperation = (typeof FOUR_EYES_OPERATIONS)[number];

/**
 * The public reasons: a fixed list, so that what the register publishes never carries personal
 * data. The admin's own words go to the audit trail only.
 */
export const PUBLIC_REASONS = [
  'annual_fee_unpaid',
  'annual_fee_paid',
  'holder_termination',
  'holder_request',
  'holder_ceased',
  'terms_breach',
  'merger',
  'acquisition',
  'name_change',
  'correction',
  'registry_decision',
] as const;
export type PublicReason = (typeof PUBLIC_REASONS)[number];

export function isPublicReason(value: unknown): value is PublicReason {
  return typeof value === 'string' && (PUBLIC_REASONS as readonly string[]).includes(value);
}

/**
 * The public reasons each operation may give. `holder_termination` is the one withdrawal reason
 * bound to the notice period: it is only given to a withdrawal made from a holder's request.
 */
export const REASONS_BY_OPERATION: Readonly<Record<LifecycleOperation, readonly PublicReason[]>> = {
  suspend: ['annual_fee_unpaid', 'terms_breach', 'holder_request', 'registry_decision'],
  reinstate: ['annual_fee_paid', 'correction', 'holder_request', 'registry_decision'],
  withdraw: [
    'holder_termination',
    'annual_fee_unpaid',
    'holder_ceased',
    'terms_breach',
    'registry_decision',
  ],
  transfer: ['merger', 'acquisition', 'holder_request', 'correction', 'registry_decision'],
  rename: ['name_change', 'holder_request', 'correction', 'registry_decision'],
  successor: ['name_change', 'merger', 'acquisition', 'holder_request', 'registry_decision'],
  cancel_withdrawal: ['holder_request', 'annual_fee_paid', 'correction', 'registry_decision'],
};

export function reasonAllowed(operation: LifecycleOperation, reason: string): boolean {
  return (REASONS_BY_OPERATION[operation] as readonly string[]).includes(reason);
}

/** A holder terminates a code with three months' notice (fees are not refunded). */
export const NOTICE_MONTHS = 3;

/** A calendar date, `2027-02-27`, read strictly: a real date in that exact form, or undefined. */
export function parseDay(value: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (match === null) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1) return undefined;
  if (date.getUTCDate() !== day || year < 2000 || year > 2999) return undefined;
  return value.trim();
}

/** The calendar day (UTC) of a moment, `YYYY-MM-DD`. */
export function dayOf(moment: Date): string {
  return moment.toISOString().slice(0, 10);
}

/** The moment a day begins (UTC), as the register stores dates: `2027-02-27T00:00:00.000Z`. */
export function startOfDay(day: string): string {
  return `${day}T00:00:00.000Z`;
}

/**
 * The earliest day a termination may take effect: three calendar months after the day of the
 * holder's request, or the last day of that month when it is shorter (30 November → 28 February).
 */
export function noticeEnds(requestedAt: Date): string {
  const year = requestedAt.getUTCFullYear();
  const month = requestedAt.getUTCMonth() + NOTICE_MONTHS;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(requestedAt.getUTCDate(), lastDay);
  return dayOf(new Date(Date.UTC(year, month, day)));
}

/** Why an effective date cannot be used, or undefined when it can. */
export type EffectiveDateProblem = 'in_the_past' | 'notice_too_short';

/**
 * Checks the day a withdrawal takes effect. Never before today; for a holder's termination,
 * never before the notice has run. A withdrawal decided by the registry may take effect today.
 */
export function effectiveDateProblem(
  day: string,
  today: string,
  noticeFrom: Date | undefined,
): EffectiveDateProblem | undefined {
  if (day < today) return 'in_the_past';
  if (noticeFrom !== undefined && day < noticeEnds(noticeFrom)) return 'notice_too_short';
  return undefined;
}

/** What a holder may ask for from its account. */
export const HOLDER_REQUEST_KINDS = ['termination', 'change_details', 'transfer'] as const;
export type HolderRequestKind = (typeof HOLDER_REQUEST_KINDS)[number];

export function isHolderRequestKind(value: unknown): value is HolderRequestKind {
  return typeof value === 'string' && (HOLDER_REQUEST_KINDS as readonly string[]).includes(value);
}

/**
 * A holder's request: `open` in the staff queue; `handled` once an admin has turned it into the
 * operation (which may still wait for approval or its date); `declined` with a note.
 */
export const HOLDER_REQUEST_STATUSES = ['open', 'handled', 'declined'] as const;
export type HolderRequestStatus = (typeof HOLDER_REQUEST_STATUSES)[number];

/**
 * An operation that waits: `pending` a second admin's approval; `scheduled` when approved with a
 * future date; `applied`; `rejected` by the second admin; `cancelled` by an admin before it was
 * applied.
 */
export const LIFECYCLE_REQUEST_STATUSES = [
  'pending',
  'scheduled',
  'applied',
  'rejected',
  'cancelled',
] as const;
export type LifecycleRequestStatus = (typeof LIFECYCLE_REQUEST_STATUSES)[number];

/** Pending and scheduled requests are open: a code has at most one open request at a time. */
export function isOpenRequest(status: LifecycleRequestStatus): boolean {
  return status === 'pending' || status === 'scheduled';
}
