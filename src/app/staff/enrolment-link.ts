import type { StaffServices } from './services.ts';
import type { StaffSummary, StaffWriter } from './ports.ts';
import { ENROLMENT_HOURS } from './staff-rules.ts';

/** A new one-time enrolment link: its token (shown once, never stored) and expiry. */
export interface EnrolmentLink {
  readonly token: string;
  readonly expiresAt: string;
  readonly staff: StaffSummary;
}

/** Makes an enrolment token for a member in the transaction; only its digest is stored. */
export async function makeEnrolmentToken(
  deps: Pick<StaffServices, 'secrets'>,
  writer: StaffWriter,
  staffId: string,
  now: Date,
): Promise<{ readonly token: string; readonly expiresAt: string }> {
  const token = deps.secrets.token();
  const expiresAt = new Date(now.getTime() + ENROLMENT_HOURS * 3_600_000).toISOString();
  await writer.insertEnrolment(deps.secrets.digest(token), staffId, now.toISOString(), expiresAt);
  return { token, expiresAt };
}
