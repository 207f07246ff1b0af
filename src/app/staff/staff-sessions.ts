import type { StaffMember, StaffSessionDeps } from './ports.ts';
import { STAFF_SESSION_HOURS } from './ports.ts';

/** The staff member signed in with a session id, if the session exists and is still valid. */
export function resolveStaffSession(
  deps: Pick<StaffSessionDeps, 'sessions' | 'secrets' | 'clock'>,
  sessionId: string,
): Promise<StaffMember | undefined> {
  return deps.sessions.findSessionStaff(
    deps.secrets.digest(sessionId),
    deps.clock.now().toISOString(),
  );
}

/** Opens a session for a staff member who has proved both factors; returns the session id. */
export async function openStaffSession(
  deps: Pick<StaffSessionDeps, 'sessions' | 'secrets' | 'clock'>,
  staffId: string,
): Promise<{ readonly id: string; readonly maxAgeSeconds: number }> {
  const id = deps.secrets.token();
  const now = deps.clock.now();
  const maxAgeSeconds = STAFF_SESSION_HOURS * 3600;
  const expires = new Date(now.getTime() + maxAgeSeconds * 1000);
  await deps.sessions.insertSession(
    deps.secrets.digest(id),
    staffId,
    now.toISOString(),
    expires.toISOString(),
  );
  return { id, maxAgeSeconds };
}
