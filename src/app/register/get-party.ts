import { DomainError } from '../../domain/errors.ts';
import { compactKey, partyKeyOf } from '../../domain/register/party-key.ts';
import type { PartyRecord, RegisterEvent } from './models.ts';
import type { RegisterReader } from './ports.ts';

export interface PartyDetail {
  readonly record: PartyRecord;
  readonly history: readonly RegisterEvent[];
}

/** One code with its public history; `not_found` when the register does not hold it. */
export async function getParty(
  reader: RegisterReader,
  countryCode: string,
  partyId: string,
): Promise<PartyDetail> {
  const key = partyKeyOf(countryCode, partyId);
  if (key === undefined) {
    throw new DomainError('validation_failed', {}, [
      { field: 'countryCode/partyId', code: 'invalid_value' },
    ]);
  }
  const record = await reader.findParty(compactKey(key));
  if (record === undefined) throw new DomainError('not_found', { key: compactKey(key) });
  return { record, history: await reader.partyHistory(record.key) };
}
