import { DomainError } from '../../domain/errors.ts';
import type { StaffSummary } from './ports.ts';
import type { StaffServices } from './services.ts';
import { summaryOf } from './staff-rules.ts';

/** One staff member by id (`not_found` if none); a lock-out that is over is not shown. */
export async function getStaffMember(
  deps: Pick<StaffServices, 'store' | 'clock'>,
  id: string,
): Promise<StaffSummary> {
  const found = await deps.store.findById(id);
  if (found === undefined) throw new DomainError('not_found');
  const summary = summaryOf(found);
  const now = deps.clock.now().toISOString();
  return summary.lockedUntil !== null && summary.lockedUntil <= now
    ? { ...summary, lockedUntil: null }
    : summary;
}
