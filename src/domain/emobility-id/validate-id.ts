import { validateCheckdigit } from './checkdigit.ts';
import { detectScannedKind } from './detect-kind.ts';
import { validateEmaid } from './emaid.ts';
import { validateInfrastructure } from './infrastructure-id.ts';
import { validateParty } from './party-id.ts';
import { scanInput } from './scan-input.ts';
import type { IdKind, IdResult } from './types.ts';

/**
 * Validates and normalises an e-mobility identifier. Without `kind` the kind is detected from the
 * shape of the input (see detect-kind.ts) and `detected` is true; on bad input the result still
 * names the kind whose rules produced the reason. Bad input never throws; an unknown `kind` is a
 * programming error and does.
 */
export function validateId(input: string, kind?: IdKind): IdResult {
  const value: unknown = input;
  // JavaScript callers can pass anything; a non-string is treated like the empty string (G-1).
  const text = typeof value === 'string' ? value : '';
  // One kind-independent pass serves both the detection and the kind's own rules.
  scanInput(text);
  if (kind === undefined) return validateAs(text, detectScannedKind(text), true);
  return validateAs(text, kind, false);
}

function validateAs(input: string, kind: IdKind, detected: boolean): IdResult {
  switch (kind) {
    case 'party':
      return validateParty(input, detected);
    case 'evse':
    case 'pool':
    case 'station':
      return validateInfrastructure(input, kind, detected);
    case 'emaid':
      return validateEmaid(input, detected);
    case 'checkdigit':
      return validateCheckdigit(input, detected);
    default:
      throw new RangeError(`unknown identifier kind: ${String(kind)}`);
  }
}
