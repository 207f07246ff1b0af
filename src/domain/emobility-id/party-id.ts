import { isAsciiLetter } from './char-class.ts';
import { isAssignedCountryCode } from './country-codes.ts';
import { partyDisplay, partyParts } from './display.ts';
import { checkGeneral } from './general-checks.ts';
import { isLegacyDinOperator } from './legacy-din.ts';
import { partyStrings } from './party-strings.ts';
import { invalid } from './result.ts';
import { SCAN } from './scan-input.ts';
import type { IdResult } from './types.ts';

// Char codes are module-local: an imported binding costs a load on every use on this hot path.
const STAR = 0x2a;
const HYPHEN = 0x2d;

const SEPARATORS = { star: true, hyphen: true };
const PARTY_LENGTH = 5;
const SEPARATOR_INDEX = 2;

/**
 * Party / operator / provider ID `CC[*|-]PPP` (rules PA-1 to PA-4). Separator placement is judged
 * before the length so that `NL-TNM-` reads as a stray separator rather than a wrong length.
 * Reads the scan of `input` that validateId has just made.
 */
export function validateParty(input: string, detected: boolean): IdResult {
  const failure = checkGeneral(input, 'party', detected, SEPARATORS, isLegacyDinOperator);
  if (failure !== undefined) return failure;
  const separators = SCAN.stars + SCAN.hyphens;
  if (separators > 0 && !separatorInPlace(input, separators)) {
    return invalid('party', detected, 'bad_format', misplacedSeparator(input));
  }
  if (input.length - separators !== PARTY_LENGTH) return invalid('party', detected, 'bad_length');
  const first = input.charCodeAt(0);
  const second = input.charCodeAt(1);
  if (!isAsciiLetter(first)) return invalid('party', detected, 'bad_country_code', 0);
  if (!isAsciiLetter(second)) return invalid('party', detected, 'bad_country_code', 1);
  if (!isAssignedCountryCode(first, second)) {
    return invalid('party', detected, 'unknown_country_code', 0);
  }
  const party = partyStrings(input, separators === 0 ? 2 : 3);
  return {
    valid: true,
    kind: 'party',
    detected,
    normalized: party.compact,
    parts: partyParts(party),
    display: partyDisplay(party),
  };
}

function separatorInPlace(input: string, separators: number): boolean {
  const code = input.charCodeAt(SEPARATOR_INDEX);
  return separators === 1 && (code === STAR || code === HYPHEN);
}

/** Index of the first separator that is not the single one allowed at index 2, or -1. */
function misplacedSeparator(input: string): number {
  let seen = false;
  for (let i = 0; i < input.length; i++) {
    const code = input.charCodeAt(i);
    if (code !== STAR && code !== HYPHEN) continue;
    if (i !== SEPARATOR_INDEX || seen) return i;
    seen = true;
  }
  return -1;
}
