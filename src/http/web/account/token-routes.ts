import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createApiToken, listApiTokens, revokeApiToken } from '../../../app/accounts/api-tokens.ts';
import type { Account } from '../../../app/accounts/ports.ts';
import type { Language } from '../../../i18n/languages.ts';
import { requirePageAccount } from '../../plugins/auth.ts';
import { pageContext } from '../page-context.ts';
import { csrfToken } from './csrf-field.tsx';
import { fieldProblemOf, formField } from './field-problem.ts';
import type { AccountRouteOptions } from './sign-in-routes.ts';
import { TokensPage, type TokensPageProps } from './tokens-page.tsx';

async function render(
  o: AccountRouteOptions,
  request: FastifyRequest,
  reply: FastifyReply,
  me: Account,
  extra: Partial<Pick<TokensPageProps, 'problem' | 'created' | 'name'>> = {},
) {
  const tokens = await listApiTokens(o.accounts, me);
  const ctx = pageContext(request);
  // A page showing a new secret must not be kept by any cache.
  void reply.header('cache-control', 'no-store');
  return reply.html(TokensPage({ ctx, csrf: csrfToken(reply), tokens, name: '', ...extra }));
}

async function postCreate(o: AccountRouteOptions, request: FastifyRequest, reply: FastifyReply) {
  const me = request.account;
  if (me === null) return reply;
  const name = formField(request.body, 'name');
  try {
    const created = await createApiToken(o.accounts, me, name);
    return await render(o, request, reply, me, { created });
  } catch (error) {
    const problem = fieldProblemOf(request, error);
    if (problem === undefined) throw error;
    reply.code(400);
    return render(o, request, reply, me, { problem, name: name.slice(0, 300) });
  }
}

/** `/{lang}/account/tokens`: list, create (shown once) and revoke API tokens. */
export function tokenRoutes(app: FastifyInstance, o: AccountRouteOptions, lang: Language): void {
  const path = `/${lang}/account/tokens`;
  const guarded = { schema: { hide: true }, preHandler: requirePageAccount };
  app.get(path, guarded, (request, reply) =>
    request.account === null ? reply : render(o, request, reply, request.account),
  );
  app.post(path, { ...guarded, config: { csrf: true } }, (request, reply) =>
    postCreate(o, request, reply),
  );
  app.post(`${path}/:id/revoke`, { ...guarded, config: { csrf: true } }, async (request, reply) => {
    const me = request.account;
    if (me === null) return reply;
    const { id } = request.params as { id: string };
    await revokeApiToken(o.accounts, me, id.slice(0, 100));
    return reply.redirect(path, 303);
  });
}
