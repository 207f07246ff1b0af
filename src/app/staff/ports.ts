import type { AuditDraft } from '../audit/ports.ts';
import type { Clock, Secrets } from '../ports.ts';
import type { IdGenerator } from '../register/ports.ts';

/** Reviewers handle applications; admins also manage reserved codes, staff and the lifecycle. */
export const STAFF_ROLES = ['reviewer', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === 'string' && (STAFF_ROLES as readonly string[]).includes(value);
}

/** A registry staff member who is signed in. */
export interface StaffMember {
  readonly id: string;
  /** Lower case. */
  readonly email: string;
  readonly name: string | null;
  readonly role: StaffRole;
  /** The language of the staff member's mails and pages by default. */
  readonly lang: string;
}

/**
 * Persistence of staff members and their sessions. Times are ISO 8601 UTC. The staff feature
 * extends this interface with enrolment, sign-in and management.
 */
export interface StaffSessionStore {
  insertSession(idHash: string, staffId: string, at: string, expiresAt: string): Promise<void>;
  /** The active (not disabled) staff member of an unexpired session. */
  findSessionStaff(idHash: string, now: string): Promise<StaffMember | undefined>;
  deleteSession(idHash: string): Promise<void>;
  /** Signs a staff member out everywhere. */
  deleteSessionsOf(staffId: string): Promise<void>;
}

export interface StaffSessionDeps {
  readonly sessions: StaffSessionStore;
  readonly secrets: Secrets;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

/** How long a staff session lasts without signing in again: eight hours, a working day. */
export const STAFF_SESSION_HOURS = 8;

/** The languages a staff member's pages may be in by default (the service's four). */
export const STAFF_LANGUAGES = ['fr', 'nl', 'de', 'en'] as const;

/** A staff member as stored, with the state of its credentials (never the secrets themselves). */
export interface StaffSummary extends StaffMember {
  /** When the member finished enrolment; null while a link is pending. */
  readonly enrolledAt: string | null;
  /** Until when failed sign-ins lock the member out, if that is later than now. */
  readonly lockedUntil: string | null;
  readonly failedAttempts: number;
  readonly disabledAt: string | null;
  readonly lastSignInAt: string | null;
  readonly createdAt: string;
}

/** A staff member's row, secrets included: only the staff use cases ever see it. */
export interface StaffRecord extends StaffSummary {
  /** argon2id; null until enrolment sets one (or after a reset). */
  readonly passwordHash: string | null;
  /** Base32; set while enrolling, confirmed by the first code. */
  readonly totpSecret: string | null;
  readonly totpLastStep: number | null;
}

/** The columns a change may set; times are ISO 8601 UTC. */
export interface StaffPatch {
  readonly role?: StaffRole;
  readonly passwordHash?: string | null;
  readonly totpSecret?: string | null;
  readonly totpLastStep?: number | null;
  readonly enrolledAt?: string | null;
  readonly failedAttempts?: number;
  readonly lockedUntil?: string | null;
  readonly disabledAt?: string | null;
  readonly lastSignInAt?: string | null;
  readonly updatedAt: string;
}

export interface NewStaff {
  readonly id: string;
  readonly email: string;
  readonly name: string | null;
  readonly role: StaffRole;
  readonly lang: string;
  readonly createdBy: string | null;
  readonly at: string;
}

/** A one-time enrolment link's state, found by the digest of its token. */
export interface StaffEnrolment {
  readonly staffId: string;
  readonly expiresAt: string;
  readonly usedAt: string | null;
}

/** Changes to staff members inside one transaction, with their audit entries. */
export interface StaffWriter {
  findById(id: string): Promise<StaffRecord | undefined>;
  findByEmail(email: string): Promise<StaffRecord | undefined>;
  insert(staff: NewStaff): Promise<void>;
  update(id: string, patch: StaffPatch): Promise<void>;
  /**
   * The number of admins who are not disabled, after locking their rows until the transaction
   * ends: two admins demoting each other at the same moment cannot leave none.
   */
  lockActiveAdmins(): Promise<number>;
  insertEnrolment(tokenHash: string, staffId: string, at: string, expiresAt: string): Promise<void>;
  /** Uses an enrolment link once: false when it was used already. */
  useEnrolment(tokenHash: string, at: string): Promise<boolean>;
  /** Withdraws every link of a member that has not been used. */
  deleteEnrolmentsOf(staffId: string): Promise<void>;
  /**
   * Accepts a TOTP time step only when it is later than the last one accepted, so that a code
   * is never accepted twice, not even by two requests at the same moment.
   */
  acceptTotpStep(staffId: string, step: number, at: string): Promise<boolean>;
  /**
   * Counts one more failed sign-in, starting again from one when an earlier lock-out is over;
   * returns the count.
   */
  countFailure(staffId: string, now: string): Promise<number>;
  /** As `countFailure`, for an address that is no staff member's (by its digest). */
  countUnknownFailure(emailHash: string, now: string): Promise<number>;
  /** Locks a member out until a time; false when it was locked already. */
  lock(staffId: string, until: string, at: string): Promise<boolean>;
  lockUnknown(emailHash: string, until: string): Promise<void>;
  deleteSessionsOf(staffId: string): Promise<void>;
  /** Ends every session of a member but one (the digest of the session kept). */
  deleteOtherSessions(staffId: string, keepIdHash: string): Promise<void>;
  /** Appends to the audit trail in this same transaction. */
  audit(draft: AuditDraft): Promise<void>;
}

/** Staff persistence: reads, and atomic work with its audit entries. */
export interface StaffStore {
  transaction<T>(work: (writer: StaffWriter) => Promise<T>): Promise<T>;
  findById(id: string): Promise<StaffRecord | undefined>;
  findByEmail(email: string): Promise<StaffRecord | undefined>;
  /** Every staff member, by e-mail address. */
  list(): Promise<StaffSummary[]>;
  findEnrolment(tokenHash: string): Promise<StaffEnrolment | undefined>;
  /** Until when sign-ins with an unknown address (by digest) are locked out, if they are. */
  unknownLockedUntil(emailHash: string): Promise<string | null>;
}

/** argon2id password hashes. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /**
   * Whether the password matches the hash. With no hash it does the same work and answers
   * false, so that an unknown address takes as long as a wrong password.
   */
  verify(hash: string | null, password: string): Promise<boolean>;
}

/** Time-based one-time passwords (RFC 6238: six digits, 30-second steps, SHA-1). */
export interface TotpAuthenticator {
  /** A new random Base32 secret. */
  newSecret(): string;
  /** The `otpauth://` address an authenticator app reads from a QR code. */
  uri(secret: string, account: string): string;
  /**
   * The time step a code matches at a time, allowing one step of clock drift either way, and
   * only steps later than `afterStep`; undefined when it matches none.
   */
  match(
    secret: string,
    code: string,
    at: Date,
    afterStep: number | null,
  ): Promise<number | undefined>;
}

/** Who makes a change to staff: an admin signed in, or the command-line tool. */
export type StaffActor =
  | { readonly type: 'staff'; readonly member: StaffMember }
  /** `label`: the operating-system account that ran the command, when known. */
  | { readonly type: 'cli'; readonly label?: string | null };
