import { isAsciiLetter } from './char-class.ts';
import { isAssignedCountryCode } from './country-codes.ts';
import { separatedDisplay } from './display.ts';
import { checkGeneral } from './general-checks.ts';
import { isLegacyDinEvse } from './legacy-din.ts';
import { partyStrings } from './party-strings.ts';
import { invalid } from './result.ts';
import { SCAN } from './scan-input.ts';
import type { IdResult, IdTypeCharacter, InvalidIdResult } from './types.ts';

// Char codes are module-local: an imported binding costs a load on every use on this hot path.
const STAR = 0x2a;
const UPPER_CASE_MASK = 0xdf;

export type InfrastructureKind = 'evse' | 'pool' | 'station';

const SEPARATORS = { star: true, hyphen: false };
const TYPE_CHARACTER: Readonly<Record<InfrastructureKind, IdTypeCharacter>> = {
  evse: 'E',
  pool: 'P',
  station: 'S',
};
const TYPE_CODE: Readonly<Record<InfrastructureKind, number>> = {
  evse: 0x45,
  pool: 0x50,
  station: 0x53,
};
/** Country and operator: what precedes the type character apart from top-level `*`. */
const PREFIX_ALNUM = 5;
const MAX_INSTANCE_CHARACTERS = 31;
const MAX_INSTANCE_ALNUM = 30;

/**
 * EVSE, charging pool and charging station IDs `CC[*]OOO[*]T<instance>` (rules E-1 to E-7).
 * The prefix is read left to right and the first character that breaks the grammar is blamed,
 * so the country code is judged before the operator and the type character. Reads the scan of
 * `input` that validateId has just made.
 */
export function validateInfrastructure(
  input: string,
  kind: InfrastructureKind,
  detected: boolean,
): IdResult {
  const failure = checkGeneral(input, kind, detected, SEPARATORS, isLegacyDinEvse);
  if (failure !== undefined) return failure;
  const typeIndex = parsePrefix(input, kind, detected, TYPE_CODE[kind]);
  if (typeof typeIndex !== 'number') return typeIndex;
  const instanceStars = SCAN.stars - (typeIndex - PREFIX_ALNUM);
  const instanceFailure = checkInstance(input, typeIndex + 1, instanceStars, kind, detected);
  if (instanceFailure !== undefined) return instanceFailure;
  if (!isAssignedCountryCode(input.charCodeAt(0), input.charCodeAt(1))) {
    return invalid(kind, detected, 'unknown_country_code', 0);
  }
  return validInfrastructure(input, kind, detected, typeIndex);
}

/**
 * Builds the result from slices of the input: the compact form is the party prefix plus the
 * type and instance without `*`, and an input already written `CC*PPP*T…` in upper case is its
 * own separated form.
 */
function validInfrastructure(
  input: string,
  kind: InfrastructureKind,
  detected: boolean,
  typeIndex: number,
): IdResult {
  const type = TYPE_CHARACTER[kind];
  const operatorStart = input.charCodeAt(2) === STAR ? 3 : 2;
  const topLevelStars = typeIndex - PREFIX_ALNUM;
  const party = partyStrings(input, operatorStart);
  const upper = SCAN.hasLower ? input.toUpperCase() : input;
  const instance = upper.slice(typeIndex + 1);
  const normalized =
    SCAN.stars === 0
      ? upper
      : party.compact + withoutStars(upper, typeIndex, SCAN.stars > topLevelStars);
  const separated = topLevelStars === 2 ? upper : `${party.cpo}*${type}${instance}`;
  return {
    valid: true,
    kind,
    detected,
    normalized,
    parts: { country: party.country, partyCode: party.partyCode, type, instance },
    display: separatedDisplay(normalized, separated, party),
  };
}

/** `text` from `start` with its `*` removed; slicing between them beats replaceAll here. */
function withoutStars(text: string, start: number, hasStars: boolean): string {
  if (!hasStars) return text.slice(start);
  let star = text.indexOf('*', start);
  let result = text.slice(start, star);
  for (;;) {
    const next = text.indexOf('*', star + 1);
    if (next < 0) return result + text.slice(star + 1);
    result += text.slice(star + 1, next);
    star = next;
  }
}

/** Country, optional `*`, operator, optional `*`, type character; returns the type's index. */
function parsePrefix(
  input: string,
  kind: InfrastructureKind,
  detected: boolean,
  type: number,
): InvalidIdResult | number {
  const length = input.length;
  for (let i = 0; i < 2; i++) {
    if (i >= length) return invalid(kind, detected, 'bad_length');
    const code = input.charCodeAt(i);
    if (code === STAR) return invalid(kind, detected, 'bad_format', i);
    if (!isAsciiLetter(code)) return invalid(kind, detected, 'bad_country_code', i);
  }
  let i = input.charCodeAt(2) === STAR ? 3 : 2;
  for (const end = i + 3; i < end; i++) {
    if (i >= length) return invalid(kind, detected, 'bad_length');
    if (input.charCodeAt(i) === STAR) return invalid(kind, detected, 'bad_format', i);
  }
  if (input.charCodeAt(i) === STAR) i++;
  if (i >= length) return invalid(kind, detected, 'bad_length');
  // A second `*` after the operator lands here and is reported as the wrong type (rule E-1).
  if ((input.charCodeAt(i) & UPPER_CASE_MASK) !== type) {
    return invalid(kind, detected, 'wrong_id_type', i);
  }
  return i;
}

/**
 * Instance syntax (E-4) before its length (E-5), so a malformed long instance says why. A
 * leading `*` comes before any `**`, which comes before a trailing `*`, so checking in that order
 * blames the first offending character; the scan has already located any `**`.
 */
function checkInstance(
  input: string,
  start: number,
  instanceStars: number,
  kind: InfrastructureKind,
  detected: boolean,
): InvalidIdResult | undefined {
  const length = input.length;
  if (start >= length) return invalid(kind, detected, 'bad_length');
  if (input.charCodeAt(start) === STAR) return invalid(kind, detected, 'bad_instance', start);
  if (SCAN.doubledStar >= 0) return invalid(kind, detected, 'bad_instance', SCAN.doubledStar);
  if (input.charCodeAt(length - 1) === STAR) {
    return invalid(kind, detected, 'bad_instance', length - 1);
  }
  const characters = length - start;
  if (characters > MAX_INSTANCE_CHARACTERS || characters - instanceStars > MAX_INSTANCE_ALNUM) {
    return invalid(kind, detected, 'instance_too_long');
  }
  return undefined;
}
