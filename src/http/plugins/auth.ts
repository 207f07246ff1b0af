import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { resolveApiToken } from '../../app/accounts/api-tokens.ts';
import type { Account, AccountDeps } from '../../app/accounts/ports.ts';
import { resolveSession } from '../../app/accounts/resolve-session.ts';
import { sendProblem } from '../problem.ts';

export const SESSION_COOKIE = 'idro_session';
export const CSRF_COOKIE = 'idro_csrf';
/** A session id or token as `Secrets.token()` makes them: 43 URL-safe characters. */
const TOKEN_SHAPE = /^[\w-]{43}$/;

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is signed in: by session cookie on pages, by bearer token on the API; else null. */
    account: Account | null;
    /** This browser's session id, when it has a valid one. */
    sessionId: string | null;
  }
  interface FastifyContextConfig {
    /** The route changes something from a page form: its `_csrf` field is checked. */
    csrf?: boolean;
  }
}

export interface AuthOptions {
  readonly accounts: AccountDeps;
  readonly cookieSecure: boolean;
}

function isApi(url: string): boolean {
  return url.startsWith('/api/');
}

function bearerOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer +(\S+)$/i.exec(header) : null;
  return match?.[1];
}

/** The session cookie's attributes; `maxAge` in seconds. */
export function sessionCookieOptions(secure: boolean, maxAge?: number) {
  return { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge } as const;
}

/** Only a same-site path may follow sign-in: `/…`, never `//host` or `/\host`. */
export function safeNext(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 500 || !/^\/(?![/\\])/.test(value)) {
    return undefined;
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return undefined;
  const url = new URL(value, 'http://same.invalid');
  return url.origin === 'http://same.invalid' ? `${url.pathname}${url.search}` : undefined;
}

/** Pages: sends someone not signed in to the sign-in page, and back here afterwards. */
export async function requirePageAccount(request: FastifyRequest, reply: FastifyReply) {
  if (request.account !== null) return;
  const next = request.method === 'GET' ? safeNext(request.url) : undefined;
  const query = next === undefined ? '' : `?${new URLSearchParams({ next }).toString()}`;
  await reply.redirect(`/${request.lang}/sign-in${query}`, 303);
}

/** API: 401 with a `WWW-Authenticate: Bearer` challenge unless a valid token was sent. */
export async function requireApiAccount(request: FastifyRequest, reply: FastifyReply) {
  if (request.account !== null) return;
  void reply.header('www-authenticate', 'Bearer realm="idro"');
  await sendProblem(request, reply, 'unauthorized');
}

function csrfTokenOf(request: FastifyRequest): string | undefined {
  const body = request.body;
  if (typeof body !== 'object' || body === null) return undefined;
  const token = (body as Record<string, unknown>)._csrf;
  return typeof token === 'string' ? token : undefined;
}

/**
 * Sessions and bearer tokens, CSRF tokens for page forms. Routes that change something from a
 * page set `config: { csrf: true }`; the check runs at preValidation, once the form is parsed.
 */
export const authPlugin = fp<AuthOptions>(
  async (app, { accounts, cookieSecure }) => {
    await app.register(cookie);
    await app.register(csrf, {
      cookieKey: CSRF_COOKIE,
      cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true, secure: cookieSecure },
      getToken: csrfTokenOf,
    });
    app.decorateRequest('account', null);
    app.decorateRequest('sessionId', null);
    app.addHook('onRequest', async (request) => {
      if (isApi(request.url)) {
        const token = bearerOf(request);
        if (token !== undefined) request.account = (await resolveApiToken(accounts, token)) ?? null;
        return;
      }
      const id = request.cookies[SESSION_COOKIE];
      if (id === undefined || !TOKEN_SHAPE.test(id)) return;
      const account = await resolveSession(accounts, id);
      if (account === undefined) return;
      request.account = account;
      request.sessionId = id;
    });
    app.addHook('preValidation', (request, reply, done) => {
      if (request.routeOptions.config.csrf !== true) {
        done();
        return;
      }
      app.csrfProtection(request, reply, done);
    });
  },
  { name: 'auth', dependencies: ['i18n'] },
);
