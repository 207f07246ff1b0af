import { randomInt } from 'node:crypto';
import { DomainError } from '../../domain/errors.ts';
import {
  dayOf,
  effectiveDateProblem,
  isHolderRequestKind,
  noticeEnds,
  parseDay,
  type PublicReason,
} from '../../domain/register/lifecycle-rules.ts';
import { compactKey, parsePartyKey } from '../../domain/register/party-key.ts';
import type { PartyRecord } from '../register/models.ts';
import type { HolderRow } from '../register/ports.ts';
import { holderDetails } from './code-operations.ts';
import { conflict, Fields, NAME_MAX, REASON_MAX } from './input.ts';
import type {
  HolderAccount,
  HolderRequest,
  LifecycleActor,
  LifecycleRequest,
  LifecycleServices,
} from './ports.ts';
import { auditActor, requireAdmin } from './shared.ts';

// Crockford's base 32: no I, L, O or U, so a reference read out on the phone is not misheard.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** `REQ-2026-7K3Q9D`: how a holder's request is quoted. */
export function randomRequestReference(at: Date): string {
  let suffix = '';
  for (let i = 0; i < 6; i++) suffix += ALPHABET.charAt(randomInt(ALPHABET.length));
  return `REQ-${at.getUTCFullYear()}-${suffix}`;
}

/** The longest message a holder may add to a request. */
export const MESSAGE_MAX = 2000;

/** A holder's request with what became of it: the operation an admin made from it, if any. */
export interface HolderRequestView {
  readonly request: HolderRequest;
  readonly operation: LifecycleRequest | null;
}

export interface HolderPortal {
  /** The register holder the organisation is; null until a code was issued to it. */
  readonly holder: HolderRow | null;
  /** The holder's codes, in key order, in every status. */
  readonly codes: readonly PartyRecord[];
  /** The organisation's requests, newest first. */
  readonly requests: readonly HolderRequestView[];
  /** The earliest day a termination asked for today can take effect. */
  readonly earliestTermination: string;
}

async function holderCodes(s: LifecycleServices, holderId: string): Promise<PartyRecord[]> {
  const keys = await s.store.codesOfHolder(holderId);
  const records = await Promise.all(keys.map((key) => s.reader.findParty(key)));
  return records.filter((r): r is PartyRecord => r !== undefined);
}

/** What an operation made from one holder's request has become (newest first), if any. */
export async function operationOf(
  s: LifecycleServices,
  request: HolderRequest,
): Promise<LifecycleRequest | null> {
  if (request.kind === 'change_details') return null;
  const [latest] = await s.store.requestsFromHolderRequest(request.id);
  return latest ?? null;
}

/** The account page of a holder: its codes, its requests and what became of them. */
export async function holderPortal(
  s: LifecycleServices,
  account: HolderAccount,
): Promise<HolderPortal> {
  const earliestTermination = noticeEnds(s.clock.now());
  const holderId = await s.store.holderOfOrganisation(account.organisationId);
  const holder = holderId === null ? undefined : await s.store.findHolder(holderId);
  if (holder === undefined) return { holder: null, codes: [], requests: [], earliestTermination };
  const [codes, requests] = await Promise.all([
    holderCodes(s, holder.id),
    s.store.listHolderRequests({ organisationId: account.organisationId }, 100),
  ]);
  const views = await Promise.all(
    requests.map(async (request) => ({ request, operation: await operationOf(s, request) })),
  );
  return { holder, codes, requests: views, earliestTermination };
}

/** Everything a holder may type on the request forms; each kind reads what it needs. */
export interface HolderRequestInput {
  readonly kind: string;
  readonly code: string;
  readonly effectiveDate: string;
  readonly legalName: string;
  readonly tradingName: string;
  readonly website: string;
  readonly seatCountry: string;
  readonly toName: string;
  readonly toCode: string;
  readonly publicReason: string;
  readonly message: string;
}

const TRANSFER_REASONS: readonly PublicReason[] = ['merger', 'acquisition'];

/** The holder's code a request is about: one of its codes, still in the register's use. */
function ownCode(f: Fields, raw: string, codes: readonly PartyRecord[]): PartyRecord | undefined {
  const parsed = parsePartyKey(raw.trim());
  const key = parsed === undefined ? undefined : compactKey(parsed);
  const record = codes.find((c) => c.key === key);
  if (raw.trim() === '') f.add('code', 'required');
  else if (record === undefined) f.add('code', 'not_your_code');
  else if (record.status === 'withdrawn') f.add('code', 'already_withdrawn');
  return record;
}

function payloadOf(
  f: Fields,
  input: HolderRequestInput,
  now: Date,
): HolderRequest['payload'] | undefined {
  if (input.kind === 'termination') {
    const wanted = input.effectiveDate.trim() === '' ? noticeEnds(now) : input.effectiveDate;
    const day = parseDay(wanted);
    if (day === undefined) {
      f.add('effectiveDate', 'invalid_date');
      return undefined;
    }
    const problem = effectiveDateProblem(day, dayOf(now), now);
    if (problem !== undefined) f.add('effectiveDate', problem, { earliest: noticeEnds(now) });
    return { effectiveDay: day };
  }
  if (input.kind === 'change_details') return holderDetails(f, input);
  const toName = f.text('toName', input.toName, NAME_MAX, true) ?? '';
  const toParsed = input.toCode.trim() === '' ? null : parsePartyKey(input.toCode.trim());
  if (toParsed === undefined) f.add('toCode', 'invalid_code');
  const publicReason = input.publicReason.trim() as PublicReason;
  if (!TRANSFER_REASONS.includes(publicReason)) f.add('publicReason', 'required');
  return { toName, toCode: toParsed ? compactKey(toParsed) : null, publicReason };
}

/**
 * A holder asks for the termination of a code, a change of its details or a transfer; the
 * request lands in the staff queue. Only an organisation that holds codes may ask.
 */
export async function submitHolderRequest(
  s: LifecycleServices,
  account: HolderAccount,
  lang: string,
  input: HolderRequestInput,
): Promise<HolderRequest> {
  if (!isHolderRequestKind(input.kind)) throw new DomainError('not_found', { kind: 'request' });
  const kind = input.kind;
  const holderId = await s.store.holderOfOrganisation(account.organisationId);
  if (holderId === null) throw new DomainError('forbidden', { reason: 'not_a_holder' });
  const codes = await holderCodes(s, holderId);
  const now = s.clock.now();
  const f = new Fields();
  const code = kind === 'change_details' ? undefined : ownCode(f, input.code, codes);
  const payload = payloadOf(f, input, now);
  const message = f.text('message', input.message, MESSAGE_MAX, false, true);
  f.check();
  const at = now.toISOString();
  return s.store.transaction(async (tx) => {
    if (code !== undefined) {
      const waiting =
        (await tx.openHolderRequests(code.key, kind)).length > 0 ||
        (await tx.openRequestOf(code.key)) !== undefined;
      if (waiting) {
        const again = new Fields();
        again.add('code', 'already_requested');
        again.check();
      }
    }
    const request = {
      id: s.ids.next(),
      reference: s.reference(now),
      organisationId: account.organisationId,
      holderId,
      kind,
      codeKey: code?.key ?? null,
      payload,
      message,
      status: 'open',
      lang,
      createdBy: account.id,
      createdByEmail: account.email,
      createdAt: at,
      handledBy: null,
      handledAt: null,
      outcomeNote: null,
    } as HolderRequest;
    await tx.insertHolderRequest(request);
    await tx.audit({
      at,
      actor: { type: 'applicant', id: account.id, label: account.email },
      action: 'holder_request.submitted',
      subject: { type: 'holder_request', id: request.id },
      holderId,
      codeKey: request.codeKey,
      reason: message,
      after: { reference: request.reference, kind, payload },
    });
    return request;
  });
}

/** An admin declines a holder's request with a note that the holder reads. */
export async function declineHolderRequest(
  s: LifecycleServices,
  actor: LifecycleActor,
  id: string,
  rawNote: string,
): Promise<void> {
  requireAdmin(actor);
  const f = new Fields();
  const outcomeNote = f.text('note', rawNote, REASON_MAX, true, true);
  f.check();
  const at = s.clock.now().toISOString();
  await s.store.transaction(async (tx) => {
    const request = await tx.findHolderRequest(id);
    if (request === undefined) throw new DomainError('not_found', { id: id.slice(0, 40) });
    const moved = await tx.updateHolderRequest(id, ['open'], {
      status: 'declined',
      handledBy: actor.id,
      handledAt: at,
      outcomeNote,
    });
    if (!moved) conflict('holder_request_not_open');
    await tx.audit({
      at,
      actor: auditActor(actor),
      action: 'holder_request.declined',
      subject: { type: 'holder_request', id },
      holderId: request.holderId,
      codeKey: request.codeKey,
      reason: outcomeNote,
      before: { status: 'open' },
      after: { status: 'declined' },
    });
  });
}
