import type { FieldError } from '../errors.ts';
import { REGISTER_COUNTRIES } from '../register/party-key.ts';
import { country, email, FieldErrors, text, website } from './field-rules.ts';
import { rawStep } from './raw-input.ts';
import { checkLegalEntityNumber, type LegalEntityScheme } from './legal-entity-number.ts';
import {
  REQUESTED_ROLES,
  type ApplicationData,
  type ApplicationStep,
  type RawApplicant,
  type RawCompany,
  type RawInvoice,
  type RawRequest,
  type RequestedRole,
} from './steps.ts';

/** Checks that need reference data the domain does not hold (VAT checksums, phone plans). */
export interface ExternalChecks {
  /** A VAT number with its country prefix; the normalised form (`BE0403170701`) or undefined. */
  vatNumber(raw: string): string | undefined;
  /** A phone number, international or national to `country`; E.164 form or undefined. */
  phoneNumber(raw: string, country: string | undefined): string | undefined;
}

export interface RequestValues {
  readonly role: RequestedRole;
  readonly countries: readonly string[];
  readonly code: string;
}
export interface CompanyValues {
  readonly legalName: string;
  readonly legalForm: string;
  readonly seatCountry: string;
  readonly street: string;
  readonly postalCode: string;
  readonly city: string;
  readonly website: string | null;
  readonly legalEntityNumber: string;
  readonly legalEntityScheme: LegalEntityScheme;
  readonly vatNumber: string | null;
}
export interface ApplicantValues {
  readonly name: string;
  readonly jobTitle: string;
  readonly email: string;
  readonly phone: string;
}
export interface InvoiceValues {
  readonly street: string;
  readonly postalCode: string;
  readonly city: string;
  readonly country: string;
  readonly email: string;
  readonly vatNumber: string | null;
  readonly purchaseOrder: string | null;
}

/** The normalised values when the step is valid, else undefined; the errors either way. */
export interface StepResult<T> {
  readonly values: T | undefined;
  readonly errors: readonly FieldError[];
}

function done<T>(errors: FieldErrors, values: T): StepResult<T> {
  return errors.list.length === 0
    ? { values, errors: [] }
    : { values: undefined, errors: errors.list };
}

const CODE = /^[A-Z0-9]{3}$/;

/** The code alone (`ABC`), any case; `BE*ABC` and friends are accepted for the country given. */
export function partyCode(errors: FieldErrors, name: string, raw: string): string | undefined {
  const value = text(errors, name, raw, { max: 10, required: true });
  if (value === undefined) return undefined;
  const upper = value.toUpperCase().replace(/^[A-Z]{2}[*-]?(?=[A-Z0-9]{3}$)/, '');
  if (!CODE.test(upper)) {
    errors.add(name, 'invalid_party_code');
    return undefined;
  }
  return upper;
}

/** Requested countries: some of BE, NL, LU, each once, in that order. */
export function registerCountries(
  errors: FieldErrors,
  name: string,
  raw: readonly string[],
): string[] | undefined {
  const wanted = new Set(raw.map((c) => c.trim().toUpperCase()));
  if (wanted.size === 0) {
    errors.add(name, 'required');
    return undefined;
  }
  if ([...wanted].some((c) => !(REGISTER_COUNTRIES as readonly string[]).includes(c))) {
    errors.add(name, 'invalid_choice');
    return undefined;
  }
  return REGISTER_COUNTRIES.filter((c) => wanted.has(c));
}

export function validateRequest(raw: RawRequest): StepResult<RequestValues> {
  const errors = new FieldErrors('request');
  const roleText = raw.role
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '_');
  const role = REQUESTED_ROLES.find((r) => r === roleText);
  if (roleText === '') errors.add('role', 'required');
  else if (role === undefined) errors.add('role', 'invalid_choice');
  const countries = registerCountries(errors, 'countries', raw.countries);
  const code = partyCode(errors, 'code', raw.code);
  return done(errors, { role: role ?? 'CPO', countries: countries ?? [], code: code ?? '' });
}

const LEGAL_ENTITY_ERROR: Readonly<Record<LegalEntityScheme, string>> = {
  BE_KBO: 'invalid_enterprise_number',
  NL_KVK: 'invalid_kvk_number',
  LU_RCS: 'invalid_rcs_number',
  OTHER: 'invalid_value',
};

function legalEntityNumber(errors: FieldErrors, seat: string, raw: string) {
  const result = checkLegalEntityNumber(seat, raw.normalize('NFC'));
  if (result.ok) {
    return text(errors, 'legalEntityNumber', result.display, { max: 60, required: true })
      ? result
      : undefined;
  }
  if (result.reason === 'empty') errors.add('legalEntityNumber', 'required');
  else if (result.reason === 'too_long') errors.add('legalEntityNumber', 'too_long', { limit: 60 });
  else errors.add('legalEntityNumber', LEGAL_ENTITY_ERROR[result.scheme]);
  return undefined;
}

function vat(errors: FieldErrors, name: string, raw: string, checks: ExternalChecks) {
  const value = text(errors, name, raw, { max: 30, required: false });
  if (value === undefined) return null;
  const normalized = checks.vatNumber(value);
  if (normalized === undefined) errors.add(name, 'invalid_vat_number');
  return normalized ?? null;
}

export function validateCompany(
  raw: RawCompany,
  checks: ExternalChecks,
): StepResult<CompanyValues> {
  const errors = new FieldErrors('company');
  const required = (name: keyof RawCompany, max: number) =>
    text(errors, name, raw[name], { max, required: true }) ?? '';
  const seatCountry = country(errors, 'seatCountry', raw.seatCountry) ?? '';
  const number = legalEntityNumber(errors, seatCountry, raw.legalEntityNumber);
  return done(errors, {
    legalName: required('legalName', 200),
    legalForm: required('legalForm', 100),
    seatCountry,
    street: required('street', 200),
    postalCode: required('postalCode', 20),
    city: required('city', 100),
    website: website(errors, 'website', raw.website) ?? null,
    legalEntityNumber: number?.display ?? '',
    legalEntityScheme: number?.scheme ?? 'OTHER',
    vatNumber: vat(errors, 'vatNumber', raw.vatNumber, checks),
  });
}

export function validateApplicant(
  raw: RawApplicant,
  checks: ExternalChecks,
  seatCountry: string | undefined,
): StepResult<ApplicantValues> {
  const errors = new FieldErrors('applicant');
  const phoneText = text(errors, 'phone', raw.phone, { max: 40, required: true });
  const phone = phoneText === undefined ? undefined : checks.phoneNumber(phoneText, seatCountry);
  if (phoneText !== undefined && phone === undefined) errors.add('phone', 'invalid_phone');
  return done(errors, {
    name: text(errors, 'name', raw.name, { max: 200, required: true }) ?? '',
    jobTitle: text(errors, 'jobTitle', raw.jobTitle, { max: 100, required: true }) ?? '',
    email: email(errors, 'email', raw.email) ?? '',
    phone: phone ?? '',
  });
}

export function validateInvoice(
  raw: RawInvoice,
  checks: ExternalChecks,
): StepResult<InvoiceValues> {
  const errors = new FieldErrors('invoice');
  const required = (name: keyof RawInvoice, max: number) =>
    text(errors, name, raw[name], { max, required: true }) ?? '';
  return done(errors, {
    street: required('street', 200),
    postalCode: required('postalCode', 20),
    city: required('city', 100),
    country: country(errors, 'country', raw.country) ?? '',
    email: email(errors, 'email', raw.email) ?? '',
    vatNumber: vat(errors, 'vatNumber', raw.vatNumber, checks),
    purchaseOrder:
      text(errors, 'purchaseOrder', raw.purchaseOrder, { max: 100, required: false }) ?? null,
  });
}

export interface ValidatedApplication {
  readonly request: StepResult<RequestValues>;
  readonly company: StepResult<CompanyValues>;
  readonly applicant: StepResult<ApplicantValues>;
  readonly invoice: StepResult<InvoiceValues>;
}

/** Every step checked; a step never saved is checked as empty, so it reports `required`. */
export function validateApplication(
  data: ApplicationData,
  checks: ExternalChecks,
): ValidatedApplication {
  const company = data.company ?? rawStep('company', {});
  const seat = company.seatCountry.trim().toUpperCase();
  return {
    request: validateRequest(data.request ?? rawStep('request', {})),
    company: validateCompany(company, checks),
    applicant: validateApplicant(
      data.applicant ?? rawStep('applicant', {}),
      checks,
      seat === '' ? undefined : seat,
    ),
    invoice: validateInvoice(data.invoice ?? rawStep('invoice', {}), checks),
  };
}

/** One step of the application, as saved (a step never saved counts as empty). */
export function validateStep(
  step: ApplicationStep,
  data: ApplicationData,
  checks: ExternalChecks,
): StepResult<unknown> {
  return validateApplication(data, checks)[step];
}
