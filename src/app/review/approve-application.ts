import { isDecidable } from '../../domain/application/application-status.ts';
import { DomainError } from '../../domain/errors.ts';
import type { SubmittedValues } from '../applications/submitted-values.ts';
import type { CodeRow, HolderRow } from '../register/ports.ts';
import { findForReview } from './application-dossier.ts';
import { identifiersOf } from './automatic-checks.ts';
import {
  actorOf,
  applicationAudit,
  decisionText,
  moveApplication,
  openForDecision,
  tellApplicant,
  type Reviewer,
} from './decision-steps.ts';
import type { ReviewRecord, ReviewServices, ReviewTransaction } from './ports.ts';

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

/** A `conflict` when the code is held, quarantined or reserved. */
async function ensureCodeFree(tx: ReviewTransaction, key: string): Promise<void> {
  const held = await tx.register.findCode(key);
  if (held !== undefined) {
    const reason = held.status === 'withdrawn' ? 'code_quarantined' : 'code_issued';
    throw new DomainError('conflict', { reason, key });
  }
  if ((await tx.reservation(key)) !== undefined) {
    throw new DomainError('conflict', { reason: 'code_reserved', key });
  }
}

/** Inserts each requested code active from now, with its `issued` event; a `conflict` if taken. */
async function issueCodes(
  tx: ReviewTransaction,
  values: SubmittedValues,
  holderId: string,
  at: string,
): Promise<CodeRow[]> {
  const codes: CodeRow[] = [];
  // In a fixed order, so that two approvals of the same codes wait for each other, never
  // for each other's second code (a deadlock).
  for (const country of [...values.request.countries].sort()) {
    const key = `${country}${values.request.code}`;
    await ensureCodeFree(tx, key);
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
  return codes;
}

/** The trail's entry for a holder the approval created. */
async function auditHolderCreated(
  deps: ReviewServices,
  tx: ReviewTransaction,
  staff: Reviewer,
  holder: HolderRow,
  approval: {
    readonly review: ReviewRecord;
    readonly values: SubmittedValues;
    readonly holderId: string;
    readonly at: string;
  },
): Promise<void> {
  const { values, holderId, at } = approval;
  const applicationId = approval.review.record.id;
  await tx.audit({
    at,
    actor: actorOf(staff),
    action: 'holder.created',
    subject: { type: 'holder', id: holderId },
    holderId,
    applicationId,
    after: {
      legalName: holder.legalName,
      seatCountry: holder.seatCountry,
      website: holder.website,
      source: holder.source,
      identifiers: identifiersOf(deps, values),
    },
  });
}

/** The approval's trail: the application, the holder when it was created, each code issued. */
async function auditApproval(
  deps: ReviewServices,
  tx: ReviewTransaction,
  staff: Reviewer,
  approval: {
    readonly review: ReviewRecord;
    readonly values: SubmittedValues;
    readonly holder: HolderRow | null;
    readonly holderId: string;
    readonly codes: readonly CodeRow[];
    readonly note: string | null;
    readonly at: string;
  },
): Promise<void> {
  const { review, holder, holderId, codes, note, at } = approval;
  const applicationId = review.record.id;
  await tx.audit(
    applicationAudit(staff, review, 'application.approved', at, {
      holderId,
      ...(note === null ? {} : { reason: note }),
      before: { status: review.record.status },
      after: { status: 'approved', holderId, codes: codes.map((c) => c.key) },
    }),
  );
  if (holder !== null) await auditHolderCreated(deps, tx, staff, holder, approval);
  for (const code of codes) {
    await tx.audit({
      at,
      actor: actorOf(staff),
      action: 'code.issued',
      subject: { type: 'code', id: code.key },
      holderId,
      codeKey: code.key,
      applicationId,
      after: { status: code.status, roles: code.roles, validFrom: code.validFrom, holderId },
    });
  }
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
    const assignedTo = review.record.assignedTo ?? staff.id;
    await moveApplication(
      tx,
      staff,
      { id, from, to: 'approved', at, assignedTo, decidedBy: staff.id, reason: note },
      'approved',
      note,
    );
    const { holder, id: holderId } = await holderFor(deps, tx, review, values, at);
    const codes = await issueCodes(tx, values, holderId, at);
    // The trail last: its head row is the one lock every writer shares, held as briefly as can be.
    await auditApproval(deps, tx, staff, { review, values, holder, holderId, codes, note, at });
    return { review, keys: codes.map((c) => c.key), holderId, holderCreated: holder !== null };
  });
  deps.registerChanged();
  await tellApplicant(deps, approved.review, 'approved', null, approved.keys);
  return {
    reference: approved.review.record.reference,
    keys: approved.keys,
    holderId: approved.holderId,
    holderCreated: approved.holderCreated,
  };
}
