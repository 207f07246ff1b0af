import {
  addMinutes,
  SESSION_DAYS,
  type Account,
  type AccountDeps,
  type LinkRecord,
} from './ports.ts';

export type SignInResult =
  | {
      readonly ok: true;
      readonly sessionId: string;
      readonly account: Account;
      readonly expiresAt: Date;
    }
  | { readonly ok: false; readonly reason: 'link_invalid' | 'other_organisation' };

async function accountFor(
  deps: AccountDeps,
  link: LinkRecord,
  at: string,
): Promise<Account | 'other_organisation'> {
  const existing = await deps.store.findAccountByEmail(link.email);
  if (existing !== undefined) {
    const joining = link.purpose === 'invite' && link.organisationId !== existing.organisationId;
    return joining ? 'other_organisation' : existing;
  }
  const invitedTo = link.purpose === 'invite' ? link.organisationId : null;
  const organisationId = invitedTo ?? deps.ids.next();
  const account: Account = {
    id: deps.ids.next(),
    email: link.email,
    organisationId,
    name: null,
    lang: link.lang,
  };
  const organisation = invitedTo === null ? { id: organisationId, name: null } : undefined;
  await deps.store.createAccount(account, organisation, at);
  return account;
}

/**
 * Uses a one-time link: valid once and before it expires. A first sign-in makes the account and
 * its organisation; an invitation makes the account in the inviter's organisation. Opens a session
 * whose id only the browser holds (the store keeps its digest).
 */
export async function consumeSignInLink(deps: AccountDeps, token: string): Promise<SignInResult> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const link = await deps.store.useLink(deps.secrets.digest(token), at);
  if (link === undefined) return { ok: false, reason: 'link_invalid' };
  const account = await accountFor(deps, link, at);
  if (account === 'other_organisation') return { ok: false, reason: account };
  const sessionId = deps.secrets.token();
  const expiresAt = addMinutes(now, SESSION_DAYS * 24 * 60);
  await deps.store.insertSession(
    deps.secrets.digest(sessionId),
    account.id,
    at,
    expiresAt.toISOString(),
  );
  await deps.store.recordSignIn(account.id, at);
  return { ok: true, sessionId, account, expiresAt };
}
