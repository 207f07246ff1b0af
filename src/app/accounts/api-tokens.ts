import { DomainError } from '../../domain/errors.ts';
import { API_TOKEN_PREFIX, type Account, type AccountDeps, type ApiTokenSummary } from './ports.ts';

export const MAX_TOKEN_NAME_LENGTH = 100;

function requireName(input: unknown): string {
  if (typeof input !== 'string' || input.trim() === '') {
    throw new DomainError('validation_failed', {}, [{ field: 'name', code: 'required' }]);
  }
  const name = input.trim();
  if (name.length > MAX_TOKEN_NAME_LENGTH) {
    throw new DomainError('validation_failed', {}, [
      { field: 'name', code: 'too_long', params: { limit: MAX_TOKEN_NAME_LENGTH } },
    ]);
  }
  return name;
}

/** Creates an API token for machine clients; the token is returned once and never stored. */
export async function createApiToken(
  deps: AccountDeps,
  account: Account,
  name: unknown,
): Promise<{ readonly id: string; readonly name: string; readonly token: string }> {
  const token = `${API_TOKEN_PREFIX}${deps.secrets.token()}`;
  const summary: ApiTokenSummary = {
    id: deps.ids.next(),
    name: requireName(name),
    createdAt: deps.clock.now().toISOString(),
    lastUsedAt: null,
  };
  await deps.store.insertApiToken({
    ...summary,
    tokenHash: deps.secrets.digest(token),
    accountId: account.id,
  });
  return { id: summary.id, name: summary.name, token };
}

/** The account's active tokens, without their secrets. */
export function listApiTokens(deps: Pick<AccountDeps, 'store'>, account: Account) {
  return deps.store.listApiTokens(account.id);
}

/** Revokes one of the account's own tokens. */
export async function revokeApiToken(
  deps: Pick<AccountDeps, 'store' | 'clock'>,
  account: Account,
  id: string,
): Promise<void> {
  const done = await deps.store.revokeApiToken(account.id, id, deps.clock.now().toISOString());
  if (!done) throw new DomainError('not_found');
}

/** The account a bearer token belongs to, when it is well-formed and active. */
export async function resolveApiToken(
  deps: Pick<AccountDeps, 'store' | 'secrets' | 'clock'>,
  token: string,
): Promise<Account | undefined> {
  if (!token.startsWith(API_TOKEN_PREFIX) || token.length > 200) return undefined;
  return deps.store.useApiToken(deps.secrets.digest(token), deps.clock.now().toISOString());
}
