import type { FastifyInstance } from 'fastify';
import { listApplications } from '../../../app/applications/list-applications.ts';
import { startApplication } from '../../../app/applications/start-application.ts';
import type { Language } from '../../../i18n/languages.ts';
import { requirePageAccount } from '../../plugins/auth.ts';
import { csrfToken } from '../account/csrf-field.tsx';
import { pageContext } from '../page-context.ts';
import { AccountPage } from './account-page.tsx';
import { textField } from './form-input.ts';
import { IntroPage } from './intro-page.tsx';
import { signedIn, type ApplyRouteOptions } from './step-routes.ts';

/** `/{lang}/apply` (how it works, start or resume) and `/{lang}/account` (applications, codes). */
export function introRoutes(app: FastifyInstance, o: ApplyRouteOptions, lang: Language): void {
  const hide = { schema: { hide: true } };
  app.get(`/${lang}/apply`, hide, async (request, reply) => {
    const ctx = pageContext(request);
    if (request.account === null) {
      return reply.html(IntroPage({ ctx, csrf: undefined, drafts: [] }));
    }
    const overview = await listApplications(o.services, request.account);
    const drafts = overview.applications.filter((a) => a.status === 'draft');
    return reply
      .header('cache-control', 'no-store')
      .html(IntroPage({ ctx, csrf: csrfToken(reply), drafts }));
  });
  app.post(
    `/${lang}/apply`,
    { ...hide, config: { csrf: true }, preHandler: requirePageAccount },
    async (request, reply) => {
      const view = await startApplication(o.services, signedIn(request), { lang });
      return reply.redirect(`/${lang}/apply/${view.id}/request`, 303);
    },
  );
  app.get(
    `/${lang}/account`,
    { ...hide, preHandler: requirePageAccount },
    async (request, reply) => {
      const account = signedIn(request);
      const overview = await listApplications(o.services, account);
      const wanted = textField(request.query, 'withdrawn');
      // Only an application of this organisation that really was withdrawn is announced.
      const withdrawn = overview.applications.find(
        (a) => a.reference === wanted && a.status === 'withdrawn',
      )?.reference;
      return reply.header('cache-control', 'no-store').html(
        AccountPage({
          ctx: pageContext(request),
          email: account.email,
          overview,
          ...(withdrawn === undefined ? {} : { withdrawn }),
        }),
      );
    },
  );
}
