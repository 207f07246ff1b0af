import type { CodeStatus } from '../../domain/register/code-status.ts';
import { DomainError } from '../../domain/errors.ts';
import type { PublicReason } from '../../domain/register/lifecycle-rules.ts';
import { compactKey, parsePartyKey } from '../../domain/register/party-key.ts';
import type { AuditActor, AuditDraft } from '../audit/ports.ts';
import type { RegisterEventType } from '../register/models.ts';
import type { CodeRow, HolderRow } from '../register/ports.ts';
import type { LifecycleActor, LifecycleServices, LifecycleTx } from './ports.ts';

/**
 * The public reasons as the change feed and the API publish them, in English (pages translate
 * them from their code). A fixed list: nothing an admin types is ever published.
 */
export const PUBLIC_REASON_TEXT: Readonly<Record<PublicReason, string>> = {
  annual_fee_unpaid: 'Annual fee not paid.',
  annual_fee_paid: 'Annual fee paid.',
  holder_termination: 'Terminated by the holder with notice.',
  holder_request: 'At the holder’s request.',
  holder_ceased: 'The holder has ceased its activity.',
  terms_breach: 'Breach of the terms and conditions.',
  merger: 'Merger of the holder.',
  acquisition: 'Acquisition of the holder.',
  name_change: 'The holder changed its name.',
  correction: 'Correction of the register.',
  registry_decision: 'Decision of the registry.',
};

/** The service itself, applying a withdrawal that an admin approved for a later date. */
export const SYSTEM_ACTOR: AuditActor = { type: 'system', id: null, label: 'lifecycle job' };

export function auditActor(actor: LifecycleActor): AuditActor {
  return { type: 'staff', id: actor.id, label: actor.email };
}

/** Only admins change issued codes; the routes say so too, this is the second lock. */
export function requireAdmin(actor: LifecycleActor): void {
  if (actor.role !== 'admin') throw new DomainError('forbidden');
}

/** `BE*ABC`, `be-abc`, `BEABC` → `BEABC`; anything else is a code the register cannot hold. */
export function codeKeyOf(input: string): string {
  const key = parsePartyKey(input.trim());
  if (key === undefined) throw new DomainError('not_found', { key: input.slice(0, 20) });
  return compactKey(key);
}

/** What the trail records of a code, before and after a change. */
export function codeState(code: CodeRow) {
  return {
    key: code.key,
    status: code.status,
    holderId: code.holderId,
    validTo: code.validTo,
    successorKey: code.successorKey,
  };
}

/** What the trail records of a holder, before and after a change. */
export function holderState(holder: HolderRow) {
  return {
    id: holder.id,
    legalName: holder.legalName,
    tradingName: holder.tradingName,
    seatCountry: holder.seatCountry,
    website: holder.website,
  };
}

/** Runs the work in one transaction, then tells the register's caches that it changed. */
export async function commit<T>(
  s: LifecycleServices,
  work: (tx: LifecycleTx) => Promise<T>,
): Promise<T> {
  const result = await s.store.transaction(work);
  s.changes.notify();
  return result;
}

/** The code, locked for the rest of the transaction; `not_found` when the register has none. */
export async function lockedCode(tx: LifecycleTx, key: string): Promise<CodeRow> {
  const code = (await tx.lockCode(key)) ? await tx.register.findCode(key) : undefined;
  if (code === undefined) throw new DomainError('not_found', { key });
  return code;
}

/** Appends the public event of a lifecycle change, with its public reason. */
export function publish(
  tx: LifecycleTx,
  key: string,
  type: RegisterEventType,
  change: { readonly from: CodeStatus | null; readonly to: CodeStatus | null },
  publicReason: PublicReason,
  at: string,
): Promise<void> {
  return tx.register.appendEvent({
    key,
    type,
    fromStatus: change.from,
    toStatus: change.to,
    reason: PUBLIC_REASON_TEXT[publicReason],
    reasonCode: publicReason,
    at,
  });
}

/** The trail's entry for a change to one code, by its holder and key. */
export function auditCode(
  tx: LifecycleTx,
  code: CodeRow,
  entry: Pick<AuditDraft, 'at' | 'actor' | 'action' | 'reason' | 'before' | 'after'>,
): Promise<void> {
  return tx.audit({
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    subject: { type: 'code', id: code.key },
    holderId: code.holderId,
    codeKey: code.key,
    reason: entry.reason,
    before: entry.before,
    after: entry.after,
  });
}
