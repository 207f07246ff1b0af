import { validateId } from '../emobility-id/index.ts';

/** The countries whose codes this register issues. */
export const REGISTER_COUNTRIES = ['BE', 'NL', 'LU'] as const;
export type RegisterCountry = (typeof REGISTER_COUNTRIES)[number];

export function isRegisterCountry(value: unknown): value is RegisterCountry {
  return typeof value === 'string' && (REGISTER_COUNTRIES as readonly string[]).includes(value);
}

/** A party code's identity: country and three characters, upper case (codes are case-insensitive). */
export interface PartyKey {
  readonly country: string;
  readonly code: string;
}

/** `BEABC`: the compact form, used as the code's key everywhere. */
export function compactKey(key: PartyKey): string {
  return `${key.country}${key.code}`;
}

/** `BE*ABC`: a code's key (`BEABC`) as people write it, with eMI3's separator. */
export function displayKey(key: string): string {
  return `${key.slice(0, 2)}*${key.slice(2)}`;
}

/** Reads a party ID in any accepted spelling (`be*abc`, `BE-ABC`, `BEABC`). */
export function parsePartyKey(input: string): PartyKey | undefined {
  const result = validateId(input, 'party');
  if (!result.valid || result.parts === undefined) return undefined;
  return { country: result.parts.country, code: result.parts.partyCode };
}

/** Reads a country code and party code given apart, as in `/parties/{countryCode}/{partyId}`. */
export function partyKeyOf(country: string, code: string): PartyKey | undefined {
  if (country.length !== 2 || code.length !== 3) return undefined;
  return parsePartyKey(`${country}${code}`);
}
