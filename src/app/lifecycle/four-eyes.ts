import { DomainError } from '../../domain/errors.ts';
import { statusAfter } from '../../domain/register/code-status.ts';
import {
  dayOf,
  effectiveDateProblem,
  isOpenRequest,
  noticeEnds,
  parseDay,
  startOfDay,
} from '../../domain/register/lifecycle-rules.ts';
import { compactKey, parsePartyKey } from '../../domain/register/party-key.ts';
import type { AuditActor } from '../audit/ports.ts';
import type { CodeRow, HolderRow } from '../register/ports.ts';
import { holderDetails, type ReasonInput } from './code-operations.ts';
import { acceptHolderRequest, reopenHolderRequest } from './holder-request-link.ts';
import { conflict, Fields, REASON_MAX } from './input.ts';
import type {
  LifecycleActor,
  LifecycleRequest,
  LifecycleServices,
  LifecycleTx,
  TransferTarget,
} from './ports.ts';
import {
  auditActor,
  codeKeyOf,
  codeState,
  commit,
  holderState,
  lockedCode,
  publish,
  requireAdmin,
  SYSTEM_ACTOR,
} from './shared.ts';

/** No second open request on a code, and nothing more to do to a withdrawn one. */
async function ensureFree(tx: LifecycleTx, code: CodeRow): Promise<void> {
  if (code.status === 'withdrawn') conflict('already_withdrawn');
  if ((await tx.openRequestOf(code.key)) !== undefined) conflict('open_request');
}

export interface WithdrawalInput extends ReasonInput {
  /** The day it takes effect, `YYYY-MM-DD`. */
  readonly effectiveDate: string;
  /** The holder's termination request this answers, if any: the notice period then applies. */
  readonly holderRequestId?: string;
}

/**
 * Proposes to withdraw a code from a given day. Nothing changes in the register until a second
 * admin approves. A withdrawal made from a holder's termination request takes effect no earlier
 * than three months after that request; one decided by the registry may take effect today.
 */
export async function proposeWithdrawal(
  s: LifecycleServices,
  actor: LifecycleActor,
  keyInput: string,
  input: WithdrawalInput,
): Promise<LifecycleRequest> {
  requireAdmin(actor);
  const key = codeKeyOf(keyInput);
  const fromHolder = input.holderRequestId !== undefined && input.holderRequestId !== '';
  const f = new Fields();
  const publicReason = f.publicReason('withdraw', input.publicReason);
  if (publicReason === 'holder_termination' && !fromHolder) {
    f.add('publicReason', 'termination_needs_request');
  }
  const day = parseDay(input.effectiveDate);
  if (input.effectiveDate.trim() === '') f.add('effectiveDate', 'required');
  else if (day === undefined) f.add('effectiveDate', 'invalid_date');
  const reason = f.reason(input.reason);
  f.check();
  const now = s.clock.now();
  const at = now.toISOString();
  return commit(s, async (tx) => {
    const code = await lockedCode(tx, key);
    await ensureFree(tx, code);
    let noticeFrom: Date | undefined;
    if (fromHolder) {
      const asked = await acceptHolderRequest(tx, actor, input.holderRequestId ?? '', {
        kind: 'termination',
        codeKey: key,
        holderId: code.holderId,
        at,
      });
      noticeFrom = new Date(asked.createdAt);
    }
    const effectiveDay = day ?? '';
    const problem = effectiveDateProblem(effectiveDay, dayOf(now), noticeFrom);
    if (problem !== undefined) {
      const dates = new Fields();
      const earliest = noticeFrom === undefined ? dayOf(now) : noticeEnds(noticeFrom);
      dates.add('effectiveDate', problem, { earliest });
      dates.check();
    }
    const request: LifecycleRequest = {
      id: s.ids.next(),
      kind: 'withdraw',
      codeKey: key,
      holderId: code.holderId,
      payload: { publicReason, effectiveDay },
      reason,
      status: 'pending',
      requestedBy: actor.id,
      requestedByLabel: actor.email,
      decidedBy: null,
      decidedByLabel: null,
      decidedAt: null,
      decisionNote: null,
      effectiveAt: startOfDay(effectiveDay),
      appliedAt: null,
      holderRequestId: fromHolder ? (input.holderRequestId ?? null) : null,
      createdAt: at,
    };
    await tx.insertRequest(request);
    await tx.audit({
      at,
      actor: auditActor(actor),
      action: 'code.withdrawal_proposed',
      subject: { type: 'code', id: key },
      holderId: code.holderId,
      codeKey: key,
      reason,
      before: codeState(code),
      after: { requestId: request.id, effectiveDay, publicReason },
    });
    return request;
  });
}

export interface TransferInput extends ReasonInput {
  /** `existing`: a holder the register has, named by one of its codes; `new`: a new holder. */
  readonly target: string;
  readonly toCode: string;
  readonly legalName: string;
  readonly tradingName: string;
  readonly website: string;
  readonly seatCountry: string;
  /** The holder's transfer request this answers, if any. */
  readonly holderRequestId?: string;
}

async function transferTarget(
  tx: LifecycleTx,
  code: CodeRow,
  toKey: string | undefined,
  fresh: Omit<Extract<TransferTarget, { kind: 'new' }>, 'kind'> | undefined,
): Promise<TransferTarget> {
  if (fresh !== undefined) return { kind: 'new', ...fresh };
  const other = toKey === undefined ? undefined : await tx.register.findCode(toKey);
  const holder = other === undefined ? undefined : await tx.findHolder(other.holderId);
  const f = new Fields();
  if (holder === undefined) f.add('toCode', 'unknown_code');
  else if (holder.id === code.holderId) f.add('toCode', 'same_holder');
  f.check();
  return { kind: 'existing', holderId: holder?.id ?? '', legalName: holder?.legalName ?? '' };
}

/**
 * Proposes to transfer a code to another holder (merger, acquisition): one the register has, or
 * a new one. Nothing changes until a second admin approves.
 */
export async function proposeTransfer(
  s: LifecycleServices,
  actor: LifecycleActor,
  keyInput: string,
  input: TransferInput,
): Promise<LifecycleRequest> {
  requireAdmin(actor);
  const key = codeKeyOf(keyInput);
  const f = new Fields();
  const publicReason = f.publicReason('transfer', input.publicReason);
  let toKey: string | undefined;
  let fresh: ReturnType<typeof holderDetails> | undefined;
  if (input.target === 'existing') {
    const parsed = parsePartyKey(input.toCode.trim());
    toKey = parsed === undefined ? undefined : compactKey(parsed);
    if (input.toCode.trim() === '') f.add('toCode', 'required');
    else if (toKey === undefined) f.add('toCode', 'invalid_code');
  } else if (input.target === 'new') {
    fresh = holderDetails(f, input);
  } else {
    f.add('target', 'required');
  }
  const reason = f.reason(input.reason);
  f.check();
  const at = s.clock.now().toISOString();
  return commit(s, async (tx) => {
    const code = await lockedCode(tx, key);
    await ensureFree(tx, code);
    const to = await transferTarget(tx, code, toKey, fresh);
    const fromHolder = input.holderRequestId !== undefined && input.holderRequestId !== '';
    if (fromHolder) {
      await acceptHolderRequest(tx, actor, input.holderRequestId ?? '', {
        kind: 'transfer',
        codeKey: key,
        holderId: code.holderId,
        at,
      });
    }
    const request: LifecycleRequest = {
      id: s.ids.next(),
      kind: 'transfer',
      codeKey: key,
      holderId: code.holderId,
      payload: { publicReason, to },
      reason,
      status: 'pending',
      requestedBy: actor.id,
      requestedByLabel: actor.email,
      decidedBy: null,
      decidedByLabel: null,
      decidedAt: null,
      decisionNote: null,
      effectiveAt: null,
      appliedAt: null,
      holderRequestId: fromHolder ? (input.holderRequestId ?? null) : null,
      createdAt: at,
    };
    await tx.insertRequest(request);
    await tx.audit({
      at,
      actor: auditActor(actor),
      action: 'code.transfer_proposed',
      subject: { type: 'code', id: key },
      holderId: code.holderId,
      codeKey: key,
      reason,
      before: codeState(code),
      after: { requestId: request.id, to, publicReason },
    });
    return request;
  });
}

/** Withdraws the code now: status, end date, public event and audit entry. */
async function withdrawNow(
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
  await tx.audit({
    at,
    actor,
    action: 'code.withdrawn',
    subject: { type: 'code', id: code.key },
    holderId: code.holderId,
    codeKey: code.key,
    reason: request.reason,
    before: codeState(code),
    after: { ...codeState(after), requestId: request.id, publicReason },
  });
}

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
  await tx.audit({
    at,
    actor: auditActor(actor),
    action: 'code.withdrawal_approved',
    subject: { type: 'code', id: code.key },
    holderId: code.holderId,
    codeKey: code.key,
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
  let receiver: HolderRow | undefined;
  if (to.kind === 'existing') {
    receiver = await tx.findHolder(to.holderId);
    if (receiver === undefined) conflict('no_holder');
  } else {
    receiver = { id: s.ids.next(), ...to, source: 'transfer' };
    await tx.register.insertHolder(receiver, at);
  }
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

function note(raw: string, required: boolean): string | null {
  const f = new Fields();
  const value = f.text('note', raw, REASON_MAX, required, true);
  f.check();
  return value;
}

async function pendingRequest(tx: LifecycleTx, id: string): Promise<LifecycleRequest> {
  const request = await tx.findRequest(id);
  if (request === undefined) throw new DomainError('not_found', { id: id.slice(0, 40) });
  return request;
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
    await tx.audit({
      at,
      actor: auditActor(actor),
      action: 'lifecycle_request.rejected',
      subject: { type: 'lifecycle_request', id },
      holderId: request.holderId,
      codeKey: request.codeKey,
      reason: decisionNote,
      before: { kind: request.kind, status: 'pending' },
      after: { kind: request.kind, status: 'rejected' },
    });
    if (request.holderRequestId !== null) {
      await reopenHolderRequest(tx, auditActor(actor), request.holderRequestId, at);
    }
  });
}

export interface CancelInput {
  readonly note: string;
  /** For a scheduled withdrawal: the public reason it no longer goes ahead. */
  readonly publicReason?: string;
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
      const after: CodeRow = { ...code, validTo: request.payload.previousValidTo ?? null };
      await tx.register.updateCode(after, at);
      await publish(
        tx,
        code.key,
        'withdrawal_cancelled',
        { from: null, to: null },
        publicReason,
        at,
      );
      await tx.audit({
        at,
        actor: auditActor(actor),
        action: 'code.withdrawal_cancelled',
        subject: { type: 'code', id: code.key },
        holderId: code.holderId,
        codeKey: code.key,
        reason: decisionNote,
        before: { ...codeState(code), requestId: id },
        after: { ...codeState(after), requestId: id, publicReason },
      });
      return;
    }
    await tx.audit({
      at,
      actor: auditActor(actor),
      action: 'lifecycle_request.cancelled',
      subject: { type: 'lifecycle_request', id },
      holderId: request.holderId,
      codeKey: request.codeKey,
      reason: decisionNote,
      before: { kind: request.kind, status: request.status },
      after: { kind: request.kind, status: 'cancelled' },
    });
    if (request.holderRequestId !== null) {
      await reopenHolderRequest(tx, auditActor(actor), request.holderRequestId, at);
    }
  });
}

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
