import { DomainError } from '../../domain/errors.ts';
import { compactKey, isRegisterCountry, parsePartyKey } from '../../domain/register/party-key.ts';
import type { PartyRecord } from '../register/models.ts';
import type { AuditFilter, AuditPage, AuditPageRequest, AuditState } from './ports.ts';
import type { AuditServices } from './services.ts';

/** Entries on a page of the trail. */
export const AUDIT_PAGE_SIZE = 50;

/** Holder ids are generated UUIDs; anything much longer or odder is no holder. */
const HOLDER_ID = /^[\w-]{1,40}$/;

export interface AuditOverview {
  readonly state: AuditState;
  readonly page: AuditPage;
  /** Every action in the trail, for the filter. */
  readonly actions: readonly string[];
  /** Legal names of the holders the page's entries name, by id. */
  readonly holderNames: ReadonlyMap<string, string>;
}

async function namesOf(services: AuditServices, page: AuditPage) {
  const ids = new Set<string>();
  for (const entry of page.entries) {
    if (entry.holderId !== null) ids.add(entry.holderId);
    if (entry.subjectType === 'holder') ids.add(entry.subjectId);
  }
  return services.reader.holderNames([...ids]);
}

/** The chain's state and one page of the entries matching the filter, newest first. */
export async function auditOverview(
  services: AuditServices,
  filter: AuditFilter,
  page: Omit<AuditPageRequest, 'limit'>,
): Promise<AuditOverview> {
  const [state, entries, actions] = await Promise.all([
    services.reader.state(),
    services.reader.list(filter, { ...page, limit: AUDIT_PAGE_SIZE }),
    services.reader.actions(),
  ]);
  return { state, page: entries, actions, holderNames: await namesOf(services, entries) };
}

export interface HolderTrail {
  readonly holderId: string;
  /** Null when the holder is not (or no longer) in the register. */
  readonly legalName: string | null;
  readonly page: AuditPage;
  readonly holderNames: ReadonlyMap<string, string>;
}

/**
 * Every entry tagged with a holder (its own changes, its codes' and applications'), newest first.
 * `not_found` when the holder is neither in the register nor in the trail.
 */
export async function holderTrail(
  services: AuditServices,
  holderId: string,
  page: Omit<AuditPageRequest, 'limit'>,
): Promise<HolderTrail> {
  if (!HOLDER_ID.test(holderId)) throw new DomainError('not_found');
  const [names, entries] = await Promise.all([
    services.reader.holderNames([holderId]),
    services.reader.list({ holderId }, { ...page, limit: AUDIT_PAGE_SIZE }),
  ]);
  const legalName = names.get(holderId);
  if (legalName === undefined && entries.entries.length === 0 && !entries.hasOlder) {
    throw new DomainError('not_found');
  }
  return {
    holderId,
    legalName: legalName ?? null,
    page: entries,
    holderNames: await namesOf(services, entries),
  };
}

export interface CodeTrail {
  /** `BEABC`. */
  readonly key: string;
  /** The code as the register has it now; null when it is not in the register. */
  readonly record: PartyRecord | null;
  readonly page: AuditPage;
  readonly holderNames: ReadonlyMap<string, string>;
}

/**
 * Every entry about one code, newest first. The key may be written any way a party ID is
 * (`BE*ABC`, `be-abc`); `not_found` when it is not a party ID of this register's countries.
 */
export async function codeTrail(
  services: AuditServices,
  code: string,
  page: Omit<AuditPageRequest, 'limit'>,
): Promise<CodeTrail> {
  const parsed = parsePartyKey(code);
  if (parsed === undefined || !isRegisterCountry(parsed.country)) {
    throw new DomainError('not_found');
  }
  const key = compactKey(parsed);
  const [record, entries] = await Promise.all([
    services.register.findParty(key),
    services.reader.list({ codeKey: key }, { ...page, limit: AUDIT_PAGE_SIZE }),
  ]);
  return {
    key,
    record: record ?? null,
    page: entries,
    holderNames: await namesOf(services, entries),
  };
}
