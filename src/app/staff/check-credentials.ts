import type { StaffRecord } from './ports.ts';
import type { StaffServices } from './services.ts';
import { addMinutes, LOCK_OUT_MINUTES, MAX_FAILED_SIGN_INS } from './staff-rules.ts';

/** Both factors proved, or why not; `locked` says until when, for known and unknown addresses alike. */
export type CredentialCheck =
  | { readonly ok: true; readonly record: StaffRecord; readonly step: number }
  | { readonly ok: false; readonly reason: 'invalid' }
  | { readonly ok: false; readonly reason: 'locked'; readonly until: string };

const MAX_LOOKUP_LENGTH = 320;

/** The address as looked up and counted: trimmed, in lower case. */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Counts a failed attempt against the member, or against the address when it is no member's,
 * and locks it out for 15 minutes at the fifth failure in a row (the lock-out of a member is
 * audited). Answers what the person is told: a generic refusal, or the lock-out.
 */
export async function recordFailure(
  deps: Pick<StaffServices, 'store' | 'secrets'>,
  record: StaffRecord | undefined,
  email: string,
  now: Date,
): Promise<CredentialCheck & { readonly ok: false }> {
  const at = now.toISOString();
  const until = addMinutes(now, LOCK_OUT_MINUTES).toISOString();
  return deps.store.transaction(async (writer) => {
    if (record === undefined) {
      const hash = deps.secrets.digest(email);
      const count = await writer.countUnknownFailure(hash, at);
      if (count < MAX_FAILED_SIGN_INS) return { ok: false, reason: 'invalid' } as const;
      await writer.lockUnknown(hash, until);
      return { ok: false, reason: 'locked', until } as const;
    }
    const count = await writer.countFailure(record.id, at);
    if (count < MAX_FAILED_SIGN_INS) return { ok: false, reason: 'invalid' } as const;
    if (await writer.lock(record.id, until, at)) {
      await writer.audit({
        at,
        actor: { type: 'system', id: null, label: null },
        action: 'staff.locked',
        subject: { type: 'staff', id: record.id },
        reason: `${MAX_FAILED_SIGN_INS} failed sign-ins in a row`,
        before: { lockedUntil: null },
        after: { lockedUntil: until },
      });
    }
    return { ok: false, reason: 'locked', until } as const;
  });
}

/**
 * Checks an address, a password and a TOTP code together, as one answer: an unknown address,
 * a wrong password and a wrong or replayed code are told apart to no one. A code counts only
 * once its step is accepted (`StaffWriter.acceptTotpStep`) by the caller.
 */
export async function checkCredentials(
  deps: Pick<StaffServices, 'store' | 'secrets' | 'passwords' | 'totp'>,
  input: { readonly email: string; readonly password: string; readonly code: string },
  now: Date,
): Promise<CredentialCheck> {
  const email = emailKey(input.email);
  const record = email.length > MAX_LOOKUP_LENGTH ? undefined : await deps.store.findByEmail(email);
  const nowIso = now.toISOString();
  const lockedUntil =
    record === undefined
      ? await deps.store.unknownLockedUntil(deps.secrets.digest(email))
      : record.lockedUntil;
  if (lockedUntil !== null && lockedUntil > nowIso) {
    return { ok: false, reason: 'locked', until: lockedUntil };
  }
  const enrolled = record !== undefined && record.enrolledAt !== null;
  const passwordOk = await deps.passwords.verify(
    enrolled ? record.passwordHash : null,
    input.password,
  );
  const code = input.code.replace(/\s/g, '');
  const step =
    passwordOk && enrolled && record.totpSecret !== null
      ? await deps.totp.match(record.totpSecret, code, now, record.totpLastStep)
      : undefined;
  if (record === undefined || step === undefined) {
    return recordFailure(deps, record, email, now);
  }
  return { ok: true, record, step };
}
