import type { ReservedCode } from '../register/models.ts';
import { releaseCode, reserveCode } from '../register/reserve-code.ts';
import type { LifecycleActor, LifecycleServices } from './ports.ts';
import { auditActor, requireAdmin } from './shared.ts';

/** The published list of reserved codes, by key. */
export function listReservedCodes(s: LifecycleServices): Promise<ReservedCode[]> {
  return s.reader.listReserved();
}

/** An admin puts a code on the reserved list, with the reason that is published beside it. */
export async function addReservedCode(
  s: LifecycleServices,
  actor: LifecycleActor,
  code: string,
  reason: string,
): Promise<{ code: ReservedCode; added: boolean }> {
  requireAdmin(actor);
  const result = await reserveCode(
    { store: s.register, clock: s.clock },
    code,
    reason,
    auditActor(actor),
  );
  s.changes.notify();
  return result;
}

/** An admin takes a code off the reserved list. */
export async function removeReservedCode(
  s: LifecycleServices,
  actor: LifecycleActor,
  code: string,
): Promise<boolean> {
  requireAdmin(actor);
  const removed = await releaseCode({ store: s.register, clock: s.clock }, code, auditActor(actor));
  s.changes.notify();
  return removed;
}
