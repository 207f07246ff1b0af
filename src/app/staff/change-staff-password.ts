import { DomainError, type FieldError } from '../../domain/errors.ts';
import { checkCredentials, recordFailure } from './check-credentials.ts';
import { newPasswordProblems } from './password-rules.ts';
import type { StaffMember } from './ports.ts';
import type { StaffServices } from './services.ts';
import { selfActor } from './staff-rules.ts';

export interface PasswordChange {
  readonly current: string;
  /** A current code of the authenticator app. */
  readonly code: string;
  readonly password: string;
  readonly confirmation: string;
}

function refuse(fieldErrors: readonly FieldError[]): never {
  throw new DomainError('validation_failed', {}, fieldErrors);
}

/**
 * Changes the signed-in member's password, proved with the current password and a TOTP code
 * (counted like sign-ins towards the lock-out). Every other session of the member ends; this
 * one (by its session id) stays. Field errors: `current` (required, wrong_credentials, locked
 * with `until`), `code` (required), `password`, `confirmation` as at enrolment.
 */
export async function changeStaffPassword(
  deps: StaffServices,
  member: StaffMember,
  sessionId: string,
  input: PasswordChange,
): Promise<void> {
  const missing: FieldError[] = [];
  if (input.current === '') missing.push({ field: 'current', code: 'required' });
  if (input.code.trim() === '') missing.push({ field: 'code', code: 'required' });
  if (missing.length > 0) refuse(missing);
  const problems = newPasswordProblems(input.password, input.confirmation, member.email);
  if (problems.length > 0) refuse(problems);
  if (input.password === input.current) refuse([{ field: 'password', code: 'unchanged' }]);
  const now = deps.clock.now();
  const checked = await checkCredentials(
    deps,
    { email: member.email, password: input.current, code: input.code },
    now,
  );
  if (!checked.ok) {
    refuse([
      checked.reason === 'locked'
        ? { field: 'current', code: 'locked', params: { until: checked.until } }
        : { field: 'current', code: 'wrong_credentials' },
    ]);
  }
  const passwordHash = await deps.passwords.hash(input.password);
  const at = now.toISOString();
  const changed = await deps.store.transaction(async (writer) => {
    if (!(await writer.acceptTotpStep(member.id, checked.step, at))) return false;
    await writer.update(member.id, {
      passwordHash,
      failedAttempts: 0,
      lockedUntil: null,
      updatedAt: at,
    });
    await writer.deleteOtherSessions(member.id, deps.secrets.digest(sessionId));
    await writer.audit({
      at,
      actor: selfActor(member),
      action: 'staff.password_changed',
      subject: { type: 'staff', id: member.id },
      after: { otherSessionsEnded: true },
    });
    return true;
  });
  if (!changed) {
    const failure = await recordFailure(deps, checked.record, member.email, now);
    refuse([
      failure.reason === 'locked'
        ? { field: 'current', code: 'locked', params: { until: failure.until } }
        : { field: 'current', code: 'wrong_credentials' },
    ]);
  }
}
