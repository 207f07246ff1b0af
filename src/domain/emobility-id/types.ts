/** The identifier kinds of the specification (docs/id-formats.md). */
export const ID_KINDS = ['party', 'evse', 'pool', 'station', 'emaid', 'checkdigit'] as const;
export type IdKind = (typeof ID_KINDS)[number];

/** Why an identifier is invalid; a closed set, stable for API consumers. */
export const REASONS = [
  'empty',
  'whitespace',
  'non_printable_ascii',
  'legacy_din_format',
  'bad_character',
  'bad_format',
  'separator_placement',
  'bad_length',
  'bad_country_code',
  'unknown_country_code',
  'wrong_id_type',
  'bad_instance',
  'instance_too_long',
  'check_digit_mismatch',
] as const;
export type Reason = (typeof REASONS)[number];

/** Type characters of infrastructure IDs (EVSE, pool, station) and of an eMAID instance. */
export const ID_TYPE_CHARACTERS = ['E', 'P', 'S', 'C'] as const;
/** Type character of an infrastructure ID or of an eMAID instance. */
export type IdTypeCharacter = (typeof ID_TYPE_CHARACTERS)[number];

/** The parsed parts of a valid identifier, upper case. */
export interface IdParts {
  /** ISO 3166-1 alpha-2 country code, e.g. `NL`. */
  readonly country: string;
  /** The three-character party (operator / provider) code, e.g. `TNM`. */
  readonly partyCode: string;
  /** The type character; absent for a party ID. */
  readonly type?: IdTypeCharacter;
  /**
   * What follows the type character, upper case. For EVSE, pool and station IDs the internal
   * `*` separators are kept as written (`1*23`); for an eMAID it is the 8 characters after `C`.
   */
  readonly instance?: string;
  /** The eMAID check character (computed when the input had none). */
  readonly checkCharacter?: string;
}

/** Display forms of a valid identifier. */
export interface IdDisplay {
  /** Upper case, no separators: equals `normalized`. */
  readonly compact: string;
  /** With separators: `NL*TNM*E1*23`, `NL-TNM-C00122045-K`; absent for party and checkdigit. */
  readonly separated?: string;
  /** The party prefix in CPO style, `NL*TNM`; absent for checkdigit. */
  readonly partyCpo?: string;
  /** The party prefix in eMSP style, `NL-TNM`; absent for checkdigit. */
  readonly partyEmsp?: string;
}

export interface ValidIdResult {
  readonly valid: true;
  readonly kind: IdKind;
  /** True when no kind was given and it was detected from the shape of the input. */
  readonly detected: boolean;
  readonly normalized: string;
  /** eMAID and checkdigit only. */
  readonly checkDigit?: string;
  /** Absent for the checkdigit kind (a bare payload has no parts). */
  readonly parts?: IdParts;
  readonly display: IdDisplay;
}

export interface InvalidIdResult {
  readonly valid: false;
  /** The kind checked against: the one given, or the one detected (a best guess on bad input). */
  readonly kind: IdKind;
  readonly detected: boolean;
  readonly reason: Reason;
  /** For an eMAID whose check character is wrong: the expected one. */
  readonly checkDigit?: string;
  /**
   * Zero-based index (UTF-16 code unit) in the input of the first character that is wrong, when
   * one character can be blamed; lets a reader see where the problem is.
   */
  readonly position?: number;
}

export type IdResult = ValidIdResult | InvalidIdResult;
