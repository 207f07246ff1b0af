import type { PartyStrings } from './party-strings.ts';
import type { IdDisplay, IdParts } from './types.ts';

/**
 * Display forms (rule G-5). Top-level separators are always written the way each community
 * writes them: `*` for operators and infrastructure (eMI3), `-` for providers and contracts.
 */
export function partyDisplay(party: PartyStrings): IdDisplay {
  return { compact: party.compact, partyCpo: party.cpo, partyEmsp: party.emsp };
}

export function partyParts(party: PartyStrings): IdParts {
  return { country: party.country, partyCode: party.partyCode };
}

export function separatedDisplay(
  normalized: string,
  separated: string,
  party: PartyStrings,
): IdDisplay {
  return { compact: normalized, separated, partyCpo: party.cpo, partyEmsp: party.emsp };
}
