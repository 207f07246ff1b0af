import type { StaffServices } from './services.ts';

/** Ends this browser's staff session. */
export async function signOutStaff(
  deps: Pick<StaffServices, 'sessions' | 'secrets'>,
  sessionId: string,
): Promise<void> {
  await deps.sessions.deleteSession(deps.secrets.digest(sessionId));
}
