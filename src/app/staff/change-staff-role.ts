import { DomainError } from '../../domain/errors.ts';
import { isStaffRole, type StaffActor, type StaffSummary } from './ports.ts';
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
 * Makes a member a reviewer or an admin. An admin cannot demote itself, and the last active
 * admin cannot be demoted.
 */
export async function changeStaffRole(
  deps: StaffServices,
  actor: StaffActor,
  ref: StaffRef,
  role: string,
): Promise<StaffSummary> {
  if (!isStaffRole(role)) {
    throw new DomainError('validation_failed', {}, [{ field: 'role', code: 'invalid' }]);
  }
  const at = deps.clock.now().toISOString();
  return deps.store.transaction(async (writer) => {
    await requireAdmin(writer, actor);
    const target = await requireStaff(writer, ref);
    const before = summaryOf(target);
    if (target.role === role) return before;
    notSelf(actor, target, 'role');
    if (role !== 'admin') await keepAnAdmin(writer, target);
    await writer.update(target.id, { role, updatedAt: at });
    const after = { ...before, role };
    await writer.audit({
      at,
      actor: auditActorOf(actor),
      action: 'staff.role_changed',
      subject: { type: 'staff', id: target.id },
      before: auditView(before),
      after: auditView(after),
    });
    return after;
  });
}
