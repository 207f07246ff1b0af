import { isDecidable } from '../../domain/application/application-status.ts';
import { DomainError } from '../../domain/errors.ts';
import type { ApplicationStatus } from '../../domain/application/application-status.ts';
import type { SubmittedValues } from '../applications/submitted-values.ts';
import type { AuditActor, AuditDraft } from '../audit/ports.ts';
import type { CodeRow, HolderRow } from '../register/ports.ts';
import type { StaffMember } from '../staff/ports.ts';
import { findForReview } from './application-dossier.ts';
import { identifiersOf } from './automatic-checks.ts';
import type { ReviewRecord, ReviewServices, ReviewTransaction } from './ports.ts';

/** The staff member deciding. */
export type Reviewer = Pick<StaffMember, 'id' | 'email'>;

/** The longest reason or question, in characters. */
export const DECISION_TEXT_LIMIT = 2000;

// Control characters other than line breaks and tabs; and the line and paragraph separators.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/;

/** A reason or question as typed: trimmed, line breaks kept; `unprocessable` when unusable. */
function decisionText(raw: string, field: string, required: boolean): string | null {
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

function actorOf(staff: Reviewer): AuditActor {
  return { type: 'staff', id: staff.id, label: staff.email };
}

function applicationAudit(
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
async function openForDecision(
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
async function tellApplicant(
  deps: ReviewServices,
  review: ReviewRecord,
  status: ApplicationStatus,
  reason: string | null,
): Promise<void> {
  try {
    await deps.notifier.applicationStatusChanged(review.applicantEmail, review.record.lang, {
      reference: review.record.reference,
      status,
      ...(reason === null ? {} : { reason }),
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

/** A reviewer takes a submitted application: it is in review, assigned to them. */
export async function takeApplication(
  deps: ReviewServices,
  staff: Reviewer,
  id: string,
): Promise<void> {
  await findForReview(deps, id);
  const at = deps.clock.now().toISOString();
  await deps.store.decide(async (tx) => {
    const review = await openForDecision(tx, id, (s) => s === 'submitted');
    const moved = await tx.setStatus({
      id,
      from: 'submitted',
      to: 'in_review',
      at,
      assignedTo: staff.id,
    });
    if (!moved) throw new DomainError('conflict', { reason: 'status' });
    await tx.appendEvent({
      applicationId: id,
      type: 'taken',
      fromStatus: 'submitted',
      toStatus: 'in_review',
      actor: staff.id,
      note: null,
      at,
    });
    await tx.audit(
      applicationAudit(staff, review, 'application.taken', at, {
        before: { status: 'submitted', assignedTo: review.record.assignedTo },
        after: { status: 'in_review', assignedTo: staff.id },
      }),
    );
  });
}

/** Rejects with a reason, which the applicant receives in the application's language. */
export async function rejectApplication(
  deps: ReviewServices,
  staff: Reviewer,
  id: string,
  input: { readonly reason: string },
): Promise<void> {
  await findForReview(deps, id);
  const reason = decisionText(input.reason, 'reason', true);
  const at = deps.clock.now().toISOString();
  const review = await deps.store.decide(async (tx) => {
    const review = await openForDecision(tx, id, isDecidable);
    const from = review.record.status;
    const moved = await tx.setStatus({
      id,
      from,
      to: 'rejected',
      at,
      assignedTo: review.record.assignedTo ?? staff.id,
      decidedBy: staff.id,
      reason,
    });
    if (!moved) throw new DomainError('conflict', { reason: 'status' });
    await tx.appendEvent({
      applicationId: id,
      type: 'rejected',
      fromStatus: from,
      toStatus: 'rejected',
      actor: staff.id,
      note: reason,
      at,
    });
    await tx.audit(
      applicationAudit(staff, review, 'application.rejected', at, {
        reason,
        before: { status: from },
        after: { status: 'rejected' },
      }),
    );
    return review;
  });
  await tellApplicant(deps, review, 'rejected', reason);
}

/**
 * Asks the applicant for more information: they receive the question, may edit the application
 * and send it again; the review clock is paused until they do.
 */
export async function requestInformation(
  deps: ReviewServices,
  staff: Reviewer,
  id: string,
  input: { readonly question: string },
): Promise<void> {
  await findForReview(deps, id);
  const question = decisionText(input.question, 'question', true);
  const at = deps.clock.now().toISOString();
  const review = await deps.store.decide(async (tx) => {
    const review = await openForDecision(tx, id, isDecidable);
    const from = review.record.status;
    const moved = await tx.setStatus({
      id,
      from,
      to: 'info_requested',
      at,
      assignedTo: review.record.assignedTo ?? staff.id,
      reason: question,
    });
    if (!moved) throw new DomainError('conflict', { reason: 'status' });
    await tx.appendEvent({
      applicationId: id,
      type: 'info_requested',
      fromStatus: from,
      toStatus: 'info_requested',
      actor: staff.id,
      note: question,
      at,
    });
    await tx.audit(
      applicationAudit(staff, review, 'application.info_requested', at, {
        reason: question,
        before: { status: from },
        after: { status: 'info_requested' },
      }),
    );
    return review;
  });
  await tellApplicant(deps, review, 'info_requested', question);
}

/** What an approval issued. */
export interface Approval {
  readonly reference: string;
  /** The codes now active, `BEABC`. */
  readonly keys: readonly string[];
  readonly holderId: string;
  readonly holderCreated: boolean;
}

/** The organisation's holder, or a new one made from the application, with its identifiers. */
async function holderFor(
  deps: ReviewServices,
  tx: ReviewTransaction,
  review: ReviewRecord,
  values: SubmittedValues,
  at: string,
): Promise<{ readonly holder: HolderRow | null; readonly id: string }> {
  const identifiers = identifiersOf(deps, values);
  if (review.holderId !== null) {
    for (const identifier of identifiers) await tx.addHolderIdentifier(review.holderId, identifier);
    return { holder: null, id: review.holderId };
  }
  const holder: HolderRow = {
    id: deps.ids.next(),
    legalName: values.company.legalName,
    tradingName: null,
    seatCountry: values.company.seatCountry,
    website: values.company.website,
    source: 'application',
  };
  await tx.register.insertHolder(holder, at);
  for (const identifier of identifiers) await tx.addHolderIdentifier(holder.id, identifier);
  if (!(await tx.linkOrganisation(review.record.organisationId, holder.id))) {
    throw new DomainError('conflict', { reason: 'organisation_changed' });
  }
  return { holder, id: holder.id };
}

/**
 * Approves: in one transaction the application is approved, the organisation's holder is
 * created (or its existing one used) with its identifiers, each requested code is inserted
 * active with its roles from now, an `issued` event is added to the register's history, and
 * every change is audited. A code held, quarantined or reserved meanwhile — or issued by another
 * approval at the same moment — is a `conflict` with `reason` `code_issued`, `code_quarantined`
 * or `code_reserved`, and nothing is saved. The applicant is mailed once it is saved.
 */
export async function approveApplication(
  deps: ReviewServices,
  staff: Reviewer,
  id: string,
  input: { readonly note?: string } = {},
): Promise<Approval> {
  await findForReview(deps, id);
  const note = decisionText(input.note ?? '', 'note', false);
  const at = deps.clock.now().toISOString();
  const approved = await deps.store.decide(async (tx) => {
    const review = await openForDecision(tx, id, isDecidable);
    const from = review.record.status;
    const values = review.record.submitted;
    if (values === null) throw new DomainError('conflict', { reason: 'status', status: from });
    // The application's row first: a second decision on it waits here, then finds it decided.
    const moved = await tx.setStatus({
      id,
      from,
      to: 'approved',
      at,
      assignedTo: review.record.assignedTo ?? staff.id,
      decidedBy: staff.id,
      reason: note,
    });
    if (!moved) throw new DomainError('conflict', { reason: 'status' });
    await tx.appendEvent({
      applicationId: id,
      type: 'approved',
      fromStatus: from,
      toStatus: 'approved',
      actor: staff.id,
      note,
      at,
    });
    const { holder, id: holderId } = await holderFor(deps, tx, review, values, at);
    const codes: CodeRow[] = [];
    // In a fixed order, so that two approvals of the same codes wait for each other, never
    // for each other's second code (a deadlock).
    for (const country of [...values.request.countries].sort()) {
      const key = `${country}${values.request.code}`;
      const held = await tx.register.findCode(key);
      if (held !== undefined) {
        const reason = held.status === 'withdrawn' ? 'code_quarantined' : 'code_issued';
        throw new DomainError('conflict', { reason, key });
      }
      if ((await tx.reservation(key)) !== undefined) {
        throw new DomainError('conflict', { reason: 'code_reserved', key });
      }
      const code: CodeRow = {
        key,
        country,
        code: values.request.code,
        holderId,
        status: 'active',
        validFrom: at,
        validTo: null,
        successorKey: null,
        roles: values.request.roles,
      };
      // Two approvals of the same code: the second insert waits for the first transaction and
      // then fails on the code's uniqueness; the store turns that into a `conflict`.
      await tx.register.insertCode(code, at);
      await tx.register.appendEvent({
        key,
        type: 'issued',
        fromStatus: null,
        toStatus: 'active',
        reason: null,
        at,
      });
      codes.push(code);
    }
    const keys = codes.map((c) => c.key);
    // The trail last: its head row is the one lock every writer shares, held as briefly as can be.
    await tx.audit(
      applicationAudit(staff, review, 'application.approved', at, {
        holderId,
        ...(note === null ? {} : { reason: note }),
        before: { status: from },
        after: { status: 'approved', holderId, codes: keys },
      }),
    );
    if (holder !== null) {
      await tx.audit({
        at,
        actor: actorOf(staff),
        action: 'holder.created',
        subject: { type: 'holder', id: holderId },
        holderId,
        applicationId: id,
        after: {
          legalName: holder.legalName,
          seatCountry: holder.seatCountry,
          website: holder.website,
          source: holder.source,
          identifiers: identifiersOf(deps, values),
        },
      });
    }
    for (const code of codes) {
      await tx.audit({
        at,
        actor: actorOf(staff),
        action: 'code.issued',
        subject: { type: 'code', id: code.key },
        holderId,
        codeKey: code.key,
        applicationId: id,
        after: { status: code.status, roles: code.roles, validFrom: code.validFrom, holderId },
      });
    }
    return { review, keys, holderId, holderCreated: holder !== null };
  });
  deps.registerChanged();
  await tellApplicant(deps, approved.review, 'approved', null);
  return {
    reference: approved.review.record.reference,
    keys: approved.keys,
    holderId: approved.holderId,
    holderCreated: approved.holderCreated,
  };
}
