import { withdrawNow } from './four-eyes-steps.ts';
import type { LifecycleServices } from './ports.ts';
import { commit, lockedCode, SYSTEM_ACTOR } from './shared.ts';

/** How many scheduled withdrawals one run applies at most; the job runs again for the rest. */
const DUE_BATCH = 100;

/**
 * Applies every approved withdrawal whose day has come. Safe to run from several processes at
 * once: each request moves from `scheduled` exactly once.
 */
export async function applyDueWithdrawals(s: LifecycleServices): Promise<number> {
  let applied = 0;
  for (;;) {
    const at = s.clock.now().toISOString();
    const due = await s.store.dueRequests(at, DUE_BATCH);
    for (const request of due) {
      if (request.kind !== 'withdraw') continue;
      const done = await commit(s, async (tx) => {
        // The code's lock first, then the request's: the order every operation takes them in.
        const code = await lockedCode(tx, request.codeKey);
        if (
          !(await tx.updateRequest(request.id, ['scheduled'], { status: 'applied', appliedAt: at }))
        ) {
          return false;
        }
        if (code.status === 'withdrawn') {
          await tx.updateRequest(request.id, ['applied'], {
            status: 'cancelled',
            decisionNote: 'The code was already withdrawn.',
          });
          return false;
        }
        await withdrawNow(tx, request, code, request.effectiveAt ?? at, SYSTEM_ACTOR, at);
        return true;
      });
      if (done) applied += 1;
    }
    if (due.length < DUE_BATCH) return applied;
  }
}
