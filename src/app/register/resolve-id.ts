import { validateId, type IdKind } from '../../domain/emobility-id/index.ts';
import { DomainError } from '../../domain/errors.ts';
import { isInForce } from '../../domain/register/code-status.ts';
import { isRegisterCountry } from '../../domain/register/party-key.ts';
import { toValidationRecord, type ValidationRecord } from '../validation-record.ts';
import type { FederatedRecord, PartyRecord } from './models.ts';
import type { PrefixLookup } from './prefix-lookup.ts';

/** The kinds that carry a party prefix and can therefore be resolved. */
export const RESOLVABLE_KINDS = [
  'party',
  'evse',
  'pool',
  'station',
  'emaid',
] as const satisfies readonly IdKind[];
export type ResolvableKind = (typeof RESOLVABLE_KINDS)[number];

export interface Resolution {
  /** The parsed identifier, as the validator reports it. */
  readonly id: ValidationRecord;
  readonly prefix: {
    readonly key: string;
    readonly country: string;
    readonly partyCode: string;
    readonly cpo: string;
    readonly emsp: string;
  };
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

/**
 * Resolves any e-mobility ID to the holder of its party prefix. Invalid syntax is an
 * `invalid_id` error carrying the validator's reason and position.
 */
export async function resolveId(
  lookup: PrefixLookup,
  input: string,
  kind?: ResolvableKind,
): Promise<Resolution> {
  const result = validateId(input, kind);
  if (!result.valid) {
    throw new DomainError('invalid_id', {
      reason: result.reason,
      ...(result.position === undefined ? {} : { position: result.position }),
    });
  }
  const parts = result.parts;
  if (parts === undefined) throw new DomainError('invalid_id', { reason: 'bad_format' });
  const key = `${parts.country}${parts.partyCode}`;
  const facts = await lookup.facts(key);
  return {
    id: toValidationRecord(input, result),
    prefix: {
      key,
      country: parts.country,
      partyCode: parts.partyCode,
      cpo: `${parts.country}*${parts.partyCode}`,
      emsp: `${parts.country}-${parts.partyCode}`,
    },
    issuedByThisRegister: isRegisterCountry(parts.country),
    registered: facts.party !== null,
    inForce: facts.party !== null && isInForce(facts.party.status),
    party: facts.party,
    reserved: facts.reserved,
    federated: facts.federated,
  };
}
