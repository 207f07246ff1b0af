import { DomainError } from '../../domain/errors.ts';
import { requireEmail } from './email-address.ts';
import {
  addMinutes,
  LINK_WINDOW_MINUTES,
  LINKS_PER_ADDRESS,
  SIGN_IN_LINK_MINUTES,
  type AccountDeps,
} from './ports.ts';

export interface SignInRequest {
  readonly email: unknown;
  readonly lang: string;
  /** The address of the page that takes the token. */
  readonly linkFor: (token: string) => string;
}

/**
 * Mails a one-time sign-in link to any well-formed address. The answer is the same whether or not
 * an account exists, so addresses cannot be probed; the account is made on first sign-in.
 */
export async function requestSignInLink(deps: AccountDeps, request: SignInRequest): Promise<void> {
  const email = requireEmail(request.email);
  const now = deps.clock.now();
  const since = addMinutes(now, -LINK_WINDOW_MINUTES).toISOString();
  if ((await deps.store.countLinksSince(email, 'sign_in', since)) >= LINKS_PER_ADDRESS) {
    throw new DomainError('too_many_requests', { seconds: LINK_WINDOW_MINUTES * 60 });
  }
  const existing = await deps.store.findAccountByEmail(email);
  const token = deps.secrets.token();
  await deps.store.insertLink({
    tokenHash: deps.secrets.digest(token),
    email,
    purpose: 'sign_in',
    organisationId: null,
    invitedBy: null,
    lang: request.lang,
    createdAt: now.toISOString(),
    expiresAt: addMinutes(now, SIGN_IN_LINK_MINUTES).toISOString(),
  });
  await deps.notifier.signInLink(
    email,
    existing?.lang ?? request.lang,
    request.linkFor(token),
    SIGN_IN_LINK_MINUTES,
  );
}
