import type { TFunction } from 'i18next';
import type { FieldError } from '../../../domain/errors.ts';
import { countryName } from '../register/formatting.ts';

/** One problem, translated, with where to fix it. */
export interface Problem {
  /** The field's name, e.g. `company.legalName`. */
  readonly field: string;
  /** The id of the field's input on its step page, e.g. `company-legalName`. */
  readonly id: string;
  readonly message: string;
}

/** `company.legalName` → `company-legalName`: the input's id on its page. */
export function fieldId(field: string): string {
  return field.replaceAll('.', '-');
}

/**
 * The message for a field error in the page's language: the field's own sentence when there is
 * one ("Enter the company's legal name"), else the general sentence for the error code.
 */
export function problemOf(lang: string, t: TFunction, error: FieldError): Problem {
  const params: Record<string, string | number> = { ...error.params };
  if (typeof params.country === 'string') params.country = countryName(lang, params.country);
  const general = t(`problems:field.${error.code}`, {
    ...params,
    defaultValue: t('apply:fieldErrors.invalid'),
  });
  const message = t(`apply:fieldErrors.${error.field}.${error.code}`, {
    ...params,
    defaultValue: general,
  });
  return { field: error.field, id: fieldId(error.field), message };
}

export function problemsOf(lang: string, t: TFunction, errors: readonly FieldError[]): Problem[] {
  const seen = new Set<string>();
  return errors
    .map((e) => problemOf(lang, t, e))
    .filter((p) => {
      const key = `${p.id}\u0000${p.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** The first problem of a field, shown beside it. */
export function problemFor(problems: readonly Problem[], field: string): Problem | undefined {
  return problems.find((p) => p.field === field);
}
