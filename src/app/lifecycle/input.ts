import { ASSIGNED_COUNTRY_CODES } from '../../domain/emobility-id/country-codes.ts';
import { DomainError, type FieldError } from '../../domain/errors.ts';
import {
  reasonAllowed,
  type LifecycleOperation,
  type PublicReason,
} from '../../domain/register/lifecycle-rules.ts';

// C0 and C1 control characters, DEL and the line separators; long texts may have line breaks.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
// eslint-disable-next-line no-control-regex
const CONTROL_MULTILINE = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/;
const MARKUP = /[<>]/;
const COUNTRIES = new Set(ASSIGNED_COUNTRY_CODES);

/** The longest internal reason or note kept in the audit trail. */
export const REASON_MAX = 1000;
/** The longest name (legal or trading) of a holder. */
export const NAME_MAX = 200;

/** Collects field errors; `check()` throws them all at once as `validation_failed`. */
export class Fields {
  readonly errors: FieldError[] = [];

  add(field: string, code: string, params?: Readonly<Record<string, string | number>>): void {
    if (this.errors.some((e) => e.field === field)) return;
    this.errors.push(params === undefined ? { field, code } : { field, code, params });
  }

  /** Trimmed text, or null when empty; records `required`, `too_long`, `invalid_characters`. */
  text(field: string, raw: string, max: number, required: boolean, multiline = false) {
    const value = raw.normalize('NFC').trim();
    if (value === '') {
      if (required) this.add(field, 'required');
      return null;
    }
    if (value.length > max) {
      this.add(field, 'too_long', { limit: max });
      return null;
    }
    const control = multiline ? CONTROL_MULTILINE : CONTROL;
    if (control.test(value) || (!multiline && MARKUP.test(value))) {
      this.add(field, 'invalid_characters');
      return null;
    }
    return multiline ? value.replace(/\r\n?/g, '\n') : value.replace(/\s{2,}/g, ' ');
  }

  /** The admin's own words on why: required, kept for the audit trail only. */
  reason(raw: string, field = 'reason'): string {
    return this.text(field, raw, REASON_MAX, true, true) ?? '';
  }

  /** One of the public reasons the operation may give. */
  publicReason(operation: LifecycleOperation, raw: string): PublicReason {
    const value = raw.trim();
    if (value === '') this.add('publicReason', 'required');
    else if (!reasonAllowed(operation, value)) this.add('publicReason', 'invalid_value');
    return value as PublicReason;
  }

  /** An ISO 3166-1 alpha-2 country, any case, or null when empty. */
  country(field: string, raw: string): string | null {
    const value = raw.trim().toUpperCase();
    if (value === '') return null;
    if (!COUNTRIES.has(value)) {
      this.add(field, 'invalid_country');
      return null;
    }
    return value;
  }

  /** A website as typed (`www.example.com` or a full `https://` URL), or null when empty. */
  website(field: string, raw: string): string | null {
    const value = this.text(field, raw, NAME_MAX, false);
    if (value === null) return null;
    if (/\s/.test(value) || !/^(https?:\/\/)?[\w.-]+\.[a-z]{2,}(\/\S*)?$/i.test(value)) {
      this.add(field, 'invalid_website');
      return null;
    }
    return value;
  }

  check(): void {
    if (this.errors.length > 0) throw new DomainError('validation_failed', {}, this.errors);
  }
}

/** A use case refused because of the state things are in (not the input): `conflict`. */
export function conflict(reason: string, params: Readonly<Record<string, string>> = {}): never {
  throw new DomainError('conflict', { reason, ...params });
}
