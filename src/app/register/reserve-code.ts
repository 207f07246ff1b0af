import { DomainError } from '../../domain/errors.ts';
import { compactKey, isRegisterCountry, parsePartyKey } from '../../domain/register/party-key.ts';
import type { Clock } from '../ports.ts';
import type { ReservedCode } from './models.ts';
import type { RegisterStore } from './ports.ts';

function reservable(input: string) {
  const key = parsePartyKey(input);
  if (key === undefined || !isRegisterCountry(key.country)) {
    throw new DomainError('validation_failed', {}, [{ field: 'code', code: 'invalid_value' }]);
  }
  return key;
}

/**
 * Puts a code on the published list of reserved codes so that it is not issued. A code that a
 * holder already has (in any status, withdrawn included) cannot be reserved: it is taken.
 */
export async function reserveCode(
  deps: { store: RegisterStore; clock: Clock },
  input: string,
  reason: string,
): Promise<{ code: ReservedCode; added: boolean }> {
  const key = reservable(input);
  const why = reason.trim();
  if (why === '' || why.length > 500)
    throw new DomainError('validation_failed', {}, [
      { field: 'reason', code: why === '' ? 'required' : 'too_long', params: { limit: 500 } },
    ]);
  const code: ReservedCode = {
    key: compactKey(key),
    country: key.country,
    code: key.code,
    reason: why,
    createdAt: deps.clock.now().toISOString(),
  };
  return deps.store.transaction(async (w) => {
    if ((await w.findCode(code.key)) !== undefined)
      throw new DomainError('conflict', { key: code.key });
    return { code, added: await w.reserveCode(code) };
  });
}

/** Takes a code off the reserved list. */
export async function releaseCode(deps: { store: RegisterStore }, input: string): Promise<boolean> {
  const key = compactKey(reservable(input));
  return deps.store.transaction((w) => w.releaseCode(key));
}
