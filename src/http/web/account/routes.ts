import type { FastifyError, FastifyPluginAsync } from 'fastify';
import { DomainError } from '../../../domain/errors.ts';
import { LANGUAGES } from '../../../i18n/languages.ts';
import { wantsHtml } from '../../plugins/errors.ts';
import { pageContext } from '../page-context.ts';
import { csrfToken } from './csrf-field.tsx';
import { SignInPage } from './sign-in-pages.tsx';
import { signInRoutes, type AccountRouteOptions } from './sign-in-routes.ts';
import { teamRoutes } from './team-routes.ts';
import { tokenRoutes } from './token-routes.ts';

function tooMany(error: FastifyError | DomainError): number | undefined {
  if (error instanceof DomainError && error.code === 'too_many_requests') {
    return Number(error.details.seconds ?? 60);
  }
  return 'statusCode' in error && error.statusCode === 429 ? 60 : undefined;
}

/** The sign-in, sign-out, team and API token pages, in every language. */
export const accountPageRoutes: FastifyPluginAsync<AccountRouteOptions> = (app, options) => {
  // Too many links asked for: the sign-in form again, saying when to try again.
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const seconds = tooMany(error);
    if (seconds === undefined || !wantsHtml(request)) throw error;
    const minutes = Math.max(1, Math.ceil(seconds / 60));
    const problem = { field: 'email', message: request.t('account:errors.tooMany', { minutes }) };
    void reply.header('retry-after', String(seconds));
    const ctx = pageContext(request);
    return reply
      .code(429)
      .html(SignInPage({ ctx, csrf: csrfToken(reply), email: '', next: undefined, problem }));
  });
  for (const lang of LANGUAGES) {
    signInRoutes(app, options, lang);
    teamRoutes(app, options, lang);
    tokenRoutes(app, options, lang);
  }
  return Promise.resolve();
};
