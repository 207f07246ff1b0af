import {
  STEP_FIELDS,
  type ApplicationStep,
  type RawApplicant,
  type RawCompany,
  type RawInvoice,
  type RawRequest,
} from './steps.ts';

/**
 * What is kept of a field however long it was typed: enough to show the applicant their text
 * beside a `too_long` error, never enough to fill the database. Every field limit is far below.
 */
export const STORED_FIELD_LIMIT = 1000;
const MAX_COUNTRIES = 10;
const MAX_COUNTRY_LENGTH = 10;

function field(value: unknown): string {
  if (typeof value === 'string') return value.slice(0, STORED_FIELD_LIMIT);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

/** A list from a JSON array, a repeated form field, or one comma-separated string. */
function list(value: unknown): string[] {
  const items = Array.isArray(value)
    ? (value as unknown[])
    : typeof value === 'string'
      ? value.split(',')
      : [];
  return items
    .map((item) => field(item).slice(0, MAX_COUNTRY_LENGTH))
    .filter((item) => item.trim() !== '')
    .slice(0, MAX_COUNTRIES);
}

function pick(input: unknown, names: readonly string[]): Record<string, string> {
  const source =
    typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  return Object.fromEntries(
    names.map((name) => [name, field(Object.hasOwn(source, name) ? source[name] : undefined)]),
  );
}

export type RawStep = RawRequest | RawCompany | RawApplicant | RawInvoice;

/**
 * Keeps the known fields of a step from any input, as strings: unknown fields are dropped,
 * missing or non-text values become empty, and every value is cut to the stored limit.
 */
export function rawStep(step: 'request', input: unknown): RawRequest;
export function rawStep(step: 'company', input: unknown): RawCompany;
export function rawStep(step: 'applicant', input: unknown): RawApplicant;
export function rawStep(step: 'invoice', input: unknown): RawInvoice;
export function rawStep(step: ApplicationStep, input: unknown): RawStep;
export function rawStep(step: ApplicationStep, input: unknown): RawStep {
  const values = pick(input, STEP_FIELDS[step]);
  if (step !== 'request') return values as unknown as RawStep;
  const source =
    typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  return {
    role: values.role ?? '',
    code: values.code ?? '',
    countries: list(source.countries),
  };
}
