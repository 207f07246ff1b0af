import type { Kysely, Selectable } from 'kysely';
import type {
  Account,
  AccountStore,
  ApiTokenSummary,
  LinkPurpose,
  LinkRecord,
  Organisation,
} from '../../app/accounts/ports.ts';
import type { AccountTable, Database, SignInTokenTable } from '../schema.ts';

function accountOf(
  row: Pick<Selectable<AccountTable>, 'id' | 'email' | 'organisation_id' | 'name' | 'lang'>,
): Account {
  return {
    id: row.id,
    email: row.email,
    organisationId: row.organisation_id,
    name: row.name,
    lang: row.lang,
  };
}

function linkOf(row: Selectable<SignInTokenTable>): LinkRecord {
  return {
    tokenHash: row.token_hash,
    email: row.email,
    purpose: row.purpose === 'invite' ? 'invite' : 'sign_in',
    organisationId: row.organisation_id,
    invitedBy: row.invited_by,
    lang: row.lang,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  };
}

const ACCOUNT_COLUMNS = [
  'account.id',
  'account.email',
  'account.organisation_id',
  'account.name',
  'account.lang',
] as const;

class KyselyAccountStore implements AccountStore {
  constructor(private readonly db: Kysely<Database>) {}

  async findAccountByEmail(email: string): Promise<Account | undefined> {
    const row = await this.db
      .selectFrom('account')
      .select(ACCOUNT_COLUMNS)
      .where('email', '=', email)
      .executeTakeFirst();
    return row && accountOf(row);
  }

  async findOrganisation(id: string): Promise<Organisation | undefined> {
    return this.db
      .selectFrom('organisation')
      .select(['id', 'name'])
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async createAccount(account: Account, organisation: Organisation | undefined, at: string) {
    await this.db.transaction().execute(async (trx) => {
      if (organisation !== undefined) {
        await trx
          .insertInto('organisation')
          .values({ id: organisation.id, name: organisation.name, holder_id: null, created_at: at })
          .execute();
      }
      await trx
        .insertInto('account')
        .values({
          id: account.id,
          email: account.email,
          organisation_id: account.organisationId,
          name: account.name,
          lang: account.lang,
          created_at: at,
          last_sign_in_at: null,
        })
        .execute();
    });
  }

  async recordSignIn(accountId: string, at: string): Promise<void> {
    await this.db
      .updateTable('account')
      .set({ last_sign_in_at: at })
      .where('id', '=', accountId)
      .execute();
  }

  async listMembers(organisationId: string): Promise<Account[]> {
    const rows = await this.db
      .selectFrom('account')
      .select(ACCOUNT_COLUMNS)
      .where('organisation_id', '=', organisationId)
      .orderBy('email')
      .execute();
    return rows.map(accountOf);
  }

  async insertLink(link: LinkRecord): Promise<void> {
    await this.db
      .insertInto('sign_in_token')
      .values({
        token_hash: link.tokenHash,
        email: link.email,
        purpose: link.purpose,
        organisation_id: link.organisationId,
        invited_by: link.invitedBy,
        lang: link.lang,
        created_at: link.createdAt,
        expires_at: link.expiresAt,
        used_at: null,
      })
      .execute();
  }

  async countLinksSince(email: string, purpose: LinkPurpose, since: string): Promise<number> {
    const row = await this.db
      .selectFrom('sign_in_token')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('email', '=', email)
      .where('purpose', '=', purpose)
      .where('created_at', '>=', since)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  async useLink(tokenHash: string, now: string): Promise<LinkRecord | undefined> {
    // One conditional update, so two clicks racing cannot both use the link.
    const result = await this.db
      .updateTable('sign_in_token')
      .set({ used_at: now })
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return undefined;
    const row = await this.db
      .selectFrom('sign_in_token')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    return row && linkOf(row);
  }

  async insertSession(idHash: string, accountId: string, at: string, expiresAt: string) {
    await this.db
      .insertInto('session')
      .values({ id_hash: idHash, account_id: accountId, created_at: at, expires_at: expiresAt })
      .execute();
  }

  async findSessionAccount(idHash: string, now: string): Promise<Account | undefined> {
    const row = await this.db
      .selectFrom('session')
      .innerJoin('account', 'account.id', 'session.account_id')
      .select(ACCOUNT_COLUMNS)
      .where('session.id_hash', '=', idHash)
      .where('session.expires_at', '>', now)
      .executeTakeFirst();
    return row && accountOf(row);
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.db.deleteFrom('session').where('id_hash', '=', idHash).execute();
  }

  async deleteSessionsOf(accountId: string): Promise<void> {
    await this.db.deleteFrom('session').where('account_id', '=', accountId).execute();
  }

  async insertApiToken(token: ApiTokenSummary & { tokenHash: string; accountId: string }) {
    await this.db
      .insertInto('api_token')
      .values({
        id: token.id,
        token_hash: token.tokenHash,
        account_id: token.accountId,
        name: token.name,
        created_at: token.createdAt,
        last_used_at: null,
        revoked_at: null,
      })
      .execute();
  }

  async listApiTokens(accountId: string): Promise<ApiTokenSummary[]> {
    const rows = await this.db
      .selectFrom('api_token')
      .select(['id', 'name', 'created_at', 'last_used_at'])
      .where('account_id', '=', accountId)
      .where('revoked_at', 'is', null)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      createdAt: r.created_at,
      lastUsedAt: r.last_used_at,
    }));
  }

  async revokeApiToken(accountId: string, id: string, at: string): Promise<boolean> {
    const result = await this.db
      .updateTable('api_token')
      .set({ revoked_at: at })
      .where('id', '=', id)
      .where('account_id', '=', accountId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async useApiToken(tokenHash: string, at: string): Promise<Account | undefined> {
    const row = await this.db
      .selectFrom('api_token')
      .innerJoin('account', 'account.id', 'api_token.account_id')
      .select([...ACCOUNT_COLUMNS, 'api_token.id as token_id'])
      .where('api_token.token_hash', '=', tokenHash)
      .where('api_token.revoked_at', 'is', null)
      .executeTakeFirst();
    if (row === undefined) return undefined;
    await this.db
      .updateTable('api_token')
      .set({ last_used_at: at })
      .where('id', '=', row.token_id)
      .execute();
    return accountOf(row);
  }
}

/** Accounts, links, sessions and tokens in SQLite or PostgreSQL. */
export function createAccountStore(db: Kysely<Database>): AccountStore {
  return new KyselyAccountStore(db);
}
