import type { StaffActor, StaffSummary } from './ports.ts';
import type { StaffServices } from './services.ts';
import {
  auditActorOf,
  auditView,
  requireAdmin,
  requireStaff,
  summaryOf,
  type StaffRef,
} from './staff-rules.ts';

/** Re-enables a disabled member: it signs in again with its own password and authenticator. */
export async function enableStaffMember(
  deps: StaffServices,
  actor: StaffActor,
  ref: StaffRef,
): Promise<StaffSummary> {
  const at = deps.clock.now().toISOString();
  return deps.store.transaction(async (writer) => {
    await requireAdmin(writer, actor);
    const target = await requireStaff(writer, ref);
    const before = summaryOf(target);
    if (target.disabledAt === null) return before;
    await writer.update(target.id, {
      disabledAt: null,
      failedAttempts: 0,
      lockedUntil: null,
      updatedAt: at,
    });
    const after = { ...before, disabledAt: null, failedAttempts: 0, lockedUntil: null };
    await writer.audit({
      at,
      actor: auditActorOf(actor),
      action: 'staff.enabled',
      subject: { type: 'staff', id: target.id },
      before: auditView(before),
      after: auditView(after),
    });
    return after;
  });
}
