import type { LocalDate, HolidayPredicate } from '../../domain/review/working-days.ts';
import type { ExternalChecks } from '../../domain/application/validate-steps.ts';
import type { CodeStatus } from '../../domain/register/code-status.ts';
import type {
  ApplicationEvent,
  ApplicationFile,
  ApplicationNotifier,
  ApplicationRecord,
  AvailabilityReader,
} from '../applications/ports.ts';
import type { AuditDraft } from '../audit/ports.ts';
import type { Clock } from '../ports.ts';
import type { IdGenerator, RegisterWriter } from '../register/ports.ts';

/** The public holidays of the register's countries (type "public" only; weekends apart). */
export interface HolidayCalendar {
  /** Whether `date` is a public holiday in `country` (`BE`, `NL`, `LU`; others have none). */
  forCountry(country: string): HolidayPredicate;
  /** The calendar day of an instant where the register works (Brussels, Amsterdam, Luxembourg). */
  localDate(at: Date): LocalDate;
}

/** A staff member as pages show them: who took or decided an application. */
export interface StaffRef {
  readonly id: string;
  readonly email: string;
}

/** An application as the back office reads it: the record, who created it, its history. */
export interface ReviewRecord {
  readonly record: ApplicationRecord;
  /** The account that created the application: the one the registry writes to. */
  readonly applicantEmail: string;
  /** The register holder of the applicant's organisation, once it has one. */
  readonly holderId: string | null;
  readonly history: readonly ApplicationEvent[];
  /** Labels (e-mails) of the accounts and staff members named in the history. */
  readonly actors: Readonly<Record<string, string>>;
}

/** A holder of the register as a duplicate check shows it, with its codes for links. */
export interface HolderSummary {
  readonly id: string;
  readonly legalName: string;
  readonly tradingName: string | null;
  readonly codes: readonly {
    readonly key: string;
    readonly country: string;
    readonly code: string;
    readonly status: CodeStatus;
  }[];
}

/** An identifier of a holder: `BE_KBO`, `NL_KVK`, `LU_RCS` or `VAT`, normalised. */
export interface HolderIdentifier {
  readonly scheme: string;
  readonly value: string;
}

/** Reads what the review pages show. Implemented over SQLite and PostgreSQL. */
export interface ReviewReader {
  /** Applications in the open statuses, each with its history. */
  openApplications(): Promise<ReviewRecord[]>;
  find(id: string): Promise<ReviewRecord | undefined>;
  files(applicationId: string): Promise<ApplicationFile[]>;
  /** A file of the application with its bytes; undefined for any other id. */
  file(
    applicationId: string,
    fileId: string,
  ): Promise<(ApplicationFile & { readonly content: Uint8Array }) | undefined>;
  /** Holders having any of these identifiers, with the identifier that matched. */
  holdersWithIdentifiers(
    identifiers: readonly HolderIdentifier[],
  ): Promise<{ readonly identifier: HolderIdentifier; readonly holder: HolderSummary }[]>;
  /** Every holder's id and names, for the similar-name check. */
  holderNames(): Promise<
    { readonly id: string; readonly legalName: string; readonly tradingName: string | null }[]
  >;
  holders(ids: readonly string[]): Promise<HolderSummary[]>;
}

/** A change of an application's status by a reviewer, with the review columns. */
export interface ReviewStatusChange {
  readonly id: string;
  readonly from: ApplicationRecord['status'];
  readonly to: ApplicationRecord['status'];
  readonly at: string;
  readonly assignedTo?: string;
  /** Set on approval and rejection. */
  readonly decidedBy?: string;
  /** The rejection's reason or the question asked; kept as written. */
  readonly reason?: string | null;
}

/** What a decision may do, all in one transaction. */
export interface ReviewTransaction {
  /** The application as it is now, read in this transaction; undefined for an unknown id. */
  application(id: string): Promise<ReviewRecord | undefined>;
  /** Moves the status only if it is still `from`; false when someone else moved it first. */
  setStatus(change: ReviewStatusChange): Promise<boolean>;
  appendEvent(event: ApplicationEvent): Promise<void>;
  /** The register, written in this same transaction. */
  readonly register: RegisterWriter;
  /** Whether the code is on the reserved list now. */
  reservation(key: string): Promise<{ readonly reason: string } | undefined>;
  /** Records an identifier of a holder (nothing when it has it already). */
  addHolderIdentifier(holderId: string, identifier: HolderIdentifier): Promise<void>;
  /**
   * Makes the holder the organisation's (its account then shows the holder's codes), only if
   * the organisation has none yet; false when another decision gave it one meanwhile.
   */
  linkOrganisation(organisationId: string, holderId: string): Promise<boolean>;
  audit(draft: AuditDraft): Promise<void>;
}

/**
 * Decisions on applications: the work runs in one transaction, all saved or none. When two
 * decisions issue the same code at once, the database's uniqueness of codes makes the second
 * fail; the store turns that into `DomainError('conflict', { reason: 'code_issued' })`.
 */
export interface ReviewStore {
  decide<T>(work: (tx: ReviewTransaction) => Promise<T>): Promise<T>;
}

/** Everything the review use cases depend on; built once where the adapters are wired. */
export interface ReviewServices {
  readonly clock: Clock;
  readonly reader: ReviewReader;
  readonly store: ReviewStore;
  /** The register as it is now: availability of codes, reservations, other registers. */
  readonly register: AvailabilityReader;
  readonly notifier: ApplicationNotifier;
  readonly checks: ExternalChecks;
  readonly holidays: HolidayCalendar;
  /** Ids of new holders. */
  readonly ids: IdGenerator;
  /** Called after a decision changed the register (the resolve cache of this process). */
  readonly registerChanged: () => void;
}
