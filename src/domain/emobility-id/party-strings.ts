/** The strings derived from a country code and party code, upper case. */
export interface PartyStrings {
  readonly country: string;
  readonly partyCode: string;
  /** `NLTNM`, the prefix of every compact ID of the party. */
  readonly compact: string;
  /** `NL*TNM` */
  readonly cpo: string;
  /** `NL-TNM` */
  readonly emsp: string;
}

/**
 * A register holds a few thousand parties and a bulk file repeats the same few many times, so
 * these strings are built once per party instead of five times per ID. Bounded: when full the
 * memo is emptied and refills with the parties currently seen. The strings are immutable, so
 * sharing them between results is safe.
 */
const MAX_ENTRIES = 8192;
const memo = new Map<number, PartyStrings>();

const SYMBOLS = 36;
const UPPER_CASE_MASK = 0xdf;

/** 0-9 → 0-9, A-Z / a-z → 10-35; only called on code units known to be ASCII letters/digits. */
function symbolValue(code: number): number {
  return code <= 0x39 ? code - 0x30 : (code & UPPER_CASE_MASK) - 0x37;
}

/**
 * The party strings of an ID whose country code (indices 0-1, letters) and party code (three
 * letters/digits from `codeStart`) have already been validated; either case.
 */
export function partyStrings(input: string, codeStart: number): PartyStrings {
  const first = input.charCodeAt(0) & UPPER_CASE_MASK;
  const second = input.charCodeAt(1) & UPPER_CASE_MASK;
  const key =
    ((first - 0x41) * 26 + (second - 0x41)) * SYMBOLS * SYMBOLS * SYMBOLS +
    symbolValue(input.charCodeAt(codeStart)) * SYMBOLS * SYMBOLS +
    symbolValue(input.charCodeAt(codeStart + 1)) * SYMBOLS +
    symbolValue(input.charCodeAt(codeStart + 2));
  const known = memo.get(key);
  if (known !== undefined) return known;
  if (memo.size >= MAX_ENTRIES) memo.clear();
  const country = String.fromCharCode(first, second);
  const partyCode = input.slice(codeStart, codeStart + 3).toUpperCase();
  const created: PartyStrings = {
    country,
    partyCode,
    compact: country + partyCode,
    cpo: `${country}*${partyCode}`,
    emsp: `${country}-${partyCode}`,
  };
  memo.set(key, created);
  return created;
}
