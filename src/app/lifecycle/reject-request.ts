import { DomainError } from '../../domain/errors.ts';
import { closeRequest, note, pendingRequest } from './four-eyes-steps.ts';
import { conflict } from './input.ts';
import type { LifecycleActor, LifecycleServices } from './ports.ts';
import { commit, requireAdmin } from './shared.ts';

/** The second admin turns a proposal down, with a note; the code does not change. */
export async function rejectRequest(
  s: LifecycleServices,
  actor: LifecycleActor,
  id: string,
  rawNote: string,
): Promise<void> {
  requireAdmin(actor);
  const decisionNote = note(rawNote, true);
  const at = s.clock.now().toISOString();
  await commit(s, async (tx) => {
    const request = await pendingRequest(tx, id);
    if (request.requestedBy === actor.id)
      throw new DomainError('forbidden', { reason: 'own_request' });
    const moved = await tx.updateRequest(id, ['pending'], {
      status: 'rejected',
      decidedBy: actor.id,
      decidedAt: at,
      decisionNote,
    });
    if (!moved) conflict('not_pending');
    const change = { action: 'lifecycle_request.rejected', from: 'pending', to: 'rejected' };
    await closeRequest(tx, actor, request, { ...change, note: decisionNote }, at);
  });
}
