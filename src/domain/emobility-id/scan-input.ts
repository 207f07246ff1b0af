/**
 * One kind-independent pass over the input; the kind detection and every kind validator read
 * its record, so each input is read once. Characters are judged as UTF-16 code units of the
 * printable ASCII range before any case folding: `'ı'.toUpperCase()` is `'I'` and `/i` with `/u`
 * matches the Kelvin sign, so folding first would let look-alikes through (rule G-3).
 */
export interface InputScan {
  stars: number;
  hyphens: number;
  /** Printable ASCII characters that are neither letters, digits, `*` nor `-`. */
  others: number;
  /** ASCII letters and digits. */
  alnum: number;
  hasLower: boolean;
  /** Index of the first code unit outside U+0021–U+007E, or -1. */
  firstNonPrintable: number;
  firstStar: number;
  firstHyphen: number;
  firstOther: number;
  /** Code unit and index of the sixth letter/digit, where a type character would be, or -1. */
  typeCode: number;
  typeIndex: number;
  /** Index of the second `*` of the first `**` after the type character, or -1 (rule E-4). */
  doubledStar: number;
  /** Index of the last `*` seen, or -2; how the scan spots `**`. */
  lastStar: number;
}

/**
 * One shared record instead of a fresh object per call: validation is synchronous and the
 * record is consumed before the next scan, and this keeps the hot path free of an allocation.
 */
export const SCAN: InputScan = {
  stars: 0,
  hyphens: 0,
  others: 0,
  alnum: 0,
  hasLower: false,
  firstNonPrintable: -1,
  firstStar: -1,
  firstHyphen: -1,
  firstOther: -1,
  typeCode: -1,
  typeIndex: -1,
  doubledStar: -1,
  lastStar: -2,
};

// Module-local on purpose: an imported binding costs a load on every use in this loop.
const STAR = 0x2a;
const HYPHEN = 0x2d;
/** Letters and digits up to and including the type character: country 2, party 3, type 1. */
const TYPE_POSITION = 6;

/**
 * `(code - low) >>> 0 < size` is a range test with one comparison. Letters and digits, nearly
 * every character of a real ID, stay in local variables; the rarer characters are recorded
 * straight into SCAN by noteOther.
 */
export function scanInput(input: string): void {
  resetScan();
  let alnum = 0;
  let hasLower = false;
  let typeIndex = -1;
  for (let i = 0; i < input.length; i++) {
    const code = input.charCodeAt(i);
    if ((code - 0x41) >>> 0 < 26 || (code - 0x30) >>> 0 < 10) {
      if (++alnum === TYPE_POSITION) typeIndex = i;
    } else if ((code - 0x61) >>> 0 < 26) {
      hasLower = true;
      if (++alnum === TYPE_POSITION) typeIndex = i;
    } else {
      noteOther(code, i, typeIndex);
    }
  }
  SCAN.alnum = alnum;
  SCAN.hasLower = hasLower;
  SCAN.typeIndex = typeIndex;
  SCAN.typeCode = typeIndex < 0 ? -1 : input.charCodeAt(typeIndex);
}

function noteOther(code: number, i: number, typeIndex: number): void {
  if (code === STAR) {
    if (SCAN.stars++ === 0) SCAN.firstStar = i;
    const afterType = typeIndex >= 0 && SCAN.lastStar > typeIndex;
    if (afterType && SCAN.lastStar === i - 1 && SCAN.doubledStar < 0) SCAN.doubledStar = i;
    SCAN.lastStar = i;
  } else if (code === HYPHEN) {
    if (SCAN.hyphens++ === 0) SCAN.firstHyphen = i;
  } else if ((code - 0x21) >>> 0 < 94) {
    if (SCAN.others++ === 0) SCAN.firstOther = i;
  } else if (SCAN.firstNonPrintable < 0) {
    SCAN.firstNonPrintable = i;
  }
}

function resetScan(): void {
  SCAN.stars = 0;
  SCAN.hyphens = 0;
  SCAN.others = 0;
  SCAN.firstNonPrintable = -1;
  SCAN.firstStar = -1;
  SCAN.firstHyphen = -1;
  SCAN.firstOther = -1;
  SCAN.doubledStar = -1;
  SCAN.lastStar = -2;
}
