import { PAYLOAD_LENGTH, checkCharacterOf } from './check-character.ts';
import { checkGeneral } from './general-checks.ts';
import { invalid } from './result.ts';
import { SCAN } from './scan-input.ts';
import type { IdResult } from './types.ts';

const NO_SEPARATORS = { star: false, hyphen: false };

/** A bare payload has no legacy form to recognise. */
function neverLegacy(): boolean {
  return false;
}

/**
 * The `checkdigit` kind (rule CD-1): the bare 14-character payload, which need not be a valid
 * eMAID (published test payloads use `NN`), so only its characters and length are checked.
 * Reads the scan of `input` that validateId has just made.
 */
export function validateCheckdigit(input: string, detected: boolean): IdResult {
  const failure = checkGeneral(input, 'checkdigit', detected, NO_SEPARATORS, neverLegacy);
  if (failure !== undefined) return failure;
  if (input.length !== PAYLOAD_LENGTH) return invalid('checkdigit', detected, 'bad_length');
  const upper = SCAN.hasLower ? input.toUpperCase() : input;
  const check = checkCharacterOf(upper);
  const normalized = upper + check;
  return {
    valid: true,
    kind: 'checkdigit',
    detected,
    normalized,
    checkDigit: check,
    display: { compact: normalized },
  };
}
