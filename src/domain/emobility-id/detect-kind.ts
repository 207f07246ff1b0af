import { isLegacyDinContract, isLegacyDinEvse, isLegacyDinOperator } from './legacy-din.ts';
import { SCAN, scanInput } from './scan-input.ts';
import type { IdKind } from './types.ts';

/** Letters/digits before the type character: country (2) and party code (3). */
const PREFIX_LENGTH = 5;

/**
 * Guesses the kind of an identifier from its shape, for callers that do not say which kind they
 * hold (documented with examples in docs/id-detection.md):
 *
 * 1. The sixth ASCII letter/digit, skipping every other character, is the type character:
 *    `E`, `P`, `S` (any case) give evse, pool, station; `C` gives emaid. Separators do not take
 *    part, so `BE-BEC-E041503003` is an EVSE ID (and is then rejected for its hyphens).
 * 2. With no sixth letter/digit: a DIN operator (`+49*536`) is a party ID; two or more `*`
 *    (`NL*TNM*`) mean an EVSE ID that stops before its type; anything else is a party ID.
 * 3. When the sixth letter/digit is something else: DIN EVSE (`+49*810*000*438`) → evse, DIN
 *    operator → party, DIN contract (`NL-TNM-122045-0`) → emaid; six letters/digits with at most
 *    one separator (`NLTNMA`) → party; otherwise any `*` → evse, any `-` → emaid, 13 to 16
 *    letters/digits without separators (`NLTNM000122045`) → emaid, and the rest → evse.
 * 4. The empty string is reported as evse, the most common kind.
 *
 * The checkdigit kind is never detected: a bare 14-character payload is also an eMAID without its
 * check character, and emaid is the more useful reading.
 */
export function detectKind(input: string): IdKind {
  scanInput(input);
  return detectScannedKind(input);
}

/** Rule 1 from the scan of `input` that the caller has just made. */
export function detectScannedKind(input: string): IdKind {
  switch (SCAN.typeCode) {
    case 0x45:
    case 0x65:
      return 'evse';
    case 0x50:
    case 0x70:
      return 'pool';
    case 0x53:
    case 0x73:
      return 'station';
    case 0x43:
    case 0x63:
      return 'emaid';
    default:
      return guessWithoutType(input);
  }
}

/** Rules 2 to 4: no usable type character, so judge by separators, length and legacy shapes. */
function guessWithoutType(input: string): IdKind {
  if (input.length === 0) return 'evse';
  const { stars, hyphens, alnum } = SCAN;
  if (isLegacyDinEvse(input)) return 'evse';
  if (isLegacyDinOperator(input)) return 'party';
  if (isLegacyDinContract(input, alnum)) return 'emaid';
  if (alnum <= PREFIX_LENGTH) return stars >= 2 ? 'evse' : 'party';
  if (alnum === PREFIX_LENGTH + 1 && stars + hyphens <= 1) return 'party';
  if (stars > 0) return 'evse';
  if (hyphens > 0) return 'emaid';
  return alnum >= 13 && alnum <= 16 ? 'emaid' : 'evse';
}
