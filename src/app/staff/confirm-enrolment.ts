import { DomainError } from '../../domain/errors.ts';
import { openEnrolment } from './open-enrolment.ts';
import type { StaffMember } from './ports.ts';
import type { StaffServices } from './services.ts';
import { auditView, selfActor, summaryOf } from './staff-rules.ts';
import { openStaffSession } from './staff-sessions.ts';

export type EnrolmentResult =
  | {
      readonly ok: true;
      readonly sessionId: string;
      readonly maxAgeSeconds: number;
      readonly staff: StaffMember;
    }
  /** The link does not work (any more), or its password step is not done. */
  | { readonly ok: false };

/**
 * Enrolment's second step: a current code from the authenticator app proves it holds the
 * secret. The link is used up, the member is enrolled (audited) and signed in. A wrong code is
 * refused with a field error (`code`: required, wrong_code) and the step can be tried again.
 */
export async function confirmEnrolment(
  deps: StaffServices,
  token: string,
  input: { readonly code: string },
): Promise<EnrolmentResult> {
  const state = await openEnrolment(deps, token);
  if (!state.ok || state.stage !== 'authenticator' || state.secret === null) return { ok: false };
  const code = input.code.replace(/\s/g, '');
  if (code === '') {
    throw new DomainError('validation_failed', {}, [{ field: 'code', code: 'required' }]);
  }
  const now = deps.clock.now();
  const step = await deps.totp.match(state.secret, code, now, null);
  if (step === undefined) {
    throw new DomainError('validation_failed', {}, [{ field: 'code', code: 'wrong_code' }]);
  }
  const at = now.toISOString();
  const { staff } = state;
  const done = await deps.store.transaction(async (writer) => {
    if (!(await writer.useEnrolment(deps.secrets.digest(token), at))) return false;
    const current = await writer.findById(staff.id);
    if (current?.disabledAt !== null) return false;
    await writer.update(staff.id, {
      enrolledAt: at,
      totpLastStep: step,
      failedAttempts: 0,
      lockedUntil: null,
      lastSignInAt: at,
      updatedAt: at,
    });
    await writer.deleteEnrolmentsOf(staff.id);
    await writer.audit({
      at,
      actor: selfActor(staff),
      action: 'staff.enrolled',
      subject: { type: 'staff', id: staff.id },
      before: auditView(summaryOf(current)),
      after: auditView({ ...summaryOf(current), enrolledAt: at }),
    });
    return true;
  });
  if (!done) return { ok: false };
  const session = await openStaffSession(deps, staff.id);
  return {
    ok: true,
    sessionId: session.id,
    maxAgeSeconds: session.maxAgeSeconds,
    staff: {
      id: staff.id,
      email: staff.email,
      name: staff.name,
      role: staff.role,
      lang: staff.lang,
    },
  };
}
