import type { FastifyPluginAsync } from 'fastify';
import { LANGUAGES } from '../../../i18n/languages.ts';
import { negotiateLanguage } from '../../../i18n/negotiate-language.ts';
import { pageContext } from '../page-context.ts';
import { HomePage } from './home-page.tsx';

/** The home page in every language, and `/`, which sends each reader to their language. */
export const shellRoutes: FastifyPluginAsync = (app) => {
  app.get('/', { schema: { hide: true } }, (request, reply) =>
    reply
      .header('vary', 'Accept-Language')
      .header('cache-control', 'no-cache')
      .redirect(`/${negotiateLanguage(request.headers['accept-language'])}`, 302),
  );
  for (const lang of LANGUAGES) {
    app.get(`/${lang}`, { schema: { hide: true } }, (request, reply) =>
      reply.html(HomePage({ ctx: pageContext(request) })),
    );
  }
  return Promise.resolve();
};
