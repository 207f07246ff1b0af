/** Public API of the e-mobility identifier library: party, EVSE, pool, station IDs and eMAIDs. */
export { validateId } from './validate-id.ts';
export { detectKind } from './detect-kind.ts';
export { computeCheckCharacter } from './check-character.ts';
export { isIdKind } from './id-kind.ts';
export { ASSIGNED_COUNTRY_CODES } from './country-codes.ts';
export { ID_KINDS, ID_TYPE_CHARACTERS, REASONS } from './types.ts';
export type {
  IdDisplay,
  IdKind,
  IdParts,
  IdResult,
  IdTypeCharacter,
  InvalidIdResult,
  Reason,
  ValidIdResult,
} from './types.ts';
