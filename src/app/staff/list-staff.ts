import type { StaffSummary } from './ports.ts';
import type { StaffServices } from './services.ts';

/** Every staff member by e-mail address; a lock-out that is over is not shown as one. */
export async function listStaff(
  deps: Pick<StaffServices, 'store' | 'clock'>,
): Promise<StaffSummary[]> {
  const now = deps.clock.now().toISOString();
  const all = await deps.store.list();
  return all.map((s) =>
    s.lockedUntil !== null && s.lockedUntil <= now ? { ...s, lockedUntil: null } : s,
  );
}
