import { isAsciiLetter } from './char-class.ts';
import { checkCharacterOf } from './check-character.ts';
import { isAssignedCountryCode } from './country-codes.ts';
import { separatedDisplay } from './display.ts';
import { checkGeneral } from './general-checks.ts';
import { isLegacyDinContract } from './legacy-din.ts';
import { partyStrings } from './party-strings.ts';
import { invalid } from './result.ts';
import { SCAN } from './scan-input.ts';
import type { IdResult } from './types.ts';

// Char codes are module-local: an imported binding costs a load on every use on this hot path.
const HYPHEN = 0x2d;
const UPPER_CASE_MASK = 0xdf;

const SEPARATORS = { star: false, hyphen: true };
const WITHOUT_CHECK = 14;
const WITH_CHECK = 15;
const CODE_C = 0x43;

/** C-7 is judged on letters and digits only, which the scan has already counted. */
function isLegacyContract(input: string): boolean {
  return isLegacyDinContract(input, SCAN.alnum);
}

/**
 * Contract ID (eMAID) in the eMI3/IDRR profile, `CC[-]PPP[-]C8[[-]K]` (rules C-1 to C-7).
 * The check character is optional on input and always present in the normalised form. Reads
 * the scan of `input` that validateId has just made.
 */
export function validateEmaid(input: string, detected: boolean): IdResult {
  const failure = checkGeneral(input, 'emaid', detected, SEPARATORS, isLegacyContract);
  if (failure !== undefined) return failure;
  const hyphens = SCAN.hyphens;
  const characters = input.length - hyphens;
  if (characters !== WITHOUT_CHECK && characters !== WITH_CHECK) {
    return invalid('emaid', detected, 'bad_length');
  }
  if (hyphens > 0 && !hyphensInPlace(input, hyphens, characters === WITH_CHECK)) {
    const misplaced = misplacedHyphen(input, characters === WITH_CHECK);
    return invalid('emaid', detected, 'separator_placement', misplaced);
  }
  const typeIndex = hyphens > 0 ? 7 : 5;
  if ((input.charCodeAt(typeIndex) & UPPER_CASE_MASK) !== CODE_C) {
    return invalid('emaid', detected, 'wrong_id_type', typeIndex);
  }
  const first = input.charCodeAt(0);
  const second = input.charCodeAt(1);
  if (!isAsciiLetter(first)) return invalid('emaid', detected, 'bad_country_code', 0);
  if (!isAsciiLetter(second)) return invalid('emaid', detected, 'bad_country_code', 1);
  if (!isAssignedCountryCode(first, second)) {
    return invalid('emaid', detected, 'unknown_country_code', 0);
  }
  return checkedEmaid(input, detected, characters === WITH_CHECK);
}

/** Rule C-5/C-6 on a structurally valid eMAID; `checkDigit` is reported on a mismatch too. */
function checkedEmaid(input: string, detected: boolean, hasCheck: boolean): IdResult {
  const hyphenated = SCAN.hyphens > 0;
  const party = partyStrings(input, hyphenated ? 3 : 2);
  const upper = SCAN.hasLower ? input.toUpperCase() : input;
  const compact = hyphenated ? party.compact + withoutHyphens(upper, hasCheck) : upper;
  const check = checkCharacterOf(compact);
  if (hasCheck && compact.charCodeAt(WITHOUT_CHECK) !== check.charCodeAt(0)) {
    return {
      valid: false,
      kind: 'emaid',
      detected,
      reason: 'check_digit_mismatch',
      checkDigit: check,
      position: input.length - 1,
    };
  }
  const normalized = hasCheck ? compact : compact + check;
  const instance = compact.slice(6, WITHOUT_CHECK);
  // A fully hyphenated upper-case input with its check character is its own separated form.
  const separated = hyphenated && hasCheck ? upper : `${party.emsp}-C${instance}-${check}`;
  return {
    valid: true,
    kind: 'emaid',
    detected,
    normalized,
    checkDigit: check,
    parts: {
      country: party.country,
      partyCode: party.partyCode,
      type: 'C',
      instance,
      checkCharacter: check,
    },
    display: separatedDisplay(normalized, separated, party),
  };
}

/** Instance and check of `CC-PPP-IIIIIIIII[-K]`, whose hyphens sit at indices 2, 6 and 16. */
function withoutHyphens(hyphenated: string, hasCheck: boolean): string {
  return hasCheck ? hyphenated.slice(7, 16) + hyphenated.slice(17) : hyphenated.slice(7);
}

/** The common case in constant time: as many hyphens as places, and each place has one. */
function hyphensInPlace(input: string, hyphens: number, hasCheck: boolean): boolean {
  return (
    hyphens === (hasCheck ? 3 : 2) &&
    input.charCodeAt(2) === HYPHEN &&
    input.charCodeAt(6) === HYPHEN &&
    (!hasCheck || input.charCodeAt(16) === HYPHEN)
  );
}

/**
 * Hyphens are all or none (C-2): compares the input with the fully hyphenated layout and returns
 * the first index where a hyphen is missing or stray. With the letter/digit count fixed, any
 * deviation shows up before the end of the input.
 */
function misplacedHyphen(input: string, hasCheck: boolean): number {
  for (let i = 0; i < input.length; i++) {
    const expected = i === 2 || i === 6 || (hasCheck && i === 16);
    if ((input.charCodeAt(i) === HYPHEN) !== expected) return i;
  }
  return -1;
}
