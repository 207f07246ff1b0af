import type { StaffRecord, StaffSummary } from './ports.ts';
import type { StaffServices } from './services.ts';
import { summaryOf } from './staff-rules.ts';

/** Enrolment's two steps: choose a password, then register the authenticator app. */
export type EnrolmentStage = 'password' | 'authenticator';

export type EnrolmentState =
  | {
      readonly ok: true;
      readonly stage: EnrolmentStage;
      readonly staff: StaffSummary;
      /** At the authenticator step: the secret to register, and its `otpauth://` address. */
      readonly secret: string | null;
      readonly otpauthUri: string | null;
      readonly record: StaffRecord;
    }
  /** Unknown, used or expired, or the member is disabled. */
  | { readonly ok: false };

/** Where an enrolment link stands; it changes nothing. */
export async function openEnrolment(
  deps: Pick<StaffServices, 'store' | 'secrets' | 'clock' | 'totp'>,
  token: string,
): Promise<EnrolmentState> {
  const link = await deps.store.findEnrolment(deps.secrets.digest(token));
  const now = deps.clock.now().toISOString();
  if (link?.usedAt !== null || link.expiresAt <= now) return { ok: false };
  const record = await deps.store.findById(link.staffId);
  if (record?.disabledAt !== null || record.enrolledAt !== null) {
    return { ok: false };
  }
  const staff = summaryOf(record);
  if (record.passwordHash === null || record.totpSecret === null) {
    return { ok: true, stage: 'password', staff, secret: null, otpauthUri: null, record };
  }
  return {
    ok: true,
    stage: 'authenticator',
    staff,
    secret: record.totpSecret,
    otpauthUri: deps.totp.uri(record.totpSecret, record.email),
    record,
  };
}
