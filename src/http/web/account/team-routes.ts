import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { inviteColleague } from '../../../app/accounts/invite-colleague.ts';
import { listMembers } from '../../../app/accounts/list-members.ts';
import type { Account } from '../../../app/accounts/ports.ts';
import type { Language } from '../../../i18n/languages.ts';
import { requirePageAccount } from '../../plugins/auth.ts';
import { pageContext } from '../page-context.ts';
import { absoluteUrl } from './absolute-url.ts';
import { csrfToken } from './csrf-field.tsx';
import { fieldProblemOf, formField } from './field-problem.ts';
import type { AccountRouteOptions } from './sign-in-routes.ts';
import { TeamPage, type TeamPageProps } from './team-page.tsx';

async function render(
  o: AccountRouteOptions,
  request: FastifyRequest,
  reply: FastifyReply,
  me: Account,
  extra: Pick<TeamPageProps, 'problem' | 'invited'> & { email?: string } = {},
) {
  const members = await listMembers(o.accounts, me);
  const ctx = pageContext(request);
  return reply.html(TeamPage({ ctx, csrf: csrfToken(reply), me, members, email: '', ...extra }));
}

async function postInvite(o: AccountRouteOptions, request: FastifyRequest, reply: FastifyReply) {
  const me = request.account;
  if (me === null) return reply;
  const email = formField(request.body, 'email');
  try {
    const invited = await inviteColleague(o.accounts, me, {
      email,
      lang: request.lang,
      linkFor: (token) => absoluteUrl(request, o.publicUrl, `/${request.lang}/sign-in/${token}`),
    });
    return await render(o, request, reply, me, { invited });
  } catch (error) {
    const problem = fieldProblemOf(request, error);
    if (problem === undefined) throw error;
    reply.code(error instanceof Error && error.message === 'conflict' ? 409 : 400);
    return render(o, request, reply, me, { problem, email: email.slice(0, 300) });
  }
}

/** `/{lang}/account/team`: the organisation's members; POST invites a colleague. */
export function teamRoutes(app: FastifyInstance, o: AccountRouteOptions, lang: Language): void {
  const path = `/${lang}/account/team`;
  app.get(path, { schema: { hide: true }, preHandler: requirePageAccount }, (request, reply) =>
    request.account === null ? reply : render(o, request, reply, request.account),
  );
  app.post(
    path,
    { schema: { hide: true }, config: { csrf: true }, preHandler: requirePageAccount },
    (request, reply) => postInvite(o, request, reply),
  );
}
