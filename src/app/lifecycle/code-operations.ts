import { statusAfter } from '../../domain/register/code-status.ts';
import { compactKey, parsePartyKey } from '../../domain/register/party-key.ts';
import type { CodeRow, HolderRow } from '../register/ports.ts';
import { acceptHolderRequest } from './holder-request-link.ts';
import { conflict, Fields, NAME_MAX } from './input.ts';
import type { LifecycleActor, LifecycleServices } from './ports.ts';
import {
  auditActor,
  auditCode,
  codeKeyOf,
  codeState,
  commit,
  holderState,
  lockedCode,
  publish,
  requireAdmin,
} from './shared.ts';

/** Every operation: a public reason from the fixed list and the admin's own words. */
export interface ReasonInput {
  readonly publicReason: string;
  readonly reason: string;
}

/**
 * Suspends an active code (e.g. annual fee unpaid) or reinstates a suspended one, at once: the
 * register, its public history and the audit trail change in one transaction.
 */
export async function changeCodeStatus(
  s: LifecycleServices,
  actor: LifecycleActor,
  operation: 'suspend' | 'reinstate',
  keyInput: string,
  input: ReasonInput,
): Promise<CodeRow> {
  requireAdmin(actor);
  const key = codeKeyOf(keyInput);
  const f = new Fields();
  const publicReason = f.publicReason(operation, input.publicReason);
  const reason = f.reason(input.reason);
  f.check();
  const at = s.clock.now().toISOString();
  return commit(s, async (tx) => {
    const code = await lockedCode(tx, key);
    const to = statusAfter(operation, code.status);
    if (to === undefined) conflict('status_not_allowed', { status: code.status });
    const after: CodeRow = { ...code, status: to };
    await tx.register.updateCode(after, at);
    await publish(tx, key, 'status_changed', { from: code.status, to }, publicReason, at);
    await auditCode(tx, code, {
      at,
      actor: auditActor(actor),
      action: operation === 'suspend' ? 'code.suspended' : 'code.reinstated',
      reason,
      before: codeState(code),
      after: { ...codeState(after), publicReason },
    });
    return after;
  });
}

export interface HolderDetailsInput extends ReasonInput {
  readonly legalName: string;
  readonly tradingName: string;
  readonly website: string;
  readonly seatCountry: string;
  /** The holder's request for a change of details this answers, if any. */
  readonly holderRequestId?: string;
}

/** Reads a holder's new details; the caller checks the fields. */
export function holderDetails(
  f: Fields,
  input: Pick<HolderDetailsInput, 'legalName' | 'tradingName' | 'website' | 'seatCountry'>,
) {
  return {
    legalName: f.text('legalName', input.legalName, NAME_MAX, true) ?? '',
    tradingName: f.text('tradingName', input.tradingName, NAME_MAX, false),
    website: f.website('website', input.website),
    seatCountry: f.country('seatCountry', input.seatCountry),
  };
}

function sameDetails(a: HolderRow, b: HolderRow): boolean {
  return (
    a.legalName === b.legalName &&
    a.tradingName === b.tradingName &&
    a.website === b.website &&
    a.seatCountry === b.seatCountry
  );
}

/**
 * Renames the holder of a code (legal or trading name) or corrects its public details. Every
 * code of the holder gets a `holder_updated` event: each one's public record changed.
 */
export async function renameHolder(
  s: LifecycleServices,
  actor: LifecycleActor,
  keyInput: string,
  input: HolderDetailsInput,
): Promise<HolderRow> {
  requireAdmin(actor);
  const key = codeKeyOf(keyInput);
  const f = new Fields();
  const publicReason = f.publicReason('rename', input.publicReason);
  const details = holderDetails(f, input);
  const reason = f.reason(input.reason);
  f.check();
  const at = s.clock.now().toISOString();
  return commit(s, async (tx) => {
    const code = await lockedCode(tx, key);
    await tx.lockHolder(code.holderId);
    const before = await tx.findHolder(code.holderId);
    if (before === undefined) return conflict('no_holder');
    const after: HolderRow = { ...before, ...details };
    if (sameDetails(before, after)) {
      const same = new Fields();
      same.add('legalName', 'unchanged');
      same.check();
    }
    await tx.register.updateHolder(after, at);
    for (const each of await tx.codesOfHolder(before.id)) {
      await publish(tx, each, 'holder_updated', { from: null, to: null }, publicReason, at);
    }
    const renamed =
      before.legalName !== after.legalName || before.tradingName !== after.tradingName;
    await tx.audit({
      at,
      actor: auditActor(actor),
      action: renamed ? 'holder.renamed' : 'holder.updated',
      subject: { type: 'holder', id: before.id },
      holderId: before.id,
      codeKey: key,
      reason,
      before: holderState(before),
      after: { ...holderState(after), publicReason },
    });
    if (input.holderRequestId !== undefined && input.holderRequestId !== '') {
      await acceptHolderRequest(tx, actor, input.holderRequestId, {
        kind: 'change_details',
        codeKey: key,
        holderId: before.id,
        at,
      });
    }
    return after;
  });
}

export interface SuccessorInput extends ReasonInput {
  /** The code that replaces this one, in any spelling. */
  readonly successor: string;
}

/** Links the code that replaces this one (after a rename or a merger). */
export async function linkSuccessor(
  s: LifecycleServices,
  actor: LifecycleActor,
  keyInput: string,
  input: SuccessorInput,
): Promise<CodeRow> {
  requireAdmin(actor);
  const key = codeKeyOf(keyInput);
  const f = new Fields();
  const publicReason = f.publicReason('successor', input.publicReason);
  const parsed = parsePartyKey(input.successor.trim());
  const successor = parsed === undefined ? undefined : compactKey(parsed);
  if (input.successor.trim() === '') f.add('successor', 'required');
  else if (successor === undefined) f.add('successor', 'invalid_code');
  else if (successor === key) f.add('successor', 'same_code');
  const reason = f.reason(input.reason);
  f.check();
  const at = s.clock.now().toISOString();
  return commit(s, async (tx) => {
    const code = await lockedCode(tx, key);
    if (successor === undefined || (await tx.register.findCode(successor)) === undefined) {
      const unknown = new Fields();
      unknown.add('successor', 'unknown_code');
      unknown.check();
    }
    if (code.successorKey === successor) conflict('already_linked');
    const after: CodeRow = { ...code, successorKey: successor ?? null };
    await tx.register.updateCode(after, at);
    await publish(tx, key, 'successor_linked', { from: null, to: null }, publicReason, at);
    await auditCode(tx, code, {
      at,
      actor: auditActor(actor),
      action: 'code.successor_linked',
      reason,
      before: codeState(code),
      after: { ...codeState(after), publicReason },
    });
    return after;
  });
}
