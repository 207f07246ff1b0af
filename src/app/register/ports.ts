import type { AuditDraft } from '../audit/ports.ts';
import type { CodeStatus } from '../../domain/register/code-status.ts';
import type { PublicReason } from '../../domain/register/lifecycle-rules.ts';
import type { Role } from '../../domain/register/roles.ts';
import type {
  FederatedRecord,
  HolderWithCodes,
  PartyFilter,
  PartyRecord,
  RegisterEvent,
  RegisterEventType,
  RegisterStats,
  RegisterVersion,
  ReservedCode,
} from './models.ts';

/** Reads the public register. Implemented over SQLite and PostgreSQL. */
export interface RegisterReader {
  /** Codes matching the filter in key order, strictly after `afterKey`, at most `limit`. */
  listParties(filter: PartyFilter, limit: number, afterKey?: string): Promise<PartyRecord[]>;
  findParty(key: string): Promise<PartyRecord | undefined>;
  /** The public history of one code, oldest first. */
  partyHistory(key: string): Promise<RegisterEvent[]>;
  /** Changes with an id above `afterId`, oldest first, at most `limit`. */
  changesAfter(afterId: number, limit: number): Promise<RegisterEvent[]>;
  /** Every code in key order, streamed in pages so that memory stays flat. */
  streamParties(filter?: PartyFilter): AsyncIterable<PartyRecord>;
  /** Every holder that has codes of the given statuses, by legal name, with those codes. */
  streamByHolder(statuses: readonly CodeStatus[]): AsyncIterable<HolderWithCodes>;
  version(): Promise<RegisterVersion>;
  stats(): Promise<RegisterStats>;
  /** Records of other registers for a country and code (any role), newest retrieval first. */
  federatedRecords(country: string, code: string): Promise<FederatedRecord[]>;
  /** Records of other registers for a three-character code in every country, by country. */
  federatedByCode(code: string): Promise<FederatedRecord[]>;
  /** The list of reserved codes, by key. */
  listReserved(): Promise<ReservedCode[]>;
  /** Whether a code is on the list of reserved codes, and why. */
  reservation(key: string): Promise<{ readonly reason: string } | undefined>;
}

export interface HolderRow {
  readonly id: string;
  readonly legalName: string;
  readonly tradingName: string | null;
  readonly seatCountry: string | null;
  readonly website: string | null;
  readonly source: string;
}

export interface CodeRow {
  readonly key: string;
  readonly country: string;
  readonly code: string;
  readonly holderId: string;
  readonly status: CodeStatus;
  readonly validFrom: string | null;
  readonly validTo: string | null;
  readonly successorKey: string | null;
  readonly roles: readonly Role[];
}

export interface NewEvent {
  readonly key: string;
  readonly type: RegisterEventType;
  readonly fromStatus: CodeStatus | null;
  readonly toStatus: CodeStatus | null;
  readonly reason: string | null;
  /** The public reason's code, for lifecycle changes. */
  readonly reasonCode?: PublicReason | null;
  readonly at: string;
}

/** Changes the register inside one transaction. */
export interface RegisterWriter {
  findHolderByName(legalName: string): Promise<HolderRow | undefined>;
  insertHolder(holder: HolderRow, at: string): Promise<void>;
  updateHolder(holder: HolderRow, at: string): Promise<void>;
  findCode(key: string): Promise<CodeRow | undefined>;
  insertCode(code: CodeRow, at: string): Promise<void>;
  updateCode(code: CodeRow, at: string): Promise<void>;
  /** Appends an event; its snapshot is the code's public record as it is now, in this transaction. */
  appendEvent(event: NewEvent): Promise<void>;
  upsertFederated(record: FederatedRecord): Promise<'inserted' | 'updated' | 'unchanged'>;
  recordImport(run: ImportRun): Promise<void>;
  countCodes(): Promise<number>;
  /** Adds a code to the reserved list; false when it is there already. */
  reserveCode(code: ReservedCode): Promise<boolean>;
  /** Takes a code off the reserved list; false when it was not there. */
  releaseCode(key: string): Promise<boolean>;
  /** Appends to the audit trail in this same transaction. */
  audit(draft: AuditDraft): Promise<void>;
}

export interface ImportRun {
  readonly kind: 'benelux-csv' | 'idro-directory';
  readonly sourceName: string;
  readonly sha256: string;
  readonly retrievedAt: string | null;
  readonly importedAt: string;
  readonly summary: unknown;
}

/** Runs work atomically: all of it is saved, or none. */
export interface RegisterStore {
  transaction<T>(work: (writer: RegisterWriter) => Promise<T>): Promise<T>;
}

/** New identifiers for holders. */
export interface IdGenerator {
  next(): string;
}
