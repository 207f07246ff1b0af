import type { Account, AccountDeps } from './ports.ts';

/** The account signed in with a session id, if the session exists and has not expired. */
export async function resolveSession(
  deps: Pick<AccountDeps, 'store' | 'secrets' | 'clock'>,
  sessionId: string,
): Promise<Account | undefined> {
  return deps.store.findSessionAccount(
    deps.secrets.digest(sessionId),
    deps.clock.now().toISOString(),
  );
}
