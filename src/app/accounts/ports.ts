import type { Clock, Secrets } from '../ports.ts';
import type { IdGenerator } from '../register/ports.ts';

/** A person who signs in; always a member of exactly one organisation. */
export interface Account {
  readonly id: string;
  /** Lower case. */
  readonly email: string;
  readonly organisationId: string;
  readonly name: string | null;
  /** The language mails are written in: `fr`, `nl`, `de` or `en`. */
  readonly lang: string;
}

export interface Organisation {
  readonly id: string;
  readonly name: string | null;
}

export type LinkPurpose = 'sign_in' | 'invite';

/** A one-time link as stored: only the digest of its token. */
export interface LinkRecord {
  readonly tokenHash: string;
  readonly email: string;
  readonly purpose: LinkPurpose;
  readonly organisationId: string | null;
  readonly invitedBy: string | null;
  readonly lang: string;
  readonly createdAt: string;
  readonly expiresAt: string;
}

export interface ApiTokenSummary {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
}

/** Persistence of accounts, one-time links, sessions and API tokens. Times are ISO 8601 UTC. */
export interface AccountStore {
  findAccountByEmail(email: string): Promise<Account | undefined>;
  findOrganisation(id: string): Promise<Organisation | undefined>;
  /** Creates an organisation and its first account together. */
  createAccount(
    account: Account,
    organisation: Organisation | undefined,
    at: string,
  ): Promise<void>;
  recordSignIn(accountId: string, at: string): Promise<void>;
  listMembers(organisationId: string): Promise<Account[]>;

  insertLink(link: LinkRecord): Promise<void>;
  /** Links of an address created since a time, to limit how many one address receives. */
  countLinksSince(email: string, purpose: LinkPurpose, since: string): Promise<number>;
  /** Marks the link used if it is unused and unexpired at `now`; the link, or undefined. */
  useLink(tokenHash: string, now: string): Promise<LinkRecord | undefined>;

  insertSession(idHash: string, accountId: string, at: string, expiresAt: string): Promise<void>;
  /** The account of an unexpired session. */
  findSessionAccount(idHash: string, now: string): Promise<Account | undefined>;
  deleteSession(idHash: string): Promise<void>;
  deleteSessionsOf(accountId: string): Promise<void>;

  insertApiToken(token: ApiTokenSummary & { tokenHash: string; accountId: string }): Promise<void>;
  listApiTokens(accountId: string): Promise<ApiTokenSummary[]>;
  /** Revokes one of the account's tokens; false when it has no such active token. */
  revokeApiToken(accountId: string, id: string, at: string): Promise<boolean>;
  /** The account of an active token, noting its use. */
  useApiToken(tokenHash: string, at: string): Promise<Account | undefined>;
}

export interface SummaryRow {
  readonly label: string;
  readonly value: string;
}

/** The mails the service sends, each written in the recipient's language by the adapter. */
export interface Notifier {
  signInLink(to: string, lang: string, link: string, expiresMinutes: number): Promise<void>;
  invitation(
    to: string,
    lang: string,
    link: string,
    organisationName: string | null,
    invitedBy: string,
  ): Promise<void>;
  applicationReceived(
    to: string,
    lang: string,
    application: { readonly reference: string; readonly summary: readonly SummaryRow[] },
  ): Promise<void>;
  applicationStatusChanged(
    to: string,
    lang: string,
    change: {
      readonly reference: string;
      readonly status: string;
      readonly reason?: string;
      /** On an approval: the codes it issued, as keys (`BEABC`). */
      readonly codes?: readonly string[];
    },
  ): Promise<void>;
}

/** What the account use cases need. */
export interface AccountDeps {
  readonly store: AccountStore;
  readonly notifier: Notifier;
  readonly secrets: Secrets;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

/** How long things last. */
export const SIGN_IN_LINK_MINUTES = 20;
export const INVITATION_DAYS = 7;
export const SESSION_DAYS = 30;
/** A new link to one address at most this often per window. */
export const LINKS_PER_ADDRESS = 5;
export const LINK_WINDOW_MINUTES = 15;
export const API_TOKEN_PREFIX = 'idro_';

export function addMinutes(at: Date, minutes: number): Date {
  return new Date(at.getTime() + minutes * 60_000);
}
