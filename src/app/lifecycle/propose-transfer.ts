import { compactKey, parsePartyKey } from '../../domain/register/party-key.ts';
import type { CodeRow } from '../register/ports.ts';
import { holderDetails, type ReasonInput } from './code-operations.ts';
import { ensureFree, insertProposal } from './four-eyes-steps.ts';
import { acceptHolderRequest } from './holder-request-link.ts';
import { Fields } from './input.ts';
import type {
  LifecycleActor,
  LifecycleRequest,
  LifecycleServices,
  LifecycleTx,
  TransferTarget,
} from './ports.ts';
import { codeKeyOf, commit, lockedCode, requireAdmin } from './shared.ts';

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

/** The receiving holder as typed: an existing one's code, or a new one's details. */
function targetInput(
  f: Fields,
  input: TransferInput,
): { toKey?: string; fresh?: ReturnType<typeof holderDetails> } {
  if (input.target === 'existing') {
    const parsed = parsePartyKey(input.toCode.trim());
    const toKey = parsed === undefined ? undefined : compactKey(parsed);
    if (input.toCode.trim() === '') f.add('toCode', 'required');
    else if (toKey === undefined) f.add('toCode', 'invalid_code');
    return { toKey };
  }
  if (input.target === 'new') return { fresh: holderDetails(f, input) };
  f.add('target', 'required');
  return {};
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
  const { toKey, fresh } = targetInput(f, input);
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
    return insertProposal(s, tx, actor, code, {
      request: { kind: 'transfer', payload: { publicReason, to } },
      reason,
      effectiveAt: null,
      holderRequestId: fromHolder ? (input.holderRequestId ?? null) : null,
      action: 'code.transfer_proposed',
      after: { to, publicReason },
      at,
    });
  });
}
