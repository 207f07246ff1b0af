import { DomainError } from '../../domain/errors.ts';
import { compactKey, isRegisterCountry, parsePartyKey } from '../../domain/register/party-key.ts';
import type { AuditActor } from '../audit/ports.ts';
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
 * holder already has (in any status, withdrawn included) cannot be reserved: it is taken. The
 * audit trail records who added it, in the same transaction.
 */
export async function reserveCode(
  deps: { store: RegisterStore; clock: Clock },
  input: string,
  reason: string,
  actor: AuditActor,
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
    const added = await w.reserveCode(code);
    if (added) {
      await w.audit({
        at: code.createdAt,
        actor,
        action: 'reserved_code.added',
        subject: { type: 'reserved_code', id: code.key },
        codeKey: code.key,
        reason: why,
        after: { key: code.key, reason: why },
      });
    }
    return { code, added };
  });
}

/** Takes a code off the reserved list, recording who did it (and why, when said). */
export async function releaseCode(
  deps: { store: RegisterStore; clock: Clock },
  input: string,
  actor: AuditActor,
  reason: string | null = null,
): Promise<boolean> {
  const key = compactKey(reservable(input));
  const why = reason?.trim() ?? '';
  if (why.length > 500)
    throw new DomainError('validation_failed', {}, [
      { field: 'reason', code: 'too_long', params: { limit: 500 } },
    ]);
  return deps.store.transaction(async (w) => {
    const before = (await w.releaseCode(key)) ? key : undefined;
    if (before !== undefined) {
      await w.audit({
        at: deps.clock.now().toISOString(),
        actor,
        action: 'reserved_code.removed',
        subject: { type: 'reserved_code', id: key },
        codeKey: key,
        reason: why === '' ? null : why,
        before: { key },
      });
    }
    return before !== undefined;
  });
}
