import { DomainError } from '../../domain/errors.ts';
import { noticeEnds } from '../../domain/register/lifecycle-rules.ts';
import { compactKey, parsePartyKey } from '../../domain/register/party-key.ts';
import type { PartyRecord, RegisterEvent } from '../register/models.ts';
import type { HolderRow } from '../register/ports.ts';
import { operationOf } from './holder-requests.ts';
import type { HolderRequest, LifecycleRequest, LifecycleServices } from './ports.ts';
import { codeKeyOf } from './shared.ts';

/** The longest search the code finder takes, as on the public register search. */
export const CODE_QUERY_MAX = 100;
const FOUND_MAX = 50;

/**
 * Finds codes by party ID (any spelling) or by words of the holder's names. A party ID the
 * register holds comes first.
 */
export async function findCodes(s: LifecycleServices, q: string): Promise<PartyRecord[]> {
  const query = q.trim();
  if (query === '') return [];
  if (query.length > CODE_QUERY_MAX) {
    throw new DomainError('validation_failed', {}, [
      { field: 'q', code: 'too_long', params: { limit: CODE_QUERY_MAX } },
    ]);
  }
  const key = parsePartyKey(query);
  const exact = key === undefined ? undefined : await s.reader.findParty(compactKey(key));
  const found = await s.reader.listParties({ q: query }, FOUND_MAX);
  if (exact === undefined) return found;
  return [exact, ...found.filter((r) => r.key !== exact.key)];
}

export interface CodeOverview {
  readonly record: PartyRecord;
  readonly history: readonly RegisterEvent[];
  /** The code's withdrawals and transfers, newest first. */
  readonly requests: readonly LifecycleRequest[];
  /** The pending or scheduled one, which blocks another until decided. */
  readonly openRequest: LifecycleRequest | undefined;
  /** Open requests of the holder about this code. */
  readonly holderRequests: readonly HolderRequest[];
}

/** One code as the back office sees it. */
export async function codeOverview(s: LifecycleServices, keyInput: string): Promise<CodeOverview> {
  const key = codeKeyOf(keyInput);
  const record = await s.reader.findParty(key);
  if (record === undefined) throw new DomainError('not_found', { key });
  const [history, requests, holderRequests] = await Promise.all([
    s.reader.partyHistory(key),
    s.store.requestsOfCode(key, 50),
    s.store.listHolderRequests({ codeKey: key, statuses: ['open'] }, 20),
  ]);
  const openRequest = requests.find((r) => r.status === 'pending' || r.status === 'scheduled');
  return { record, history, requests, openRequest, holderRequests };
}

export interface RequestQueue {
  /** Waiting for a second admin, oldest first. */
  readonly pending: readonly LifecycleRequest[];
  /** Approved withdrawals waiting for their day, soonest first. */
  readonly scheduled: readonly LifecycleRequest[];
  /** Holders' requests not yet handled, oldest first. */
  readonly holderRequests: readonly HolderRequest[];
}

/** The staff queue: four-eyes approvals, scheduled withdrawals, holders' requests. */
export async function requestQueue(s: LifecycleServices): Promise<RequestQueue> {
  const [pending, scheduled, holderRequests] = await Promise.all([
    s.store.listRequests(['pending'], 200),
    s.store.listRequests(['scheduled'], 200),
    s.store.listHolderRequests({ statuses: ['open'] }, 200),
  ]);
  const soonest = [...scheduled].sort((a, b) =>
    (a.effectiveAt ?? '').localeCompare(b.effectiveAt ?? ''),
  );
  return { pending, scheduled: soonest, holderRequests };
}

export interface HolderRequestOverview {
  readonly request: HolderRequest;
  readonly operation: LifecycleRequest | null;
  readonly holder: HolderRow | undefined;
  /** The code the request is about or, for a change of details, one of the holder's codes. */
  readonly record: PartyRecord | undefined;
  /** For a termination: the earliest day it may take effect, and the day to propose. */
  readonly noticeEnds: string | undefined;
  readonly proposedDay: string | undefined;
}

/** One holder's request, with what the admin needs to act on it. */
export async function holderRequestOverview(
  s: LifecycleServices,
  id: string,
): Promise<HolderRequestOverview> {
  const request = await s.store.findHolderRequest(id);
  if (request === undefined) throw new DomainError('not_found', { id: id.slice(0, 40) });
  const [operation, holder, keys] = await Promise.all([
    operationOf(s, request),
    s.store.findHolder(request.holderId),
    s.store.codesOfHolder(request.holderId),
  ]);
  const key = request.codeKey ?? keys[0];
  const record = key === undefined ? undefined : await s.reader.findParty(key);
  const notice =
    request.kind === 'termination' ? noticeEnds(new Date(request.createdAt)) : undefined;
  const proposedDay =
    request.kind === 'termination' && notice !== undefined
      ? [request.payload.effectiveDay, notice].sort().at(-1)
      : undefined;
  return { request, operation, holder, record, noticeEnds: notice, proposedDay };
}
