/** The closed set of error codes a use case may raise; the HTTP edge maps each to a status. */
export const ERROR_CODES = [
  'validation_failed',
  'invalid_id',
  'not_found',
  'payload_too_large',
  'unsupported_media_type',
  'not_acceptable',
  'conflict',
  'too_many_requests',
  'unauthorized',
  'forbidden',
  'unprocessable',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** A problem found in one field of the input. `code` is stable; messages are translated at the edge. */
export interface FieldError {
  readonly field: string;
  readonly code: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

/** The one error type use cases throw: a code, what it is about, and no HTTP status. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: Readonly<Record<string, string | number>>;
  readonly fieldErrors: readonly FieldError[];

  constructor(
    code: ErrorCode,
    details: Readonly<Record<string, string | number>> = {},
    fieldErrors: readonly FieldError[] = [],
  ) {
    super(code);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
    this.fieldErrors = fieldErrors;
  }
}
