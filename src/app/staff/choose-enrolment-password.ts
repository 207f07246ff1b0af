import { DomainError } from '../../domain/errors.ts';
import { openEnrolment } from './open-enrolment.ts';
import { newPasswordProblems } from './password-rules.ts';
import type { StaffServices } from './services.ts';

/**
 * Enrolment's first step: sets the member's password (argon2id) and a new TOTP secret, both
 * unusable until the second step confirms a code. Bad passwords are refused with field errors
 * (`password`: too_short, too_long, is_email, too_common; `confirmation`: mismatch). Answers
 * false when the link does not work (any more).
 */
export async function chooseEnrolmentPassword(
  deps: StaffServices,
  token: string,
  input: { readonly password: string; readonly confirmation: string },
): Promise<boolean> {
  const state = await openEnrolment(deps, token);
  if (!state.ok) return false;
  const problems = newPasswordProblems(input.password, input.confirmation, state.staff.email);
  if (problems.length > 0) throw new DomainError('validation_failed', {}, problems);
  const passwordHash = await deps.passwords.hash(input.password);
  const at = deps.clock.now().toISOString();
  await deps.store.transaction((writer) =>
    writer.update(state.staff.id, {
      passwordHash,
      totpSecret: deps.totp.newSecret(),
      totpLastStep: null,
      updatedAt: at,
    }),
  );
  return true;
}
