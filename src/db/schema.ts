import type { Generated } from 'kysely';

/** Kysely's view of the tables; one interface per table. Timestamps are ISO 8601 UTC strings. */
export interface SettingTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface HolderTable {
  id: string;
  legal_name: string;
  trading_name: string | null;
  seat_country: string | null;
  website: string | null;
  /** Folded names, for accent- and case-insensitive search. */
  search_text: string;
  /** The folded legal name, the order holders are listed in (`holderSortName`). */
  sort_name: string;
  /** Where the holder came from: `benelux-export`, `application`. */
  source: string;
  created_at: string;
  updated_at: string;
}

export interface HolderIdentifierTable {
  holder_id: string;
  /** `BE_KBO`, `NL_KVK`, `LU_RCS`, `VAT`, `LEI`. */
  scheme: string;
  value: string;
}

export interface PartyCodeTable {
  /** Compact upper-case form, `BEABC`. */
  key: string;
  country: string;
  code: string;
  holder_id: string;
  status: string;
  valid_from: string | null;
  valid_to: string | null;
  successor_key: string | null;
  /** Folded code spellings and holder names, for search. */
  search_text: string;
  created_at: string;
  updated_at: string;
}

export interface PartyCodeRoleTable {
  code_key: string;
  role: string;
  since: string | null;
}

export interface ReservedCodeTable {
  key: string;
  country: string;
  code: string;
  reason: string;
  created_at: string;
}

export interface RegisterEventTable {
  /** Increasing: the change feed's cursor. */
  id: Generated<number>;
  code_key: string;
  type: string;
  from_status: string | null;
  to_status: string | null;
  reason: string | null;
  /** The public reason's code (`annual_fee_unpaid`…) for lifecycle changes; null otherwise. */
  reason_code: Generated<string | null>;
  at: string;
  /** The code's public record after the change, as JSON. */
  snapshot: string;
}

export interface FederatedRecordTable {
  registry_id: string;
  country: string;
  code: string;
  role: string;
  status: string;
  organization_name: string | null;
  legal_name: string | null;
  website: string | null;
  /** 1 when the source register is the official one for the country, else 0. */
  official: number;
  source_record_id: string | null;
  source_url: string | null;
  source_value: string | null;
  first_seen_at: string | null;
  last_seen_at: string | null;
  retrieved_at: string;
  /** The dataset the record was imported from (name and version). */
  dataset: string;
  imported_at: string;
}

export interface ImportRunTable {
  id: Generated<number>;
  kind: string;
  source_name: string;
  sha256: string;
  retrieved_at: string | null;
  imported_at: string;
  summary: string;
}

export interface OrganisationTable {
  id: string;
  name: string | null;
  /** The register holder this organisation became, once a code was issued to it. */
  holder_id: string | null;
  created_at: string;
}

export interface AccountTable {
  id: string;
  /** Lower case. */
  email: string;
  organisation_id: string;
  name: string | null;
  lang: string;
  created_at: string;
  last_sign_in_at: string | null;
}

export interface SignInTokenTable {
  /** SHA-256 of the token; the token itself is only ever in the e-mail. */
  token_hash: string;
  email: string;
  /** `sign_in` or `invite`. */
  purpose: string;
  organisation_id: string | null;
  invited_by: string | null;
  lang: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface SessionTable {
  /** SHA-256 of the session id held in the cookie. */
  id_hash: string;
  account_id: string;
  created_at: string;
  expires_at: string;
}

export interface ApiTokenTable {
  id: string;
  token_hash: string;
  account_id: string;
  name: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface ApplicationTable {
  id: string;
  /** Human reference quoted in mails, `APP-2026-7K3Q9D`. */
  reference: string;
  organisation_id: string;
  created_by: string;
  status: string;
  current_step: string;
  /** Everything the applicant typed, by step, as JSON (kept even when invalid). */
  data: string;
  lang: string;
  terms_version: string | null;
  terms_accepted_at: string | null;
  submitted_at: string | null;
  created_at: string;
  updated_at: string;
  /** The staff member who took the application for review. */
  assigned_to: Generated<string | null>;
  decided_at: Generated<string | null>;
  decided_by: Generated<string | null>;
  /** Why it was rejected, or what more information was asked for. */
  decision_reason: Generated<string | null>;
}

export interface ApplicationFileTable {
  id: string;
  application_id: string;
  purpose: string;
  filename: string;
  content_type: string;
  size: number;
  sha256: string;
  content: Uint8Array;
  created_at: string;
}

export interface ApplicationEventTable {
  id: Generated<number>;
  application_id: string;
  type: string;
  from_status: string | null;
  to_status: string | null;
  actor: string | null;
  note: string | null;
  at: string;
}

export interface StaffTable {
  id: string;
  /** Lower case. */
  email: string;
  name: string | null;
  /** `reviewer` or `admin`. */
  role: string;
  lang: string;
  /** argon2id; null until enrolled. */
  password_hash: string | null;
  /** Base32 TOTP secret; null until enrolled. */
  totp_secret: string | null;
  /** The last TOTP time step accepted, so that a code is never accepted twice. */
  totp_last_step: number | null;
  failed_attempts: Generated<number>;
  locked_until: string | null;
  disabled_at: string | null;
  enrolled_at: string | null;
  last_sign_in_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface StaffEnrolmentTable {
  /** SHA-256 of the one-time enrolment token. */
  token_hash: string;
  staff_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** Failed staff sign-ins with an address that is no staff member's (the lock-out hides which). */
export interface StaffSignInFailureTable {
  /** SHA-256 of the address as typed, trimmed and lower-cased. */
  email_hash: string;
  failed_attempts: number;
  locked_until: string | null;
  updated_at: string;
}

export interface StaffSessionTable {
  /** SHA-256 of the session id held in the staff cookie. */
  id_hash: string;
  staff_id: string;
  created_at: string;
  expires_at: string;
}

/** One link of the hash-chained, append-only audit trail. */
export interface AuditEntryTable {
  /** 1, 2, 3…: assigned from `audit_head`, never reused. */
  seq: number;
  at: string;
  /** `staff`, `applicant`, `system` or `cli`. */
  actor_type: string;
  actor_id: string | null;
  /** The actor's e-mail or name as it was at the time. */
  actor_label: string | null;
  /** `application.approved`, `code.suspended`, `staff.created`… */
  action: string;
  /** `application`, `code`, `holder`, `staff`, `reserved_code`, `lifecycle_request`… */
  subject_type: string;
  subject_id: string;
  holder_id: string | null;
  code_key: string | null;
  application_id: string | null;
  reason: string | null;
  /** JSON of the subject before and after the change; null where there was none. */
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface LifecycleRequestTable {
  id: string;
  /** `withdraw`, `transfer`, … */
  kind: string;
  code_key: string | null;
  holder_id: string | null;
  /** The operation's parameters as JSON. */
  payload: string;
  reason: string;
  /** `pending` (waits for a second admin), `scheduled`, `applied`, `rejected`, `cancelled`. */
  status: string;
  requested_by: string;
  decided_by: string | null;
  decided_at: string | null;
  decision_note: string | null;
  effective_at: string | null;
  applied_at: string | null;
  holder_request_id: string | null;
  created_at: string;
}

export interface HolderRequestTable {
  id: string;
  reference: string;
  organisation_id: string;
  holder_id: string;
  /** `termination`, `change_details` or `transfer`. */
  kind: string;
  code_key: string | null;
  payload: string;
  message: string | null;
  /** `open`, `handled` or `declined`. */
  status: string;
  lang: string;
  created_by: string;
  created_at: string;
  handled_by: string | null;
  handled_at: string | null;
  outcome_note: string | null;
}

export interface Database {
  setting: SettingTable;
  holder: HolderTable;
  holder_identifier: HolderIdentifierTable;
  party_code: PartyCodeTable;
  party_code_role: PartyCodeRoleTable;
  reserved_code: ReservedCodeTable;
  register_event: RegisterEventTable;
  federated_record: FederatedRecordTable;
  import_run: ImportRunTable;
  organisation: OrganisationTable;
  account: AccountTable;
  sign_in_token: SignInTokenTable;
  session: SessionTable;
  api_token: ApiTokenTable;
  application: ApplicationTable;
  application_file: ApplicationFileTable;
  application_event: ApplicationEventTable;
  staff: StaffTable;
  staff_enrolment: StaffEnrolmentTable;
  staff_session: StaffSessionTable;
  staff_sign_in_failure: StaffSignInFailureTable;
  audit_entry: AuditEntryTable;
  audit_head: AuditHeadTable;
  lifecycle_request: LifecycleRequestTable;
  holder_request: HolderRequestTable;
}
