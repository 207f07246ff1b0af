/** Who made a change: a staff member, an applicant's account, the service itself, or the CLI. */
export interface AuditActor {
  readonly type: 'staff' | 'applicant' | 'system' | 'cli';
  readonly id: string | null;
  /** The actor's e-mail or name as it is now; kept as written, even if it changes later. */
  readonly label: string | null;
}

/** What a change writes to the trail, in the same transaction as the change itself. */
export interface AuditDraft {
  readonly at: string;
  readonly actor: AuditActor;
  /** `<subject>.<verb>`: `application.approved`, `code.suspended`, `staff.created`… */
  readonly action: string;
  readonly subject: { readonly type: string; readonly id: string };
  readonly holderId?: string | null;
  readonly codeKey?: string | null;
  readonly applicationId?: string | null;
  /** Why: required for every staff decision. */
  readonly reason?: string | null;
  /** The subject before and after; plain JSON values (no secrets, no password hashes). */
  readonly before?: unknown;
  readonly after?: unknown;
}

/** One entry of the trail as stored. `before`/`after` are JSON text, exactly as hashed. */
export interface AuditEntry {
  readonly seq: number;
  readonly at: string;
  readonly actorType: string;
  readonly actorId: string | null;
  readonly actorLabel: string | null;
  readonly action: string;
  readonly subjectType: string;
  readonly subjectId: string;
  readonly holderId: string | null;
  readonly codeKey: string | null;
  readonly applicationId: string | null;
  readonly reason: string | null;
  readonly before: string | null;
  readonly after: string | null;
  readonly prevHash: string;
  readonly hash: string;
}

/** The head row: the number and hash of the last entry appended. */
export interface AuditHead {
  readonly seq: number;
  readonly hash: string;
}

/** The trail as one snapshot: its head row and the entries actually there. */
export interface AuditState {
  /** Null when the head row itself was deleted. */
  readonly head: AuditHead | null;
  readonly entries: number;
  /** The lowest and highest `seq` present; null when there is no entry. */
  readonly firstSeq: number | null;
  readonly lastSeq: number | null;
  /** When the entry with the highest `seq` was written. */
  readonly lastAt: string | null;
}

export const ACTOR_TYPES = ['staff', 'applicant', 'system', 'cli'] as const;

/** Which entries to list; every field narrows the list, none means every entry. */
export interface AuditFilter {
  readonly action?: string;
  readonly actorType?: AuditActor['type'];
  /** The actor's e-mail or name, compared without regard to case. */
  readonly actorLabel?: string;
  /** Entries written at or after this instant (ISO 8601, UTC). */
  readonly fromAt?: string;
  /** Entries written before this instant (ISO 8601, UTC). */
  readonly beforeAt?: string;
  readonly holderId?: string;
  readonly codeKey?: string;
}

/**
 * A page of entries, newest first. Without a cursor, the newest; `olderThan` continues after
 * an entry towards older ones, `newerThan` goes back towards newer ones.
 */
export interface AuditPageRequest {
  readonly limit: number;
  readonly olderThan?: number;
  readonly newerThan?: number;
}

export interface AuditPage {
  /** Newest first. */
  readonly entries: readonly AuditEntry[];
  /** Whether there are entries (matching the filter) older than the last of this page. */
  readonly hasOlder: boolean;
  /** Whether there are entries (matching the filter) newer than the first of this page. */
  readonly hasNewer: boolean;
}

/** Reads the trail. Implemented over SQLite and PostgreSQL. */
export interface AuditReader {
  /** Entries with `seq` above `afterSeq` and at most `upToSeq`, in order, at most `limit`. */
  entriesAfter(afterSeq: number, limit: number, upToSeq?: number): Promise<AuditEntry[]>;
  /** One entry by its number. */
  entryAt(seq: number): Promise<AuditEntry | undefined>;
  /** The number and hash of the last entry appended (0 and the genesis hash when empty). */
  head(): Promise<AuditHead>;
  /** The head row and the range of entries present, read in one statement (one snapshot). */
  state(): Promise<AuditState>;
  /** A page of the entries matching the filter, newest first. */
  list(filter: AuditFilter, page: AuditPageRequest): Promise<AuditPage>;
  /** Every action that appears in the trail, in alphabetical order. */
  actions(): Promise<string[]>;
  /** The legal names of those of these holders that are in the register, by id. */
  holderNames(holderIds: readonly string[]): Promise<ReadonlyMap<string, string>>;
  /** A holder's entries (its codes' and applications' included when tagged), newest first. */
  forHolder(holderId: string, limit: number): Promise<AuditEntry[]>;
  /** One code's entries, newest first. */
  forCode(codeKey: string, limit: number): Promise<AuditEntry[]>;
  /** One subject's entries, newest first. */
  forSubject(type: string, id: string, limit: number): Promise<AuditEntry[]>;
}
