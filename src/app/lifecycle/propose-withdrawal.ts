import {
  dayOf,
  effectiveDateProblem,
  noticeEnds,
  parseDay,
  startOfDay,
} from '../../domain/register/lifecycle-rules.ts';
import type { ReasonInput } from './code-operations.ts';
import { ensureFree, insertProposal } from './four-eyes-steps.ts';
import { acceptHolderRequest } from './holder-request-link.ts';
import { Fields } from './input.ts';
import type { LifecycleActor, LifecycleRequest, LifecycleServices, LifecycleTx } from './ports.ts';
import { codeKeyOf, commit, lockedCode, requireAdmin } from './shared.ts';
import type { CodeRow } from '../register/ports.ts';

export interface WithdrawalInput extends ReasonInput {
  /** The day it takes effect, `YYYY-MM-DD`. */
  readonly effectiveDate: string;
  /** The holder's termination request this answers, if any: the notice period then applies. */
  readonly holderRequestId?: string;
}

/** The notice period's start: when the holder asked, for a withdrawal that answers them. */
async function noticeStart(
  tx: LifecycleTx,
  actor: LifecycleActor,
  code: CodeRow,
  holderRequestId: string | undefined,
  at: string,
): Promise<Date | undefined> {
  if (holderRequestId === undefined) return undefined;
  const asked = await acceptHolderRequest(tx, actor, holderRequestId, {
    kind: 'termination',
    codeKey: code.key,
    holderId: code.holderId,
    at,
  });
  return new Date(asked.createdAt);
}

/** `unprocessable` when the day is before today, or before the end of the notice period. */
function checkEffectiveDay(effectiveDay: string, now: Date, noticeFrom: Date | undefined): void {
  const problem = effectiveDateProblem(effectiveDay, dayOf(now), noticeFrom);
  if (problem !== undefined) {
    const dates = new Fields();
    const earliest = noticeFrom === undefined ? dayOf(now) : noticeEnds(noticeFrom);
    dates.add('effectiveDate', problem, { earliest });
    dates.check();
  }
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
    const holderRequestId = fromHolder ? (input.holderRequestId ?? '') : undefined;
    const noticeFrom = await noticeStart(tx, actor, code, holderRequestId, at);
    const effectiveDay = day ?? '';
    checkEffectiveDay(effectiveDay, now, noticeFrom);
    return insertProposal(s, tx, actor, code, {
      request: { kind: 'withdraw', payload: { publicReason, effectiveDay } },
      reason,
      effectiveAt: startOfDay(effectiveDay),
      holderRequestId: fromHolder ? (input.holderRequestId ?? null) : null,
      action: 'code.withdrawal_proposed',
      after: { effectiveDay, publicReason },
      at,
    });
  });
}
