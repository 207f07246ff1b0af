import type { StaffMember } from './ports.ts';
import type { StaffServices } from './services.ts';
import { selfActor } from './staff-rules.ts';

/** Ends every session of the member, on every device, this one included; audited. */
export async function signOutStaffEverywhere(
  deps: Pick<StaffServices, 'store' | 'clock'>,
  member: StaffMember,
): Promise<void> {
  const at = deps.clock.now().toISOString();
  await deps.store.transaction(async (writer) => {
    await writer.deleteSessionsOf(member.id);
    await writer.audit({
      at,
      actor: selfActor(member),
      action: 'staff.signed_out_everywhere',
      subject: { type: 'staff', id: member.id },
    });
  });
}
