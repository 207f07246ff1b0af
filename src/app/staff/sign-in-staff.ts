import type { StaffMember } from './ports.ts';
import type { StaffServices } from './services.ts';
import { checkCredentials, emailKey, recordFailure } from './check-credentials.ts';
import { openStaffSession } from './staff-sessions.ts';

export interface StaffSignInInput {
  readonly email: string;
  readonly password: string;
  /** The six digits the authenticator app shows now. */
  readonly code: string;
}

export type StaffSignInResult =
  | {
      readonly ok: true;
      readonly sessionId: string;
      readonly maxAgeSeconds: number;
      readonly staff: StaffMember;
    }
  /** Fields left empty: nothing was checked or counted. */
  | { readonly ok: false; readonly reason: 'missing'; readonly fields: readonly string[] }
  /** One answer for an unknown address, a wrong password, a wrong or replayed code. */
  | { readonly ok: false; readonly reason: 'invalid' }
  | { readonly ok: false; readonly reason: 'locked'; readonly until: string }
  /** Both factors were right, but the member is disabled. */
  | { readonly ok: false; readonly reason: 'disabled' };

/**
 * Signs a staff member in with both factors: e-mail and password, and a TOTP code never
 * accepted before. Five failures in a row lock the address out for 15 minutes.
 */
export async function signInStaff(
  deps: StaffServices,
  input: StaffSignInInput,
): Promise<StaffSignInResult> {
  const missing = (['email', 'password', 'code'] as const).filter((f) => input[f].trim() === '');
  if (missing.length > 0) return { ok: false, reason: 'missing', fields: missing };
  const now = deps.clock.now();
  const checked = await checkCredentials(deps, input, now);
  if (!checked.ok) return checked;
  const { record, step } = checked;
  if (record.disabledAt !== null) return { ok: false, reason: 'disabled' };
  const at = now.toISOString();
  const accepted = await deps.store.transaction(async (writer) => {
    if (!(await writer.acceptTotpStep(record.id, step, at))) return false;
    await writer.update(record.id, {
      failedAttempts: 0,
      lockedUntil: null,
      lastSignInAt: at,
      updatedAt: at,
    });
    return true;
  });
  if (!accepted) return recordFailure(deps, record, emailKey(input.email), now);
  const session = await openStaffSession(deps, record.id);
  return {
    ok: true,
    sessionId: session.id,
    maxAgeSeconds: session.maxAgeSeconds,
    staff: {
      id: record.id,
      email: record.email,
      name: record.name,
      role: record.role,
      lang: record.lang,
    },
  };
}
