import {
  availabilityOf,
  nearbyCodes,
  type Availability,
} from '../../domain/application/code-availability.ts';
import { FieldErrors } from '../../domain/application/field-rules.ts';
import { partyCode, registerCountries } from '../../domain/application/validate-steps.ts';
import { DomainError } from '../../domain/errors.ts';
import { REGISTER_COUNTRIES } from '../../domain/register/party-key.ts';
import { foldForSearch } from '../../domain/register/search-text.ts';
import type { AvailabilityReader } from './ports.ts';

export interface CountryAvailability {
  readonly country: string;
  /** Compact key, `BEABC`. */
  readonly key: string;
  readonly availability: Availability;
}

/** A record of another register holding the same code in another country: a warning only. */
export interface HeldAbroad {
  readonly country: string;
  readonly registry: string;
  readonly organisationName: string | null;
  readonly role: string;
  readonly status: string;
  readonly source: string | null;
  readonly retrievedAt: string;
}

export interface AvailabilityReport {
  readonly code: string;
  readonly countries: readonly CountryAvailability[];
  /** Free in every requested country. */
  readonly available: boolean;
  readonly heldAbroad: readonly HeldAbroad[];
  /** Up to five nearby codes free in every requested country, closest first. */
  readonly alternatives: readonly string[];
}

export interface AvailabilityQuery {
  readonly code: string;
  readonly countries: readonly string[];
  /** The applicant's own company: its records abroad are not someone else's. */
  readonly companyName?: string;
}

const MAX_ALTERNATIVES = 5;

/** The availability of one code in each country given. */
export async function availabilityIn(
  register: AvailabilityReader,
  code: string,
  countries: readonly string[],
): Promise<CountryAvailability[]> {
  return Promise.all(
    countries.map(async (country) => {
      const key = `${country}${code}`;
      const [held, reservation] = await Promise.all([
        register.findParty(key),
        register.reservation(key),
      ]);
      const availability = availabilityOf({
        heldStatus: held?.status ?? null,
        onReservedList: reservation !== undefined,
      });
      return { country, key, availability };
    }),
  );
}

/** What other registers say about the code outside the Benelux; not the company's own records. */
export async function heldAbroad(
  register: AvailabilityReader,
  code: string,
  companyName: string | undefined,
): Promise<HeldAbroad[]> {
  const own = companyName === undefined ? '' : foldForSearch(companyName);
  const records = await register.federatedByCode(code);
  return records
    .filter((r) => !(REGISTER_COUNTRIES as readonly string[]).includes(r.country))
    .filter((r) => {
      const names = [r.legalName, r.organizationName].filter((n) => n !== null);
      return own === '' || !names.some((n) => foldForSearch(n) === own);
    })
    .map((r) => ({
      country: r.country,
      registry: r.registryId,
      organisationName: r.legalName ?? r.organizationName,
      role: r.role,
      status: r.status,
      source: r.sourceUrl,
      retrievedAt: r.retrievedAt,
    }));
}

async function alternatives(
  register: AvailabilityReader,
  code: string,
  countries: readonly string[],
): Promise<string[]> {
  const found: string[] = [];
  for (const candidate of nearbyCodes(code)) {
    const states = await availabilityIn(register, candidate, countries);
    if (states.every((s) => s.availability === 'free')) found.push(candidate);
    if (found.length === MAX_ALTERNATIVES) break;
  }
  return found;
}

/**
 * Whether a code can be requested in the countries given, what other registers say about it
 * abroad, and free codes close to it. Bad input is a `validation_failed` with fields `code` and
 * `countries`.
 */
export async function checkAvailability(
  register: AvailabilityReader,
  query: AvailabilityQuery,
): Promise<AvailabilityReport> {
  const errors = new FieldErrors('query');
  const code = partyCode(errors, 'code', query.code);
  const countries = registerCountries(errors, 'countries', query.countries);
  if (code === undefined || countries === undefined) {
    throw new DomainError(
      'validation_failed',
      {},
      errors.list.map((e) => ({ ...e, field: e.field.slice('query.'.length) })),
    );
  }
  const states = await availabilityIn(register, code, countries);
  const abroad = await heldAbroad(register, code, query.companyName);
  const available = states.every((s) => s.availability === 'free');
  return {
    code,
    countries: states,
    available,
    heldAbroad: abroad,
    alternatives:
      available && abroad.length === 0 ? [] : await alternatives(register, code, countries),
  };
}
