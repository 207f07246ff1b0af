import type { Account, AccountDeps } from './ports.ts';

/** The members of the account's own organisation, and no one else's. */
export function listMembers(
  deps: Pick<AccountDeps, 'store'>,
  account: Account,
): Promise<Account[]> {
  return deps.store.listMembers(account.organisationId);
}
