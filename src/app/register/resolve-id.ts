import { validateId, type IdKind, type IdParts } from '../../domain/emobility-id/index.ts';
import { DomainError } from '../../domain/errors.ts';
import { isInForce } from '../../domain/register/code-status.ts';
import { isRegisterCountry } from '../../domain/register/party-key.ts';
import { toValidationRecord, type ValidationRecord } from '../validation-record.ts';
import type { FederatedRecord, PartyRecord } from './models.ts';
import type { PrefixFacts, PrefixLookup } from './prefix-lookup.ts';

/** The kinds that carry a party prefix and can therefore be resolved. */
export const RESOLVABLE_KINDS = [
  'party',
  'evse',
  'pool',
  'station',
  'emaid',
] as const satisfies readonly IdKind[];
export type ResolvableKind = (typeof RESOLVABLE_KINDS)[number];

export interface ResolvedPrefix {
  readonly key: string;
  readonly country: string;
  readonly partyCode: string;
  readonly cpo: string;
  readonly emsp: string;
}

export interface Resolution {
  /** The parsed identifier, as the validator reports it. */
  readonly id: ValidationRecord;
  /**
   * The party prefix. The same object for every ID on the prefix for as long as the lookup keeps
   * the prefix's facts, so whatever depends on the prefix alone (everything here but `id`) may be
   * kept with it, on the object under a module's own symbol.
   */
  readonly prefix: ResolvedPrefix;
  /** Whether the country is one this register issues codes for. */
  readonly issuedByThisRegister: boolean;
  /** This register holds the prefix (in any status). */
  readonly registered: boolean;
  /** Held here and active: IDs built on it are valid for use. */
  readonly inForce: boolean;
  readonly party: PartyRecord | null;
  /** On this register's list of reserved codes. */
  readonly reserved: { readonly reason: string } | null;
  /** What other registers say about the prefix, each with its source; never ours. */
  readonly federated: readonly FederatedRecord[];
}

type PrefixSide = Omit<Resolution, 'id'>;

/** The party prefix key of an ID's parts: `NLABL`. */
const keyOf = (parts: IdParts) => `${parts.country}${parts.partyCode}`;

/**
 * The prefix side is derived once per prefix facts and kept on the facts object, under this
 * module's own symbol, so that it is forgotten with them. Read on every resolve: a property is
 * read at once, where a `WeakMap` has to hash the object first.
 */
const SIDE = Symbol('prefix side');
type FactsWithSide = PrefixFacts & { [SIDE]?: PrefixSide };

function prefixSide(parts: IdParts, facts: FactsWithSide) {
  let side = facts[SIDE];
  if (side === undefined) {
    const { country, partyCode } = parts;
    side = {
      prefix: {
        key: keyOf(parts),
        country,
        partyCode,
        cpo: `${country}*${partyCode}`,
        emsp: `${country}-${partyCode}`,
      },
      issuedByThisRegister: isRegisterCountry(country),
      registered: facts.party !== null,
      inForce: facts.party !== null && isInForce(facts.party.status),
      party: facts.party,
      reserved: facts.reserved,
      federated: facts.federated,
    };
    facts[SIDE] = side;
  }
  return side;
}

function resolution(id: ValidationRecord, parts: IdParts, facts: PrefixFacts): Resolution {
  const side = prefixSide(parts, facts);
  return {
    id,
    prefix: side.prefix,
    issuedByThisRegister: side.issuedByThisRegister,
    registered: side.registered,
    inForce: side.inForce,
    party: side.party,
    reserved: side.reserved,
    federated: side.federated,
  };
}

/** The ID's parts, or the `invalid_id` error its syntax earns. */
function parsed(input: string, kind: ResolvableKind | undefined) {
  const result = validateId(input, kind);
  if (!result.valid) {
    throw new DomainError('invalid_id', {
      reason: result.reason,
      ...(result.position === undefined ? {} : { position: result.position }),
    });
  }
  const parts = result.parts;
  if (parts === undefined) throw new DomainError('invalid_id', { reason: 'bad_format' });
  return { result, parts };
}

/**
 * Resolves any e-mobility ID to the holder of its party prefix: at once when the prefix's facts
 * are cached (the usual case, and the hottest path of the service, so no promise is made for it),
 * else as a promise. Invalid syntax throws an `invalid_id` error carrying the validator's reason
 * and position.
 */
export function resolveId(
  lookup: PrefixLookup,
  input: string,
  kind?: ResolvableKind,
): Resolution | Promise<Resolution> {
  const { result, parts } = parsed(input, kind);
  const id = toValidationRecord(input, result);
  const key = keyOf(parts);
  const facts = lookup.cached(key);
  if (facts !== undefined) return resolution(id, parts, facts);
  return lookup.facts(key).then((loaded) => resolution(id, parts, loaded));
}

/**
 * The resolution of a valid ID whose prefix's facts are cached and known current, as `resolveId`
 * gives it; undefined for anything else (an invalid ID, facts still to be read), which then takes
 * `resolveId`'s way. Reads nothing and starts nothing.
 */
export function resolveCached(lookup: PrefixLookup, input: string): Resolution | undefined {
  const result = validateId(input);
  const parts = result.valid ? result.parts : undefined;
  if (parts === undefined) return undefined;
  const facts = lookup.cached(keyOf(parts));
  return facts === undefined
    ? undefined
    : resolution(toValidationRecord(input, result), parts, facts);
}
