import type { CodeStatus } from '../../domain/register/code-status.ts';
import type { PublicReason } from '../../domain/register/lifecycle-rules.ts';
import type { Role } from '../../domain/register/roles.ts';

/** What the register publishes about a holder: no personal data. */
export interface PublicHolder {
  readonly id: string;
  readonly legalName: string;
  readonly tradingName: string | null;
  /** Country of the legal seat, ISO 3166-1 alpha-2, when known. */
  readonly country: string | null;
  readonly website: string | null;
}

/** One party code of the register with its holder, as the API and exports publish it. */
export interface PartyRecord {
  /** Compact key, `BEABC`. */
  readonly key: string;
  readonly country: string;
  readonly code: string;
  readonly roles: readonly Role[];
  readonly status: CodeStatus;
  readonly validFrom: string | null;
  readonly validTo: string | null;
  /** The code that replaces this one (after a rename or merger), if any. */
  readonly successorKey: string | null;
  readonly holder: PublicHolder;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface HolderWithCodes {
  readonly holder: PublicHolder;
  readonly codes: readonly PartyRecord[];
}

export const EVENT_TYPES = [
  'imported',
  'issued',
  'status_changed',
  'roles_changed',
  'holder_changed',
  'holder_updated',
  'successor_linked',
  'withdrawal_scheduled',
  'withdrawal_cancelled',
] as const;
export type RegisterEventType = (typeof EVENT_TYPES)[number];

/** One change to the public register; `id` increases and is the change feed's cursor. */
export interface RegisterEvent {
  readonly id: number;
  readonly key: string;
  readonly type: RegisterEventType;
  readonly fromStatus: CodeStatus | null;
  readonly toStatus: CodeStatus | null;
  /** A public reason; never personal data. */
  readonly reason: string | null;
  /** For lifecycle changes, the public reason's code from a fixed list (`annual_fee_unpaid`…). */
  readonly reasonCode?: PublicReason | null;
  readonly at: string;
  /** The code's public record right after the change. */
  readonly record: PartyRecord;
}

/** A record of another register, kept apart from ours and always shown with its provenance. */
export interface FederatedRecord {
  readonly registryId: string;
  readonly country: string;
  readonly code: string;
  readonly role: string;
  readonly status: string;
  readonly organizationName: string | null;
  readonly legalName: string | null;
  readonly website: string | null;
  readonly official: boolean;
  readonly sourceRecordId: string | null;
  readonly sourceUrl: string | null;
  readonly sourceValue: string | null;
  readonly firstSeenAt: string | null;
  readonly lastSeenAt: string | null;
  readonly retrievedAt: string;
  readonly dataset: string;
  readonly importedAt: string;
}

/** A code held back from issuing (by registry policy), published with its reason. */
export interface ReservedCode {
  readonly key: string;
  readonly country: string;
  readonly code: string;
  readonly reason: string;
  readonly createdAt: string;
}

export interface PartyFilter {
  readonly country?: string;
  readonly role?: Role;
  readonly status?: CodeStatus;
  /** Searched in holder names and code spellings, accent- and case-insensitively. */
  readonly q?: string;
}

export interface RegisterStats {
  readonly total: number;
  readonly holders: number;
  readonly byCountry: Readonly<Record<string, number>>;
  readonly byRole: Readonly<Record<string, number>>;
  readonly byStatus: Readonly<Record<string, number>>;
  /** Codes by month of first registration (`YYYY-MM`), oldest first; codes of unknown date apart. */
  readonly registrationsByMonth: readonly { readonly month: string; readonly count: number }[];
  readonly registrationDateUnknown: number;
}

/** Enough to answer conditional requests: changes whenever the public register does. */
export interface RegisterVersion {
  readonly lastEventId: number;
  /** Changes whenever the federated records do (imports add no register events). */
  readonly federatedMark: string;
  /** Changes whenever the list of reserved codes does. */
  readonly reservedMark: string;
  readonly lastModified: string | null;
}
