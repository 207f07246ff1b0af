import { DomainError } from '../../domain/errors.ts';

/** Opaque pagination cursors: clients pass back what they were given and never build one. */
export function encodeCursor(lastKey: string): string {
  return Buffer.from(JSON.stringify({ k: lastKey }), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      typeof value === 'object' &&
      value !== null &&
      'k' in value &&
      typeof value.k === 'string' &&
      /^[A-Z]{2}[A-Z0-9]{3}$/.test(value.k)
    ) {
      return value.k;
    }
  } catch {
    // Not JSON: handled below as an invalid cursor, like any other malformed value.
  }
  throw new DomainError('validation_failed', {}, [{ field: 'cursor', code: 'invalid_value' }]);
}
