import { DomainError } from '../../domain/errors.ts';
import type { CodeRow, HolderRow } from '../register/ports.ts';
import { note, pendingRequest, withdrawNow } from './four-eyes-steps.ts';
import { conflict } from './input.ts';
import type {
  LifecycleActor,
  LifecycleRequest,
  LifecycleServices,
  LifecycleTx,
  TransferTarget,
} from './ports.ts';
import {
  auditActor,
  auditCode,
  codeState,
  commit,
  holderState,
  lockedCode,
  publish,
  requireAdmin,
} from './shared.ts';

async function approveWithdrawal(
  tx: LifecycleTx,
  actor: LifecycleActor,
  request: Extract<LifecycleRequest, { kind: 'withdraw' }>,
  decision: { readonly note: string | null; readonly at: string },
): Promise<LifecycleRequest['status']> {
  const { at } = decision;
  const effectiveAt = request.effectiveAt ?? at;
  const due = effectiveAt <= at;
  const code = await lockedCode(tx, request.codeKey);
  const moved = await tx.updateRequest(request.id, ['pending'], {
    status: due ? 'applied' : 'scheduled',
    decidedBy: actor.id,
    decidedAt: at,
    decisionNote: decision.note,
    ...(due
      ? { appliedAt: at }
      : { payload: { ...request.payload, previousValidTo: code.validTo } }),
  });
  if (!moved) conflict('not_pending');
  if (code.status === 'withdrawn') conflict('already_withdrawn');
  await auditCode(tx, code, {
    at,
    actor: auditActor(actor),
    action: 'code.withdrawal_approved',
    reason: decision.note,
    before: { requestId: request.id, status: 'pending' },
    after: { requestId: request.id, status: due ? 'applied' : 'scheduled', effectiveAt },
  });
  if (due) {
    await withdrawNow(tx, request, code, at, auditActor(actor), at);
    return 'applied';
  }
  // Announced ahead: the code's public end date is the day the withdrawal takes effect.
  await tx.register.updateCode({ ...code, validTo: effectiveAt }, at);
  const { publicReason } = request.payload;
  await publish(tx, code.key, 'withdrawal_scheduled', { from: null, to: null }, publicReason, at);
  return 'scheduled';
}

/** The holder a transfer goes to: the register's, or a new one inserted now. */
async function receiverOf(
  s: LifecycleServices,
  tx: LifecycleTx,
  to: TransferTarget,
  at: string,
): Promise<HolderRow> {
  if (to.kind === 'existing') {
    const receiver = await tx.findHolder(to.holderId);
    if (receiver === undefined) return conflict('no_holder');
    return receiver;
  }
  const receiver: HolderRow = { id: s.ids.next(), ...to, source: 'transfer' };
  await tx.register.insertHolder(receiver, at);
  return receiver;
}

async function approveTransfer(
  s: LifecycleServices,
  tx: LifecycleTx,
  actor: LifecycleActor,
  request: Extract<LifecycleRequest, { kind: 'transfer' }>,
  decision: { readonly note: string | null; readonly at: string },
): Promise<LifecycleRequest['status']> {
  const { at } = decision;
  const code = await lockedCode(tx, request.codeKey);
  const moved = await tx.updateRequest(request.id, ['pending'], {
    status: 'applied',
    decidedBy: actor.id,
    decidedAt: at,
    decisionNote: decision.note,
    appliedAt: at,
  });
  if (!moved) conflict('not_pending');
  if (code.status === 'withdrawn') conflict('already_withdrawn');
  const before = await tx.findHolder(code.holderId);
  const { to, publicReason } = request.payload;
  const receiver = await receiverOf(s, tx, to, at);
  const after: CodeRow = { ...code, holderId: receiver.id };
  await tx.register.updateCode(after, at);
  await publish(tx, code.key, 'holder_changed', { from: null, to: null }, publicReason, at);
  const common = { at, actor: auditActor(actor), codeKey: code.key } as const;
  await tx.audit({
    ...common,
    action: 'code.transfer_approved',
    subject: { type: 'code', id: code.key },
    holderId: code.holderId,
    reason: decision.note,
    before: { requestId: request.id, status: 'pending' },
    after: { requestId: request.id, status: 'applied' },
  });
  await tx.audit({
    ...common,
    action: 'code.transferred',
    subject: { type: 'code', id: code.key },
    holderId: receiver.id,
    reason: request.reason,
    before: { ...codeState(code), holder: before === undefined ? null : holderState(before) },
    after: { ...codeState(after), holder: holderState(receiver), requestId: request.id },
  });
  return 'applied';
}

/**
 * The second admin approves a withdrawal or a transfer; never the admin who proposed it. A
 * transfer, and a withdrawal whose day has come, take effect at once; a withdrawal for a later
 * day is scheduled (and announced with the code's end date).
 */
export async function approveRequest(
  s: LifecycleServices,
  actor: LifecycleActor,
  id: string,
  rawNote = '',
): Promise<LifecycleRequest['status']> {
  requireAdmin(actor);
  const decision = { note: note(rawNote, false), at: s.clock.now().toISOString() };
  return commit(s, async (tx) => {
    const request = await pendingRequest(tx, id);
    if (request.requestedBy === actor.id)
      throw new DomainError('forbidden', { reason: 'own_request' });
    if (request.status !== 'pending') conflict('not_pending');
    return request.kind === 'withdraw'
      ? approveWithdrawal(tx, actor, request, decision)
      : approveTransfer(s, tx, actor, request, decision);
  });
}
