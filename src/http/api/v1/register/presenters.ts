import type {
  FederatedRecord,
  PartyRecord,
  RegisterEvent,
  RegisterStats,
} from '../../../../app/register/models.ts';
import type { Resolution } from '../../../../app/register/resolve-id.ts';
import { isInForce } from '../../../../domain/register/code-status.ts';
import { CODE_STATUSES } from '../../../../domain/register/code-status.ts';
import { REGISTER_COUNTRIES } from '../../../../domain/register/party-key.ts';
import { ROLES } from '../../../../domain/register/roles.ts';
import type { ChangeView, StatsView } from './feed-schemas.ts';
import type { FederatedView, ResolutionView } from './resolve-schemas.ts';
import type { HistoryEventView, PartyView } from './schemas.ts';

export const API_BASE = '/api/v1';

export const partyPath = (country: string, code: string) =>
  `${API_BASE}/parties/${country}/${code}`;

/** A party code as the API publishes it: no internal ids. */
export function presentParty(record: PartyRecord): PartyView {
  const { country, code, holder } = record;
  return {
    id: record.key,
    countryCode: country,
    partyId: code,
    display: { cpo: `${country}*${code}`, emsp: `${country}-${code}` },
    roles: [...record.roles],
    status: record.status,
    inForce: isInForce(record.status),
    validFrom: record.validFrom,
    validTo: record.validTo,
    successor: record.successorKey,
    holder: {
      name: holder.legalName,
      tradingName: holder.tradingName,
      country: holder.country,
      website: holder.website,
    },
    updatedAt: record.updatedAt,
    links: { self: partyPath(country, code), html: `/en/register/${country}/${code}` },
  };
}

/**
 * Records are immutable and the prefix cache hands out the same record object until the register
 * changes, so on the resolve path each one is presented once, not once per request. (Not for
 * lists and exports: their records are new each time, and the entries would only wait for a full
 * garbage collection.)
 */
const presented = new WeakMap<PartyRecord, PartyView>();

function presentCachedParty(record: PartyRecord): PartyView {
  let view = presented.get(record);
  if (view === undefined) {
    view = presentParty(record);
    presented.set(record, view);
  }
  return view;
}

export function presentHistoryEvent(event: RegisterEvent): HistoryEventView {
  return {
    sequence: event.id,
    type: event.type,
    at: event.at,
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
    reason: event.reason,
    reasonCode: event.reasonCode ?? null,
  };
}

export function presentChange(event: RegisterEvent): ChangeView {
  return { ...presentHistoryEvent(event), party: presentParty(event.record) };
}

function presentFederated(r: FederatedRecord): FederatedView {
  return {
    registry: r.registryId,
    official: r.official,
    countryCode: r.country,
    partyId: r.code,
    role: r.role,
    status: r.status,
    name: r.organizationName,
    legalName: r.legalName,
    website: r.website,
    source: {
      dataset: r.dataset,
      url: r.sourceUrl,
      recordId: r.sourceRecordId,
      value: r.sourceValue,
      retrievedAt: r.retrievedAt,
      firstSeenAt: r.firstSeenAt,
      lastSeenAt: r.lastSeenAt,
      importedAt: r.importedAt,
    },
  };
}

/** Same reasoning as `presented`: the cached facts hand out the same array each time. */
const presentedFederated = new WeakMap<readonly FederatedRecord[], FederatedView[]>();

function federatedViews(records: readonly FederatedRecord[]): FederatedView[] {
  let views = presentedFederated.get(records);
  if (views === undefined) {
    views = records.map(presentFederated);
    presentedFederated.set(records, views);
  }
  return views;
}

/** The answer of `GET /resolve/{id}`; `resolveId` only returns valid, resolvable IDs. */
export function presentResolution(r: Resolution): ResolutionView {
  const { id, prefix } = r;
  return {
    id: {
      input: id.input,
      kind: id.kind as ResolutionView['id']['kind'],
      detected: id.detected,
      normalized: id.normalized ?? prefix.key,
      ...(id.checkDigit === undefined ? {} : { checkDigit: id.checkDigit }),
      parts: id.parts ?? { country: prefix.country, partyCode: prefix.partyCode },
    },
    prefix: {
      id: prefix.key,
      countryCode: prefix.country,
      partyId: prefix.partyCode,
      display: { cpo: prefix.cpo, emsp: prefix.emsp },
    },
    issuedByThisRegister: r.issuedByThisRegister,
    registered: r.registered,
    inForce: r.inForce,
    party: r.party === null ? null : presentCachedParty(r.party),
    reserved: r.reserved,
    federated: federatedViews(r.federated),
  };
}

/**
 * The JSON of everything in a resolution but the parsed ID, per cached prefix: the prefix facts'
 * `federated` list is one object for as long as the lookup keeps them, so the fragment is built
 * once per prefix and forgotten with it.
 */
const PREFIX_JSON = new WeakMap<object, string>();

/** A resolution as JSON: the per-request ID, then the prefix fragment built once. */
export function resolutionJson(r: Resolution): string {
  const view = presentResolution(r);
  let tail = PREFIX_JSON.get(r.federated);
  if (tail === undefined) {
    const { id, ...rest } = view;
    tail = JSON.stringify(rest).slice(1);
    PREFIX_JSON.set(r.federated, tail);
  }
  return `{"id":${JSON.stringify(view.id)},${tail}`;
}

/** Every status and role, and the register's own countries, appear even when their count is 0. */
export function presentStats(stats: RegisterStats): StatsView {
  const zeros = (keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, 0]));
  const withZeros = <K extends string>(
    keys: readonly K[],
    counts: Readonly<Record<string, number>>,
  ) => ({ ...zeros(keys), ...counts }) as Record<K, number>;
  return {
    total: stats.total,
    holders: stats.holders,
    byCountry: withZeros(REGISTER_COUNTRIES, stats.byCountry),
    byRole: withZeros(ROLES, stats.byRole),
    byStatus: withZeros(CODE_STATUSES, stats.byStatus),
    registrationsByMonth: stats.registrationsByMonth.map((m) => ({ ...m })),
    registrationDateUnknown: stats.registrationDateUnknown,
  };
}
