import { DomainError } from '../../domain/errors.ts';
import { makeEnrolmentToken, type EnrolmentLink } from './enrolment-link.ts';
import type { StaffActor } from './ports.ts';
import type { StaffServices } from './services.ts';
import {
  auditActorOf,
  auditView,
  requireAdmin,
  requireStaff,
  summaryOf,
  type StaffRef,
} from './staff-rules.ts';

/**
 * Issues a new enrolment link for a member who lost a password or an authenticator: its
 * password and TOTP secret are revoked, its sessions and earlier links end, and it enrols again
 * with the new link. A disabled member is re-enabled first; an admin resets others, not itself.
 */
export async function resetStaffEnrolment(
  deps: StaffServices,
  actor: StaffActor,
  ref: StaffRef,
): Promise<EnrolmentLink> {
  const now = deps.clock.now();
  const at = now.toISOString();
  return deps.store.transaction(async (writer) => {
    await requireAdmin(writer, actor);
    const target = await requireStaff(writer, ref);
    if (actor.type === 'staff' && actor.member.id === target.id) {
      throw new DomainError('conflict', {}, [{ field: 'staff', code: 'self_reset' }]);
    }
    if (target.disabledAt !== null) {
      throw new DomainError('conflict', {}, [{ field: 'staff', code: 'disabled' }]);
    }
    await writer.update(target.id, {
      passwordHash: null,
      totpSecret: null,
      totpLastStep: null,
      enrolledAt: null,
      failedAttempts: 0,
      lockedUntil: null,
      updatedAt: at,
    });
    await writer.deleteSessionsOf(target.id);
    await writer.deleteEnrolmentsOf(target.id);
    const link = await makeEnrolmentToken(deps, writer, target.id, now);
    const after = { ...summaryOf(target), enrolledAt: null, lockedUntil: null, failedAttempts: 0 };
    await writer.audit({
      at,
      actor: auditActorOf(actor),
      action: 'staff.enrolment_reset',
      subject: { type: 'staff', id: target.id },
      before: auditView(summaryOf(target)),
      after: auditView(after),
    });
    return { ...link, staff: after };
  });
}
