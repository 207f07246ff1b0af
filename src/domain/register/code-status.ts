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

/**
 * The status operations of the back office and the moves they make: suspending an active code
 * (e.g. annual fee unpaid), reinstating a suspended one, withdrawing a code in any living status.
 * Each is a subset of the transitions above.
 */
export const STATUS_OPERATIONS = {
  suspend: { from: ['active'], to: 'suspended' },
  reinstate: { from: ['suspended'], to: 'active' },
  withdraw: { from: ['reserved', 'active', 'suspended'], to: 'withdrawn' },
} as const satisfies Record<string, { from: readonly CodeStatus[]; to: CodeStatus }>;
export type StatusOperation = keyof typeof STATUS_OPERATIONS;

/** The status a code moves to under an operation, or undefined when its status does not allow it. */
export function statusAfter(operation: StatusOperation, from: CodeStatus): CodeStatus | undefined {
  const { from: allowed, to } = STATUS_OPERATIONS[operation];
  return (allowed as readonly CodeStatus[]).includes(from) ? to : undefined;
}

/** A code is valid for use in EVSE and contract IDs only while active. */
export function isInForce(status: CodeStatus): boolean {
  return status === 'active';
}
