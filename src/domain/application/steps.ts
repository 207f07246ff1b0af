/** The four steps of the form, in order; `review` follows the last one. */
export const APPLICATION_STEPS = ['request', 'company', 'applicant', 'invoice'] as const;
export type ApplicationStep = (typeof APPLICATION_STEPS)[number];
export type ApplicationPosition = ApplicationStep | 'review';

export function isApplicationStep(value: unknown): value is ApplicationStep {
  return typeof value === 'string' && (APPLICATION_STEPS as readonly string[]).includes(value);
}

export function isApplicationPosition(value: unknown): value is ApplicationPosition {
  return value === 'review' || isApplicationStep(value);
}

/** What the applicant may ask for: `BOTH` is one code for the CPO and the eMSP role. */
export const REQUESTED_ROLES = ['CPO', 'EMSP', 'BOTH', 'LOCATION_OWNER'] as const;
export type RequestedRole = (typeof REQUESTED_ROLES)[number];

/** Everything as typed, by step. A step is absent until it has been saved once. */
export interface RawRequest {
  readonly role: string;
  readonly countries: readonly string[];
  readonly code: string;
}
export interface RawCompany {
  readonly legalName: string;
  readonly legalForm: string;
  readonly seatCountry: string;
  readonly street: string;
  readonly postalCode: string;
  readonly city: string;
  readonly website: string;
  readonly legalEntityNumber: string;
  readonly vatNumber: string;
}
export interface RawApplicant {
  readonly name: string;
  readonly jobTitle: string;
  readonly email: string;
  readonly phone: string;
}
export interface RawInvoice {
  readonly street: string;
  readonly postalCode: string;
  readonly city: string;
  readonly country: string;
  readonly email: string;
  readonly vatNumber: string;
  readonly purchaseOrder: string;
}

export interface ApplicationData {
  readonly request?: RawRequest;
  readonly company?: RawCompany;
  readonly applicant?: RawApplicant;
  readonly invoice?: RawInvoice;
}

/** The text fields of each step (the request's `countries` is a list and handled apart). */
export const STEP_FIELDS = {
  request: ['role', 'code'],
  company: [
    'legalName',
    'legalForm',
    'seatCountry',
    'street',
    'postalCode',
    'city',
    'website',
    'legalEntityNumber',
    'vatNumber',
  ],
  applicant: ['name', 'jobTitle', 'email', 'phone'],
  invoice: ['street', 'postalCode', 'city', 'country', 'email', 'vatNumber', 'purchaseOrder'],
} as const satisfies Record<ApplicationStep, readonly string[]>;

/** The position after a step has been saved valid: never moves back. */
export function advancePosition(
  current: ApplicationPosition,
  savedValid: ApplicationStep,
): ApplicationPosition {
  const order: readonly ApplicationPosition[] = [...APPLICATION_STEPS, 'review'];
  const next = order[order.indexOf(savedValid) + 1] ?? 'review';
  return order.indexOf(next) > order.indexOf(current) ? next : current;
}
