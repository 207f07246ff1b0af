import type { IdKind, IdParts, IdResult, Reason } from '../domain/emobility-id/types.ts';

/**
 * The answer for one identifier, identical in the CLI's `--json` lines, the API and the page:
 * `normalized` and `parts` when valid, `reason` (and `position` when one character is to blame)
 * when invalid, `checkDigit` whenever there is one.
 */
export interface ValidationRecord {
  readonly input: string;
  readonly valid: boolean;
  readonly kind: IdKind;
  readonly detected: boolean;
  readonly normalized?: string;
  readonly checkDigit?: string;
  readonly reason?: Reason;
  readonly position?: number;
  readonly parts: IdParts | null;
}

/**
 * Written as plain object literals, one per shape, in the documented key order: on bulk runs of
 * millions of IDs, spreading the optional fields cost measurably.
 */
export function toValidationRecord(input: string, result: IdResult): ValidationRecord {
  const { kind, detected } = result;
  if (result.valid) {
    const { normalized, checkDigit } = result;
    const parts = result.parts ?? null;
    return checkDigit === undefined
      ? { input, valid: true, kind, detected, normalized, parts }
      : { input, valid: true, kind, detected, normalized, checkDigit, parts };
  }
  const { checkDigit, reason, position } = result;
  if (checkDigit !== undefined) {
    return position === undefined
      ? { input, valid: false, kind, detected, checkDigit, reason, parts: null }
      : { input, valid: false, kind, detected, checkDigit, reason, position, parts: null };
  }
  return position === undefined
    ? { input, valid: false, kind, detected, reason, parts: null }
    : { input, valid: false, kind, detected, reason, position, parts: null };
}

/** Counts of a bulk validation run, reported after the last record. */
export interface ValidationSummary {
  total: number;
  valid: number;
  invalid: number;
  byKind: Partial<Record<IdKind, number>>;
  byReason: Partial<Record<Reason, number>>;
}

export function emptySummary(): ValidationSummary {
  return { total: 0, valid: 0, invalid: 0, byKind: {}, byReason: {} };
}

/** Adds one result to a running summary. */
export function countResult(summary: ValidationSummary, result: IdResult): void {
  summary.total += 1;
  summary.byKind[result.kind] = (summary.byKind[result.kind] ?? 0) + 1;
  if (result.valid) {
    summary.valid += 1;
  } else {
    summary.invalid += 1;
    summary.byReason[result.reason] = (summary.byReason[result.reason] ?? 0) + 1;
  }
}
