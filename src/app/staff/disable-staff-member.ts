import type { StaffActor, StaffSummary } from './ports.ts';
import type { StaffServices } from './services.ts';
import {
  auditActorOf,
  auditView,
  keepAnAdmin,
  notSelf,
  requireAdmin,
  requireStaff,
  summaryOf,
  type StaffRef,
} from './staff-rules.ts';

/**
 * Disables a member: it cannot sign in or use a link, and its sessions end at once. An admin
 * cannot disable itself, and the last active admin cannot be disabled.
 */
export async function disableStaffMember(
  deps: StaffServices,
  actor: StaffActor,
  ref: StaffRef,
): Promise<StaffSummary> {
  const at = deps.clock.now().toISOString();
  return deps.store.transaction(async (writer) => {
    await requireAdmin(writer, actor);
    const target = await requireStaff(writer, ref);
    const before = summaryOf(target);
    if (target.disabledAt !== null) return before;
    notSelf(actor, target, 'staff');
    await keepAnAdmin(writer, target);
    await writer.update(target.id, { disabledAt: at, updatedAt: at });
    await writer.deleteSessionsOf(target.id);
    const after = { ...before, disabledAt: at };
    await writer.audit({
      at,
      actor: auditActorOf(actor),
      action: 'staff.disabled',
      subject: { type: 'staff', id: target.id },
      before: auditView(before),
      after: auditView(after),
    });
    return after;
  });
}
