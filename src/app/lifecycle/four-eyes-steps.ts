import { DomainError } from '../../domain/errors.ts';
import { statusAfter } from '../../domain/register/code-status.ts';
import type { AuditActor } from '../audit/ports.ts';
import type { CodeRow } from '../register/ports.ts';
import { reopenHolderRequest } from './holder-request-link.ts';
import { conflict, Fields, REASON_MAX } from './input.ts';
import type { LifecycleActor, LifecycleRequest, LifecycleServices, LifecycleTx } from './ports.ts';
import { auditActor, auditCode, codeState, publish } from './shared.ts';

/** No second open request on a code, and nothing more to do to a withdrawn one. */
export async function ensureFree(tx: LifecycleTx, code: CodeRow): Promise<void> {
  if (code.status === 'withdrawn') conflict('already_withdrawn');
  if ((await tx.openRequestOf(code.key)) !== undefined) conflict('open_request');
}

/** A request's kind with its payload, either kind. */
type KindAndPayload = {
  [K in LifecycleRequest['kind']]: Pick<Extract<LifecycleRequest, { kind: K }>, 'kind' | 'payload'>;
}[LifecycleRequest['kind']];

/** A new proposal on a code, pending until a second admin decides: saved and audited. */
export async function insertProposal(
  s: LifecycleServices,
  tx: LifecycleTx,
  actor: LifecycleActor,
  code: CodeRow,
  proposal: {
    readonly request: KindAndPayload;
    readonly reason: string;
    readonly effectiveAt: string | null;
    readonly holderRequestId: string | null;
    readonly action: string;
    readonly after: Readonly<Record<string, unknown>>;
    readonly at: string;
  },
): Promise<LifecycleRequest> {
  const { reason, at } = proposal;
  const request: LifecycleRequest = {
    id: s.ids.next(),
    ...proposal.request,
    codeKey: code.key,
    holderId: code.holderId,
    reason,
    status: 'pending',
    requestedBy: actor.id,
    requestedByLabel: actor.email,
    decidedBy: null,
    decidedByLabel: null,
    decidedAt: null,
    decisionNote: null,
    effectiveAt: proposal.effectiveAt,
    appliedAt: null,
    holderRequestId: proposal.holderRequestId,
    createdAt: at,
  };
  await tx.insertRequest(request);
  await auditCode(tx, code, {
    at,
    actor: auditActor(actor),
    action: proposal.action,
    reason,
    before: codeState(code),
    after: { requestId: request.id, ...proposal.after },
  });
  return request;
}

/** Withdraws the code now: status, end date, public event and audit entry. */
export async function withdrawNow(
  tx: LifecycleTx,
  request: Extract<LifecycleRequest, { kind: 'withdraw' }>,
  code: CodeRow,
  validTo: string,
  actor: AuditActor,
  at: string,
): Promise<void> {
  const to = statusAfter('withdraw', code.status);
  if (to === undefined) conflict('already_withdrawn');
  const after: CodeRow = { ...code, status: to, validTo };
  await tx.register.updateCode(after, at);
  const { publicReason } = request.payload;
  await publish(tx, code.key, 'status_changed', { from: code.status, to }, publicReason, at);
  await auditCode(tx, code, {
    at,
    actor,
    action: 'code.withdrawn',
    reason: request.reason,
    before: codeState(code),
    after: { ...codeState(after), requestId: request.id, publicReason },
  });
}

/** A decision's note, checked. */
export function note(raw: string, required: boolean): string | null {
  const f = new Fields();
  const value = f.text('note', raw, REASON_MAX, required, true);
  f.check();
  return value;
}

/** The request by id, in the transaction; `not_found` when unknown. */
export async function pendingRequest(tx: LifecycleTx, id: string): Promise<LifecycleRequest> {
  const request = await tx.findRequest(id);
  if (request === undefined) throw new DomainError('not_found', { id: id.slice(0, 40) });
  return request;
}

/** A request closed without effect: audited, and the holder's request it answered is open again. */
export async function closeRequest(
  tx: LifecycleTx,
  actor: LifecycleActor,
  request: LifecycleRequest,
  change: {
    readonly action: string;
    readonly from: string;
    readonly to: string;
    readonly note: string | null;
  },
  at: string,
): Promise<void> {
  await tx.audit({
    at,
    actor: auditActor(actor),
    action: change.action,
    subject: { type: 'lifecycle_request', id: request.id },
    holderId: request.holderId,
    codeKey: request.codeKey,
    reason: change.note,
    before: { kind: request.kind, status: change.from },
    after: { kind: request.kind, status: change.to },
  });
  if (request.holderRequestId !== null) {
    await reopenHolderRequest(tx, auditActor(actor), request.holderRequestId, at);
  }
}
