import type { IdKind, InvalidIdResult, Reason } from './types.ts';

/**
 * Builds an invalid result; `position` is left out entirely when no single character is to
 * blame (undefined, or a negative "not found" index).
 */
export function invalid(
  kind: IdKind,
  detected: boolean,
  reason: Reason,
  position?: number,
): InvalidIdResult {
  if (position === undefined || position < 0) return { valid: false, kind, detected, reason };
  return { valid: false, kind, detected, reason, position };
}
