import type { FieldError } from '../errors.ts';
import type { Role } from '../register/roles.ts';
import type { Availability } from './code-availability.ts';
import { REGISTER_COUNTRIES } from '../register/party-key.ts';
import type { RequestedRole } from './steps.ts';

/** A request for CPO and eMSP together gets one code for both roles. */
export function rolesOf(requested: RequestedRole): readonly Role[] {
  switch (requested) {
    case 'BOTH':
      return ['CPO', 'EMSP'];
    case 'CPO':
      return ['CPO'];
    case 'EMSP':
      return ['EMSP'];
    case 'LOCATION_OWNER':
      return ['LOCATION_OWNER'];
  }
}

export interface CrossStepFacts {
  readonly countries: readonly string[];
  readonly seatCountry: string;
  /** Whether the organisation already holds a code of this register (in any status). */
  readonly holdsCode: boolean;
  /** The code's availability in each requested country. */
  readonly availability: Readonly<Record<string, Availability>>;
}

const AVAILABILITY_ERROR: Readonly<Record<Exclude<Availability, 'free'>, string>> = {
  taken: 'code_taken',
  reserved: 'code_reserved',
  quarantined: 'code_quarantined',
};

/**
 * The rules across steps. The first code of a holder is for the country of its legal seat; a
 * holder seated outside the Benelux may start in any of its countries. The code must be free in
 * every requested country.
 */
export function crossStepErrors(facts: CrossStepFacts): FieldError[] {
  const errors: FieldError[] = [];
  const seatServed = (REGISTER_COUNTRIES as readonly string[]).includes(facts.seatCountry);
  if (!facts.holdsCode && seatServed && !facts.countries.includes(facts.seatCountry)) {
    errors.push({
      field: 'request.countries',
      code: 'first_code_not_in_seat_country',
      params: { country: facts.seatCountry },
    });
  }
  for (const country of facts.countries) {
    const availability = facts.availability[country] ?? 'free';
    if (availability !== 'free') {
      errors.push({
        field: 'request.code',
        code: AVAILABILITY_ERROR[availability],
        params: { country },
      });
    }
  }
  return errors;
}
