/**
 * The life of a party code. `reserved`: assigned to a holder, not yet in use; `active`: valid;
 * `suspended`: temporarily not valid (e.g. annual fee unpaid); `withdrawn`: ended for good. A
 * withdrawn code stays in the register so that it is never issued again (quarantine).
 */
export const CODE_STATUSES = ['reserved', 'active', 'suspended', 'withdrawn'] as const;
export type CodeStatus = (typeof CODE_STATUSES)[number];

const ALLOWED: Readonly<Record<CodeStatus, readonly CodeStatus[]>> = {
  reserved: ['active', 'withdrawn'],
  active: ['suspended', 'withdrawn'],
  suspended: ['active', 'withdrawn'],
  withdrawn: [],
};

export function isCodeStatus(value: unknown): value is CodeStatus {
  return typeof value === 'string' && (CODE_STATUSES as readonly string[]).includes(value);
}

/** The statuses a code may move to from `from`; empty for a withdrawn code. */
export function nextStatuses(from: CodeStatus): readonly CodeStatus[] {
  return ALLOWED[from];
}

export function canTransition(from: CodeStatus, to: CodeStatus): boolean {
  return ALLOWED[from].includes(to);
}

/** A code is valid for use in EVSE and contract IDs only while active. */
export function isInForce(status: CodeStatus): boolean {
  return status === 'active';
}
