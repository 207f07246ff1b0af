import type { FieldError } from '../errors.ts';
import { ASSIGNED_COUNTRY_CODES } from '../emobility-id/country-codes.ts';

// C0 and C1 control characters, DEL, and the line and paragraph separators.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
/** Markup has no place in a name or an address; refusing it says so plainly. */
const MARKUP = /[<>]/;

export interface TextRule {
  readonly max: number;
  readonly required: boolean;
}

/** Collects field errors while a step is checked. */
export class FieldErrors {
  readonly list: FieldError[] = [];

  constructor(private readonly prefix: string) {}

  add(name: string, code: string, params?: Readonly<Record<string, string | number>>): void {
    const field = `${this.prefix}.${name}`;
    this.list.push(params === undefined ? { field, code } : { field, code, params });
  }

  has(name: string): boolean {
    return this.list.some((e) => e.field === `${this.prefix}.${name}`);
  }
}

/**
 * Trims, folds inner runs of spaces, and checks presence, length and characters. Answers the
 * cleaned value, or `undefined` when the field is empty or wrong (the error is recorded).
 */
export function text(
  errors: FieldErrors,
  name: string,
  raw: string,
  rule: TextRule,
): string | undefined {
  const value = raw.normalize('NFC').trim();
  if (value === '') {
    if (rule.required) errors.add(name, 'required');
    return undefined;
  }
  if (value.length > rule.max) {
    errors.add(name, 'too_long', { limit: rule.max });
    return undefined;
  }
  if (CONTROL.test(value) || MARKUP.test(value)) {
    errors.add(name, 'invalid_characters');
    return undefined;
  }
  return value.replace(/ {2,}/g, ' ');
}

const COUNTRIES = new Set(ASSIGNED_COUNTRY_CODES);

/** An ISO 3166-1 alpha-2 code, any case. */
export function country(errors: FieldErrors, name: string, raw: string): string | undefined {
  const value = text(errors, name, raw, { max: 2, required: true });
  if (value === undefined) return undefined;
  const upper = value.toUpperCase();
  if (!COUNTRIES.has(upper)) {
    errors.add(name, 'invalid_country');
    return undefined;
  }
  return upper;
}

// Deliberately plain: one @, no spaces, a dot in the domain. Whether the address exists is for
// the mail to find out.
const EMAIL = /^[^\s@"(),:;<>[\\\]]+@[^\s@"(),:;<>[\\\]]+\.[^\s@"(),:;<>[\\\].]{2,}$/;

/** An e-mail address, its domain in lower case. */
export function email(errors: FieldErrors, name: string, raw: string): string | undefined {
  const value = text(errors, name, raw, { max: 254, required: true });
  if (value === undefined) return undefined;
  if (!EMAIL.test(value)) {
    errors.add(name, 'invalid_email');
    return undefined;
  }
  const at = value.lastIndexOf('@');
  return `${value.slice(0, at)}@${value.slice(at + 1).toLowerCase()}`;
}

/** A web address; `example.com` is read as `https://example.com`. */
export function website(errors: FieldErrors, name: string, raw: string): string | undefined {
  const value = text(errors, name, raw, { max: 300, required: false });
  if (value === undefined) return undefined;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`;
  const url = URL.canParse(withScheme) ? new URL(withScheme) : undefined;
  if (
    url === undefined ||
    !['http:', 'https:'].includes(url.protocol) ||
    !url.hostname.includes('.') ||
    url.username !== '' ||
    /\s/.test(value)
  ) {
    errors.add(name, 'invalid_website');
    return undefined;
  }
  return url.href;
}
