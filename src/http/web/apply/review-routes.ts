import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { getApplication } from '../../../app/applications/get-application.ts';
import { reviewApplication } from '../../../app/applications/review-application.ts';
import { submitApplication } from '../../../app/applications/submit-application.ts';
import { withdrawApplication } from '../../../app/applications/withdraw-application.ts';
import { APPLICATION_STEPS } from '../../../domain/application/steps.ts';
import { DomainError, type FieldError } from '../../../domain/errors.ts';
import type { Language } from '../../../i18n/languages.ts';
import { requirePageAccount } from '../../plugins/auth.ts';
import { csrfToken } from '../account/csrf-field.tsx';
import { pageContext } from '../page-context.ts';
import { textField } from './form-input.ts';
import { problemsOf } from './problems.ts';
import { ReviewPage } from './review-page.tsx';
import { signedIn, type ApplyRouteOptions } from './step-routes.ts';
import { SubmittedPage } from './submitted-page.tsx';
import { WithdrawPage } from './withdraw-page.tsx';

function idOf(request: FastifyRequest): string {
  return (request.params as { id: string }).id;
}

async function showReview(
  o: ApplyRouteOptions,
  request: FastifyRequest,
  reply: FastifyReply,
  submitErrors?: readonly FieldError[],
) {
  const review = await reviewApplication(o.services, signedIn(request), idOf(request));
  const ctx = pageContext(request);
  const editable = review.application.editable;
  const errors = submitErrors ?? APPLICATION_STEPS.flatMap((s) => review.errors[s]);
  return reply.header('cache-control', 'no-store').html(
    ReviewPage({
      ctx,
      csrf: csrfToken(reply),
      review,
      problems: editable ? problemsOf(ctx.lang, ctx.t, errors) : [],
      accepted: submitErrors !== undefined && textField(request.body, 'acceptTerms') === 'yes',
    }),
  );
}

async function postSubmit(o: ApplyRouteOptions, request: FastifyRequest, reply: FastifyReply) {
  const id = idOf(request);
  const acceptTerms = textField(request.body, 'acceptTerms') === 'yes';
  try {
    await submitApplication(o.services, signedIn(request), id, { acceptTerms });
  } catch (error) {
    if (error instanceof DomainError && error.code === 'unprocessable') {
      return showReview(o, request, reply.code(400), error.fieldErrors);
    }
    // Already submitted (a second click, another tab): show it as it is.
    if (error instanceof DomainError && error.code === 'conflict') {
      return reply.redirect(`/${request.lang}/apply/${id}/review`, 303);
    }
    throw error;
  }
  return reply.redirect(`/${request.lang}/apply/${id}/submitted`, 303);
}

async function postWithdraw(o: ApplyRouteOptions, request: FastifyRequest, reply: FastifyReply) {
  const view = await withdrawApplication(o.services, signedIn(request), idOf(request));
  const query = new URLSearchParams({ withdrawn: view.reference }).toString();
  return reply.redirect(`/${request.lang}/account?${query}`, 303);
}

/** Review and submit, the confirmation, and withdrawing. */
export function reviewRoutes(app: FastifyInstance, o: ApplyRouteOptions, lang: Language): void {
  const base = `/${lang}/apply/:id`;
  const page = { schema: { hide: true }, preHandler: requirePageAccount };
  const form = { ...page, config: { csrf: true } };
  app.get(`${base}/review`, page, (request, reply) => showReview(o, request, reply));
  app.post(`${base}/review`, form, (request, reply) => postSubmit(o, request, reply));
  app.get(`${base}/submitted`, page, async (request, reply) => {
    const account = signedIn(request);
    const view = await getApplication(o.services, account, idOf(request));
    // Not sent (yet, or again since the registry asked for more): the review page instead.
    if (view.editable) return reply.redirect(`/${lang}/apply/${view.id}/review`, 303);
    return reply.html(SubmittedPage({ ctx: pageContext(request), view, email: account.email }));
  });
  app.get(`${base}/withdraw`, page, async (request, reply) => {
    const view = await getApplication(o.services, signedIn(request), idOf(request));
    if (!view.withdrawable) return reply.redirect(`/${lang}/apply/${view.id}/review`, 303);
    return reply.html(WithdrawPage({ ctx: pageContext(request), csrf: csrfToken(reply), view }));
  });
  app.post(`${base}/withdraw`, form, (request, reply) => postWithdraw(o, request, reply));
}
