import { DomainError } from '../../domain/errors.ts';
import { isOpenRequest, type PublicReason } from '../../domain/register/lifecycle-rules.ts';
import type { CodeRow } from '../register/ports.ts';
import { closeRequest, pendingRequest } from './four-eyes-steps.ts';
import { conflict, Fields, REASON_MAX } from './input.ts';
import type { LifecycleActor, LifecycleRequest, LifecycleServices, LifecycleTx } from './ports.ts';
import {
  auditActor,
  auditCode,
  codeState,
  commit,
  lockedCode,
  publish,
  requireAdmin,
} from './shared.ts';

export interface CancelInput {
  readonly note: string;
  /** For a scheduled withdrawal: the public reason it no longer goes ahead. */
  readonly publicReason?: string;
}

/** A scheduled withdrawal stopped: the code's end date is removed again, publicly. */
async function unschedule(
  tx: LifecycleTx,
  actor: LifecycleActor,
  code: CodeRow,
  request: Extract<LifecycleRequest, { kind: 'withdraw' }>,
  cancel: {
    readonly note: string | null;
    readonly publicReason: PublicReason;
    readonly at: string;
  },
): Promise<void> {
  const { note, publicReason, at } = cancel;
  const id = request.id;
  const after: CodeRow = { ...code, validTo: request.payload.previousValidTo ?? null };
  await tx.register.updateCode(after, at);
  await publish(tx, code.key, 'withdrawal_cancelled', { from: null, to: null }, publicReason, at);
  await auditCode(tx, code, {
    at,
    actor: auditActor(actor),
    action: 'code.withdrawal_cancelled',
    reason: note,
    before: { ...codeState(code), requestId: id },
    after: { ...codeState(after), requestId: id, publicReason },
  });
}

/**
 * Takes back a proposal (its proposer only) or stops a scheduled withdrawal (any admin, with a
 * public reason: the code's end date is removed again, publicly).
 */
export async function cancelRequest(
  s: LifecycleServices,
  actor: LifecycleActor,
  id: string,
  input: CancelInput,
): Promise<void> {
  requireAdmin(actor);
  const f = new Fields();
  const decisionNote = f.text('note', input.note, REASON_MAX, true, true);
  const current = await s.store.findRequest(id);
  if (current === undefined) throw new DomainError('not_found', { id: id.slice(0, 40) });
  const scheduled = current.status === 'scheduled';
  const publicReason = scheduled
    ? f.publicReason('cancel_withdrawal', input.publicReason ?? '')
    : null;
  f.check();
  const at = s.clock.now().toISOString();
  await commit(s, async (tx) => {
    const request = await pendingRequest(tx, id);
    if (request.status === 'pending' && request.requestedBy !== actor.id) {
      throw new DomainError('forbidden', { reason: 'not_own_request' });
    }
    if (request.status !== current.status || !isOpenRequest(request.status)) {
      conflict('status_changed');
    }
    const code = scheduled ? await lockedCode(tx, request.codeKey) : undefined;
    const moved = await tx.updateRequest(id, [request.status], {
      status: 'cancelled',
      decidedBy: actor.id,
      decidedAt: at,
      decisionNote,
    });
    if (!moved) conflict('status_changed');
    if (code !== undefined && publicReason !== null && request.kind === 'withdraw') {
      await unschedule(tx, actor, code, request, { note: decisionNote, publicReason, at });
      return;
    }
    const change = { action: 'lifecycle_request.cancelled', from: request.status, to: 'cancelled' };
    await closeRequest(tx, actor, request, { ...change, note: decisionNote }, at);
  });
}
