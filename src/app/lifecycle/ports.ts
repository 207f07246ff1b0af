import type {
  HolderRequestKind,
  HolderRequestStatus,
  LifecycleRequestStatus,
  PublicReason,
} from '../../domain/register/lifecycle-rules.ts';
import type { Account } from '../accounts/ports.ts';
import type { AuditDraft } from '../audit/ports.ts';
import type { Clock } from '../ports.ts';
import type {
  HolderRow,
  IdGenerator,
  RegisterReader,
  RegisterStore,
  RegisterWriter,
} from '../register/ports.ts';
import type { StaffMember } from '../staff/ports.ts';
import type { RegisterChanges } from './register-changes.ts';

/** The admin (or the service itself, for due withdrawals) who changes an issued code. */
export type LifecycleActor = Pick<StaffMember, 'id' | 'email' | 'role'>;

/** The signed-in account of a holder organisation asking for a change. */
export type HolderAccount = Pick<Account, 'id' | 'email' | 'organisationId'>;

/** Where a transferred code goes: a holder the register has, or a new one. */
export type TransferTarget =
  | { readonly kind: 'existing'; readonly holderId: string; readonly legalName: string }
  | {
      readonly kind: 'new';
      readonly legalName: string;
      readonly tradingName: string | null;
      readonly seatCountry: string | null;
      readonly website: string | null;
    };

export interface WithdrawalPayload {
  readonly publicReason: PublicReason;
  /** The day it takes effect, `YYYY-MM-DD`. */
  readonly effectiveDay: string;
  /** The code's end date before the withdrawal was scheduled, restored if it is cancelled. */
  readonly previousValidTo?: string | null;
}

export interface TransferPayload {
  readonly publicReason: PublicReason;
  readonly to: TransferTarget;
}

interface RequestBase {
  readonly id: string;
  readonly codeKey: string;
  readonly holderId: string;
  /** The proposer's own words: internal, written to the audit trail, never published. */
  readonly reason: string;
  readonly status: LifecycleRequestStatus;
  readonly requestedBy: string;
  /** The proposer's e-mail, for the queue. */
  readonly requestedByLabel: string | null;
  readonly decidedBy: string | null;
  readonly decidedByLabel: string | null;
  readonly decidedAt: string | null;
  readonly decisionNote: string | null;
  readonly effectiveAt: string | null;
  readonly appliedAt: string | null;
  /** The holder's request it came from, if any. */
  readonly holderRequestId: string | null;
  readonly createdAt: string;
}

/** A withdrawal or transfer waiting for a second admin (four eyes), or for its date. */
export type LifecycleRequest =
  | (RequestBase & { readonly kind: 'withdraw'; readonly payload: WithdrawalPayload })
  | (RequestBase & { readonly kind: 'transfer'; readonly payload: TransferPayload });

export type NewLifecycleRequest = Omit<
  LifecycleRequest,
  'requestedByLabel' | 'decidedByLabel' | 'decidedBy' | 'decidedAt' | 'decisionNote' | 'appliedAt'
>;

export interface RequestPatch {
  readonly status: LifecycleRequestStatus;
  readonly decidedBy?: string;
  readonly decidedAt?: string;
  readonly decisionNote?: string | null;
  readonly appliedAt?: string;
  readonly payload?: WithdrawalPayload | TransferPayload;
}

export interface TerminationPayload {
  /** The day the holder wants the code to end, `YYYY-MM-DD`: never before the notice has run. */
  readonly effectiveDay: string;
}

export interface DetailsPayload {
  readonly legalName: string;
  readonly tradingName: string | null;
  readonly website: string | null;
  readonly seatCountry: string | null;
}

export interface HolderTransferPayload {
  /** The organisation that takes the code over, as the holder names it. */
  readonly toName: string;
  /** A code the receiving organisation already holds, if any. */
  readonly toCode: string | null;
  readonly publicReason: PublicReason;
}

interface HolderRequestBase {
  readonly id: string;
  /** Quoted to the holder: `REQ-2026-7K3Q9D`. */
  readonly reference: string;
  readonly organisationId: string;
  readonly holderId: string;
  readonly codeKey: string | null;
  /** The holder's own message to the registry. */
  readonly message: string | null;
  readonly status: HolderRequestStatus;
  readonly lang: string;
  readonly createdBy: string;
  readonly createdByEmail: string | null;
  readonly createdAt: string;
  readonly handledBy: string | null;
  readonly handledAt: string | null;
  /** Why it was declined; shown to the holder. */
  readonly outcomeNote: string | null;
}

/** What a holder asked for from its account. */
export type HolderRequest =
  | (HolderRequestBase & { readonly kind: 'termination'; readonly payload: TerminationPayload })
  | (HolderRequestBase & { readonly kind: 'change_details'; readonly payload: DetailsPayload })
  | (HolderRequestBase & { readonly kind: 'transfer'; readonly payload: HolderTransferPayload });

export type NewHolderRequest = Omit<
  HolderRequest,
  'createdByEmail' | 'handledBy' | 'handledAt' | 'outcomeNote'
>;

export interface HolderRequestPatch {
  readonly status: HolderRequestStatus;
  readonly handledBy: string | null;
  readonly handledAt: string | null;
  readonly outcomeNote?: string | null;
}

/** The lifecycle's changes inside one transaction, with the register's writer beside them. */
export interface LifecycleTx {
  readonly register: RegisterWriter;
  /** Takes the code's row lock until the end of the transaction; false when there is no code. */
  lockCode(key: string): Promise<boolean>;
  /** Takes the holder's row lock until the end of the transaction; false when there is none. */
  lockHolder(id: string): Promise<boolean>;
  findHolder(id: string): Promise<HolderRow | undefined>;
  /** The keys of a holder's codes, in key order. */
  codesOfHolder(holderId: string): Promise<string[]>;
  insertRequest(request: NewLifecycleRequest): Promise<void>;
  findRequest(id: string): Promise<LifecycleRequest | undefined>;
  /** The pending or scheduled request of a code, if any. */
  openRequestOf(codeKey: string): Promise<LifecycleRequest | undefined>;
  /** Moves a request on, only from one of `from`; false when someone else was first. */
  updateRequest(
    id: string,
    from: readonly LifecycleRequestStatus[],
    patch: RequestPatch,
  ): Promise<boolean>;
  insertHolderRequest(request: NewHolderRequest): Promise<void>;
  findHolderRequest(id: string): Promise<HolderRequest | undefined>;
  /** Open requests of one kind for one code. */
  openHolderRequests(codeKey: string, kind: HolderRequestKind): Promise<HolderRequest[]>;
  /** Moves a holder's request on, only from one of `from`; false when someone else was first. */
  updateHolderRequest(
    id: string,
    from: readonly HolderRequestStatus[],
    patch: HolderRequestPatch,
  ): Promise<boolean>;
  audit(draft: AuditDraft): Promise<void>;
}

export interface HolderRequestFilter {
  readonly statuses?: readonly HolderRequestStatus[];
  readonly organisationId?: string;
  readonly codeKey?: string;
}

/** Storage of lifecycle requests and holders' requests. Implemented over SQLite and PostgreSQL. */
export interface LifecycleStore {
  /** Runs the work in one transaction: all of it is saved, or none. */
  transaction<T>(work: (tx: LifecycleTx) => Promise<T>): Promise<T>;
  findRequest(id: string): Promise<LifecycleRequest | undefined>;
  /** Requests in the given statuses, oldest first. */
  listRequests(
    statuses: readonly LifecycleRequestStatus[],
    limit: number,
  ): Promise<LifecycleRequest[]>;
  /** One code's requests, newest first. */
  requestsOfCode(codeKey: string, limit: number): Promise<LifecycleRequest[]>;
  /** The requests an admin made from one holder's request, newest first. */
  requestsFromHolderRequest(holderRequestId: string): Promise<LifecycleRequest[]>;
  /** Scheduled requests whose effective moment is at or before `now`, oldest first. */
  dueRequests(now: string, limit: number): Promise<LifecycleRequest[]>;
  findHolderRequest(id: string): Promise<HolderRequest | undefined>;
  /** Holders' requests, newest first (open ones oldest first, as a queue). */
  listHolderRequests(filter: HolderRequestFilter, limit: number): Promise<HolderRequest[]>;
  /** The register holder an organisation became, if any. */
  holderOfOrganisation(organisationId: string): Promise<string | null>;
  findHolder(id: string): Promise<HolderRow | undefined>;
  /** The keys of a holder's codes, in key order. */
  codesOfHolder(holderId: string): Promise<string[]>;
}

/** Everything the lifecycle use cases depend on; built once where the adapters are wired. */
export interface LifecycleServices {
  readonly clock: Clock;
  readonly reader: RegisterReader;
  /** The register's own store, for the list of reserved codes. */
  readonly register: RegisterStore;
  readonly store: LifecycleStore;
  readonly ids: IdGenerator;
  /** Told after every committed change to the register, so that caches are emptied at once. */
  readonly changes: RegisterChanges;
  /** A new human reference for a holder's request, `REQ-2026-7K3Q9D`. */
  readonly reference: (at: Date) => string;
}
