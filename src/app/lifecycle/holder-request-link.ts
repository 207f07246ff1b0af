import { DomainError } from '../../domain/errors.ts';
import type { HolderRequestKind } from '../../domain/register/lifecycle-rules.ts';
import type { AuditActor } from '../audit/ports.ts';
import { conflict } from './input.ts';
import type { HolderRequest, LifecycleActor, LifecycleTx } from './ports.ts';
import { auditActor } from './shared.ts';

/**
 * Marks a holder's request as handled by the operation an admin is making from it, in the same
 * transaction. The request must be open, of the kind the operation answers, and about the same
 * holder (and code, when it names one).
 */
export async function acceptHolderRequest(
  tx: LifecycleTx,
  actor: LifecycleActor,
  id: string,
  expect: {
    readonly kind: HolderRequestKind;
    readonly codeKey: string;
    readonly holderId: string;
    readonly at: string;
  },
): Promise<HolderRequest> {
  const request = await tx.findHolderRequest(id);
  if (request === undefined) throw new DomainError('not_found', { id: id.slice(0, 40) });
  const sameCode = request.codeKey === null || request.codeKey === expect.codeKey;
  if (request.kind !== expect.kind || request.holderId !== expect.holderId || !sameCode) {
    conflict('holder_request_mismatch');
  }
  const moved = await tx.updateHolderRequest(id, ['open'], {
    status: 'handled',
    handledBy: actor.id,
    handledAt: expect.at,
  });
  if (!moved) conflict('holder_request_not_open');
  await tx.audit({
    at: expect.at,
    actor: auditActor(actor),
    action: 'holder_request.accepted',
    subject: { type: 'holder_request', id },
    holderId: request.holderId,
    codeKey: request.codeKey,
    before: { status: 'open' },
    after: { status: 'handled' },
  });
  return request;
}

/**
 * Puts a holder's request back in the staff queue when the operation made from it did not go
 * ahead (the second admin rejected it, or its proposer cancelled it).
 */
export async function reopenHolderRequest(
  tx: LifecycleTx,
  actor: AuditActor,
  id: string,
  at: string,
): Promise<void> {
  const request = await tx.findHolderRequest(id);
  if (request === undefined) return;
  if (
    !(await tx.updateHolderRequest(id, ['handled'], {
      status: 'open',
      handledBy: null,
      handledAt: null,
    }))
  ) {
    return;
  }
  await tx.audit({
    at,
    actor,
    action: 'holder_request.reopened',
    subject: { type: 'holder_request', id },
    holderId: request.holderId,
    codeKey: request.codeKey,
    before: { status: 'handled' },
    after: { status: 'open' },
  });
}
