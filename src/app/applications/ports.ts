import type { ApplicationStatus } from '../../domain/application/application-status.ts';
import type { ApplicationData, ApplicationPosition } from '../../domain/application/steps.ts';
import type { ExternalChecks } from '../../domain/application/validate-steps.ts';
import type { CodeStatus } from '../../domain/register/code-status.ts';
import type { Role } from '../../domain/register/roles.ts';
import type { Account, Notifier } from '../accounts/ports.ts';
import type { AuditDraft } from '../audit/ports.ts';
import type { Clock } from '../ports.ts';
import type { RegisterReader } from '../register/ports.ts';
import type { SubmittedValues } from './submitted-values.ts';

/** The signed-in account acting on applications: every use case is scoped to its organisation. */
export type ApplicantAccount = Pick<Account, 'id' | 'email' | 'organisationId' | 'lang'>;

export interface ApplicationRecord {
  readonly id: string;
  /** Quoted in mails and on pages: `APP-2026-7K3Q9D`. */
  readonly reference: string;
  readonly organisationId: string;
  readonly createdBy: string;
  readonly status: ApplicationStatus;
  readonly currentStep: ApplicationPosition;
  /** Everything typed, by step, as typed. */
  readonly data: ApplicationData;
  /** The checked and normalised values, fixed at submission. */
  readonly submitted: SubmittedValues | null;
  readonly lang: string;
  readonly termsVersion: string | null;
  readonly termsAcceptedAt: string | null;
  /** The first submission; a resubmission after a request for information keeps it. */
  readonly submittedAt: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** The staff member who took the application for review. */
  readonly assignedTo: string | null;
  /** When and by whom it was approved or rejected. */
  readonly decidedAt: string | null;
  readonly decidedBy: string | null;
  /** Why it was rejected, or the question asked when more information was requested. */
  readonly decisionReason: string | null;
}

export const APPLICATION_EVENT_TYPES = [
  'created',
  'file_attached',
  'submitted',
  'withdrawn',
  'notification_failed',
  'taken',
  'info_requested',
  'resubmitted',
  'approved',
  'rejected',
] as const;
export type ApplicationEventType = (typeof APPLICATION_EVENT_TYPES)[number];

export interface ApplicationEvent {
  readonly applicationId: string;
  readonly type: ApplicationEventType;
  readonly fromStatus: ApplicationStatus | null;
  readonly toStatus: ApplicationStatus | null;
  /** The account that acted, if any. */
  readonly actor: string | null;
  readonly note: string | null;
  readonly at: string;
}

export interface ApplicationFile {
  readonly id: string;
  readonly applicationId: string;
  readonly purpose: 'registry_extract';
  readonly filename: string;
  readonly contentType: string;
  readonly size: number;
  readonly sha256: string;
  readonly createdAt: string;
}

export interface StatusChange {
  readonly id: string;
  readonly organisationId: string;
  readonly from: ApplicationStatus;
  readonly to: ApplicationStatus;
  readonly event: ApplicationEvent;
  /** The audit entry of the change, written in the same transaction. */
  readonly audit: AuditDraft;
  readonly submission?: {
    readonly termsVersion: string;
    readonly termsAcceptedAt: string;
    readonly submittedAt: string;
    readonly values: SubmittedValues;
  };
}

/** A code of the register held by the organisation's holder. */
export interface IssuedCode {
  readonly key: string;
  readonly country: string;
  readonly code: string;
  readonly roles: readonly Role[];
  readonly status: CodeStatus;
  readonly validFrom: string | null;
}

/**
 * Applications, always read and written for one organisation: a record of another organisation
 * is never returned. Implemented over SQLite and PostgreSQL; every write is one transaction.
 */
export interface ApplicationRepository {
  /** Inserts the application with its first event and its audit entry. */
  create(record: ApplicationRecord, event: ApplicationEvent, audit: AuditDraft): Promise<void>;
  find(id: string, organisationId: string): Promise<ApplicationRecord | undefined>;
  /** The organisation's applications, newest first. */
  list(organisationId: string): Promise<ApplicationRecord[]>;
  /**
   * Saves the typed data and position with an audit entry, only while the applicant may edit it
   * (a draft, or while more information is requested); false otherwise.
   */
  saveDraft(
    id: string,
    organisationId: string,
    change: {
      readonly data: ApplicationData;
      readonly currentStep: ApplicationPosition;
      readonly at: string;
    },
    audit: AuditDraft,
  ): Promise<boolean>;
  /** Moves the status with its event and audit entry, only if it is still `from`; false otherwise. */
  transition(change: StatusChange): Promise<boolean>;
  /**
   * Stores a file, replacing one of the same purpose, with an event and an audit entry, only
   * while the applicant may edit the application; false otherwise.
   */
  attachFile(
    file: ApplicationFile & { readonly content: Uint8Array },
    event: ApplicationEvent,
    audit: AuditDraft,
  ): Promise<boolean>;
  files(applicationId: string): Promise<ApplicationFile[]>;
  /** The application's history, oldest first. */
  events(applicationId: string): Promise<ApplicationEvent[]>;
  appendEvent(event: ApplicationEvent): Promise<void>;
  /** The codes of the register the organisation holds, by key (empty before the first one). */
  issuedCodes(organisationId: string): Promise<IssuedCode[]>;
}

/** Tells the applicant, in their language: the two application mails of the accounts notifier. */
export type ApplicationNotifier = Pick<
  Notifier,
  'applicationReceived' | 'applicationStatusChanged'
>;

/** Translated labels for the mail summary (message keys of the `applications` namespace). */
export interface SummaryLabels {
  label(lang: string, key: string): string;
}

/** New identifiers and human references. */
export interface ApplicationIds {
  id(): string;
  /** `APP-2026-7K3Q9D`: the year and six random characters. */
  reference(at: Date): string;
}

/** What the register must answer for availability checks. */
export type AvailabilityReader = Pick<
  RegisterReader,
  'findParty' | 'reservation' | 'federatedByCode'
>;

/** Everything the application use cases depend on; built once where the adapters are wired. */
export interface ApplicationServices {
  readonly applications: ApplicationRepository;
  readonly register: AvailabilityReader;
  readonly notifier: ApplicationNotifier;
  readonly clock: Clock;
  readonly ids: ApplicationIds;
  readonly checks: ExternalChecks;
  readonly labels: SummaryLabels;
}
