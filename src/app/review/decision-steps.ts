import { DomainError } from '../../domain/errors.ts';
import {
  isDecidable,
  type ApplicationStatus,
} from '../../domain/application/application-status.ts';
import type { ApplicationEvent } from '../applications/ports.ts';
import type { AuditActor, AuditDraft } from '../audit/ports.ts';
import type { StaffMember } from '../staff/ports.ts';
import type {
  ReviewRecord,
  ReviewServices,
  ReviewStatusChange,
  ReviewTransaction,
} from './ports.ts';

/** The staff member deciding. */
export type Reviewer = Pick<StaffMember, 'id' | 'email'>;

/** The longest reason or question, in characters. */
export const DECISION_TEXT_LIMIT = 2000;

// Control characters other than line breaks and tabs; and the line and paragraph separators.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/;

/** A reason or question as typed: trimmed, line breaks kept; `unprocessable` when unusable. */
export function decisionText(raw: string, field: string, required: boolean): string | null {
  const value = raw.replace(/\r\n?/g, '\n').normalize('NFC').trim();
  const refuse = (code: string, params?: Record<string, number>) =>
    new DomainError('unprocessable', {}, [
      params === undefined ? { field, code } : { field, code, params },
    ]);
  if (value === '') {
    if (required) throw refuse('required');
    return null;
  }
  if (value.length > DECISION_TEXT_LIMIT) throw refuse('too_long', { limit: DECISION_TEXT_LIMIT });
  if (CONTROL.test(value)) throw refuse('invalid_characters');
  return value;
}
export function actorOf(staff: Reviewer): AuditActor {
  return { type: 'staff', id: staff.id, label: staff.email };
}
export function applicationAudit(
  staff: Reviewer,
  review: ReviewRecord,
  action: string,
  at: string,
  change: Pick<AuditDraft, 'before' | 'after' | 'reason' | 'holderId'>,
): AuditDraft {
  return {
    at,
    actor: actorOf(staff),
    action,
    subject: { type: 'application', id: review.record.id },
    applicationId: review.record.id,
    holderId: review.holderId,
    ...change,
  };
}

/** Reads the application in the transaction and checks a reviewer can act on it now. */
export async function openForDecision(
  tx: ReviewTransaction,
  id: string,
  allowed: (status: ApplicationStatus) => boolean,
): Promise<ReviewRecord> {
  const review = await tx.application(id);
  if (review === undefined) throw new DomainError('not_found');
  if (!allowed(review.record.status)) {
    throw new DomainError('conflict', { reason: 'status', status: review.record.status });
  }
  return review;
}
/** Mails the applicant once the decision is saved; a failure is kept in the history, not raised. */
export async function tellApplicant(
  deps: ReviewServices,
  review: ReviewRecord,
  status: ApplicationStatus,
  reason: string | null,
  codes: readonly string[] = [],
): Promise<void> {
  try {
    await deps.notifier.applicationStatusChanged(review.applicantEmail, review.record.lang, {
      reference: review.record.reference,
      status,
      ...(reason === null ? {} : { reason }),
      ...(codes.length === 0 ? {} : { codes }),
    });
  } catch (err: unknown) {
    const note = (err instanceof Error ? err.message : String(err)).slice(0, 500);
    await deps.store.decide((tx) =>
      tx.appendEvent({
        applicationId: review.record.id,
        type: 'notification_failed',
        fromStatus: null,
        toStatus: null,
        actor: null,
        note,
        at: deps.clock.now().toISOString(),
      }),
    );
  }
}

/**
 * Moves the application from one status to another (a `conflict` when another decision moved it
 * meanwhile) and adds the event to its history, by the staff member, at the change's moment.
 */
export async function moveApplication(
  tx: ReviewTransaction,
  staff: Reviewer,
  change: ReviewStatusChange,
  type: ApplicationEvent['type'],
  note: string | null,
): Promise<void> {
  const moved = await tx.setStatus(change);
  if (!moved) throw new DomainError('conflict', { reason: 'status' });
  await tx.appendEvent({
    applicationId: change.id,
    type,
    fromStatus: change.from,
    toStatus: change.to,
    actor: staff.id,
    note,
    at: change.at,
  });
}

/**
 * Rejects or asks for information, with the text the applicant receives: the application moves,
 * its history and the trail record it, and the applicant is mailed once it is saved.
 */
export async function decideWithText(
  deps: ReviewServices,
  staff: Reviewer,
  id: string,
  decision: {
    readonly to: 'rejected' | 'info_requested';
    /** The text as typed, and the form field it came from. */
    readonly raw: string;
    readonly field: 'reason' | 'question';
  },
): Promise<void> {
  const { to } = decision;
  const text = decisionText(decision.raw, decision.field, true);
  const at = deps.clock.now().toISOString();
  const review = await deps.store.decide(async (tx) => {
    const review = await openForDecision(tx, id, isDecidable);
    const from = review.record.status;
    const assignedTo = review.record.assignedTo ?? staff.id;
    const decidedBy = to === 'rejected' ? { decidedBy: staff.id } : {};
    await moveApplication(
      tx,
      staff,
      { id, from, to, at, assignedTo, ...decidedBy, reason: text },
      to,
      text,
    );
    await tx.audit(
      applicationAudit(staff, review, `application.${to}`, at, {
        reason: text,
        before: { status: from },
        after: { status: to },
      }),
    );
    return review;
  });
  await tellApplicant(deps, review, to, text);
}
