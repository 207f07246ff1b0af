import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { consumeSignInLink } from '../../../app/accounts/consume-sign-in-link.ts';
import type { AccountDeps } from '../../../app/accounts/ports.ts';
import { requestSignInLink } from '../../../app/accounts/request-sign-in-link.ts';
import { signOut, signOutEverywhere } from '../../../app/accounts/sign-out.ts';
import type { Language } from '../../../i18n/languages.ts';
import { safeNext, SESSION_COOKIE, sessionCookieOptions } from '../../plugins/auth.ts';
import { pageContext } from '../page-context.ts';
import { absoluteUrl } from './absolute-url.ts';
import { csrfToken } from './csrf-field.tsx';
import { fieldProblemOf, formField } from './field-problem.ts';
import {
  CheckMailboxPage,
  ConfirmLinkPage,
  LinkInvalidPage,
  SignInPage,
  SignOutPage,
} from './sign-in-pages.tsx';

export interface AccountRouteOptions {
  readonly accounts: AccountDeps;
  readonly publicUrl: string;
  readonly cookieSecure: boolean;
}

/** Sign-in link requests per client address, on top of the per-address limit in the use case. */
const PER_IP = { max: 20, timeWindow: 15 * 60_000 };
const LINK_TOKEN = /^[\w-]{43}$/;

function linkPath(lang: Language, token: string, next: string | undefined): string {
  const query = next === undefined ? '' : `?${new URLSearchParams({ next }).toString()}`;
  return `/${lang}/sign-in/${token}${query}`;
}

async function postSignIn(o: AccountRouteOptions, request: FastifyRequest, reply: FastifyReply) {
  const email = formField(request.body, 'email');
  const next = safeNext(formField(request.body, 'next'));
  const ctx = pageContext(request);
  try {
    await requestSignInLink(o.accounts, {
      email,
      lang: request.lang,
      linkFor: (token) => absoluteUrl(request, o.publicUrl, linkPath(request.lang, token, next)),
    });
  } catch (error) {
    const problem = fieldProblemOf(request, error);
    if (problem === undefined) throw error;
    const shown = email.slice(0, 300);
    return reply
      .code(400)
      .html(SignInPage({ ctx, csrf: csrfToken(reply), email: shown, next, problem }));
  }
  return reply.html(CheckMailboxPage({ ctx, email: email.trim().toLowerCase() }));
}

async function postLink(o: AccountRouteOptions, request: FastifyRequest, reply: FastifyReply) {
  const { token } = request.params as { token: string };
  const result = LINK_TOKEN.test(token)
    ? await consumeSignInLink(o.accounts, token)
    : ({ ok: false, reason: 'link_invalid' } as const);
  if (!result.ok) {
    return reply
      .code(400)
      .html(LinkInvalidPage({ ctx: pageContext(request), reason: result.reason }));
  }
  const maxAge = Math.floor((result.expiresAt.getTime() - Date.now()) / 1000);
  void reply.setCookie(
    SESSION_COOKIE,
    result.sessionId,
    sessionCookieOptions(o.cookieSecure, maxAge),
  );
  const next = safeNext((request.query as Record<string, unknown>).next);
  return reply.redirect(next ?? `/${request.lang}/account`, 303);
}

async function postSignOut(o: AccountRouteOptions, request: FastifyRequest, reply: FastifyReply) {
  if (request.account !== null && formField(request.body, 'everywhere') === '1') {
    await signOutEverywhere(o.accounts, request.account);
  } else if (request.sessionId !== null) {
    await signOut(o.accounts, request.sessionId);
  }
  void reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(o.cookieSecure));
  return reply.redirect(`/${request.lang}`, 303);
}

/** `/{lang}/sign-in`, `/{lang}/sign-in/{token}`, `/{lang}/sign-out`. */
export function signInRoutes(app: FastifyInstance, o: AccountRouteOptions, lang: Language): void {
  const hide = { schema: { hide: true } };
  app.get(`/${lang}/sign-in`, hide, (request, reply) => {
    const next = safeNext((request.query as Record<string, unknown>).next);
    const ctx = pageContext(request);
    return reply.html(SignInPage({ ctx, csrf: csrfToken(reply), email: '', next }));
  });
  app.post(
    `/${lang}/sign-in`,
    { ...hide, config: { csrf: true, rateLimit: PER_IP } },
    (request, reply) => postSignIn(o, request, reply),
  );
  app.get(`/${lang}/sign-in/:token`, hide, (request, reply) => {
    const ctx = pageContext(request);
    const action = request.url;
    return reply
      .header('referrer-policy', 'no-referrer')
      .html(ConfirmLinkPage({ ctx, csrf: csrfToken(reply), action }));
  });
  app.post(
    `/${lang}/sign-in/:token`,
    { ...hide, config: { csrf: true, rateLimit: PER_IP } },
    (request, reply) => postLink(o, request, reply),
  );
  app.get(`/${lang}/sign-out`, hide, (request, reply) =>
    reply.html(SignOutPage({ ctx: pageContext(request), csrf: csrfToken(reply) })),
  );
  app.post(`/${lang}/sign-out`, { ...hide, config: { csrf: true } }, (request, reply) =>
    postSignOut(o, request, reply),
  );
}
