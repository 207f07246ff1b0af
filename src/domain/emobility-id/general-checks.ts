import { invalid } from './result.ts';
import { SCAN } from './scan-input.ts';
import type { IdKind, InvalidIdResult } from './types.ts';

/** ECMAScript `\s` with the `u` flag, as rule G-2 defines whitespace. */
const WHITESPACE = /\s/u;

/** The separators a kind admits (rule G-3). */
export interface SeparatorPolicy {
  readonly star: boolean;
  readonly hyphen: boolean;
}

/**
 * Rules G-1, G-2, G-3 and the legacy-DIN test in the order G-6 prescribes, read from the scan
 * of `input` that the caller has just made.
 */
export function checkGeneral(
  input: string,
  kind: IdKind,
  detected: boolean,
  separators: SeparatorPolicy,
  isLegacy: (input: string) => boolean,
): InvalidIdResult | undefined {
  if (input.length === 0) return invalid(kind, detected, 'empty');
  if (SCAN.firstNonPrintable >= 0) {
    return outsidePrintable(input, kind, detected, SCAN.firstNonPrintable);
  }
  if (isLegacy(input)) return invalid(kind, detected, 'legacy_din_format');
  const firstBad = firstBadCharacter(separators);
  if (firstBad >= 0) return invalid(kind, detected, 'bad_character', firstBad);
  return undefined;
}

function firstBadCharacter(separators: SeparatorPolicy): number {
  let first = SCAN.firstOther;
  if (!separators.star && SCAN.firstStar >= 0 && (first < 0 || SCAN.firstStar < first)) {
    first = SCAN.firstStar;
  }
  if (!separators.hyphen && SCAN.firstHyphen >= 0 && (first < 0 || SCAN.firstHyphen < first)) {
    first = SCAN.firstHyphen;
  }
  return first;
}

/**
 * Whitespace anywhere outranks a non-printable character earlier in the input (G-2 before G-3),
 * so the rare input that has either is read again from there. Every whitespace character is
 * outside U+0021–U+007E, so none can come before the first non-printable one.
 */
function outsidePrintable(
  input: string,
  kind: IdKind,
  detected: boolean,
  firstNonPrintable: number,
): InvalidIdResult {
  for (let i = firstNonPrintable; i < input.length; i++) {
    const code = input.charCodeAt(i);
    if ((code < 0x21 || code > 0x7e) && WHITESPACE.test(String.fromCharCode(code))) {
      return invalid(kind, detected, 'whitespace', i);
    }
  }
  return invalid(kind, detected, 'non_printable_ascii', firstNonPrintable);
}
