import { DomainError } from '../../domain/errors.ts';

/** Longest address SMTP can carry (RFC 5321 path limit). */
export const MAX_EMAIL_LENGTH = 254;

// Deliberately loose: one @, no blanks or angle brackets, a dot in the domain. The mail proves it.
const SHAPE = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/u;

/** The address trimmed and in lower case, or why it cannot be one. */
export function normaliseEmail(
  input: unknown,
): { ok: true; value: string } | { ok: false; reason: 'required' | 'too_long' | 'invalid_email' } {
  if (typeof input !== 'string' || input.trim() === '') return { ok: false, reason: 'required' };
  const value = input.trim().toLowerCase();
  if (value.length > MAX_EMAIL_LENGTH) return { ok: false, reason: 'too_long' };
  if (!SHAPE.test(value)) return { ok: false, reason: 'invalid_email' };
  return { ok: true, value };
}

/** As `normaliseEmail`, throwing a field error for the `email` field. */
export function requireEmail(input: unknown): string {
  const email = normaliseEmail(input);
  if (email.ok) return email.value;
  const params = email.reason === 'too_long' ? { limit: MAX_EMAIL_LENGTH } : undefined;
  throw new DomainError('validation_failed', {}, [
    { field: 'email', code: email.reason, ...(params && { params }) },
  ]);
}
