import type { Account, AccountDeps } from './ports.ts';

/** Ends this browser's session. */
export async function signOut(deps: Pick<AccountDeps, 'store' | 'secrets'>, sessionId: string) {
  await deps.store.deleteSession(deps.secrets.digest(sessionId));
}

/** Ends every session of the account, on every device. */
export async function signOutEverywhere(deps: Pick<AccountDeps, 'store'>, account: Account) {
  await deps.store.deleteSessionsOf(account.id);
}
