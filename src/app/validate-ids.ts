import { validateId, type IdKind, type IdResult } from '../domain/emobility-id/index.ts';
import {
  countResult,
  emptySummary,
  toValidationRecord,
  type ValidationRecord,
  type ValidationSummary,
} from './validation-record.ts';

/** One checked identifier: the shared record, and the full result for readers that show more. */
export interface CheckedId {
  readonly record: ValidationRecord;
  readonly result: IdResult;
}

export interface CheckedList {
  readonly items: readonly CheckedId[];
  readonly summary: ValidationSummary;
}

/** Validates one identifier; without `kind` the kind is detected from its shape. */
export function validateOne(input: string, kind?: IdKind): ValidationRecord {
  return toValidationRecord(input, validateId(input, kind));
}

/** Validates a short list in order (a page's worth); bulk input goes through validateIdLines. */
export function validateList(inputs: readonly string[], kind?: IdKind): CheckedList {
  const summary = emptySummary();
  const items = inputs.map((input): CheckedId => {
    const result = validateId(input, kind);
    countResult(summary, result);
    return { record: toValidationRecord(input, result), result };
  });
  return { items, summary };
}
