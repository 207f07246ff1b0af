import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { getApplication } from '../../../../app/applications/get-application.ts';
import { listApplications } from '../../../../app/applications/list-applications.ts';
import type { ApplicationServices } from '../../../../app/applications/ports.ts';
import { reviewApplication } from '../../../../app/applications/review-application.ts';
import { startApplication } from '../../../../app/applications/start-application.ts';
import { submitApplication } from '../../../../app/applications/submit-application.ts';
import { withdrawApplication } from '../../../../app/applications/withdraw-application.ts';
import { problemResponses } from '../../../problem.ts';
import { flattenErrors, presentApplication, presentErrors, presentOverview } from './presenters.ts';
import {
  ApplicationListSchema,
  ApplicationSchema,
  IdParamsSchema,
  ReviewSchema,
  SubmitBodySchema,
} from './schemas.ts';
import { BEARER, SIGNED_IN, signedIn } from './signed-in.ts';

const TAGS = ['applications'];
const NOT_YOURS =
  'An application of another organisation, or an unknown id, is 404: nothing tells them apart.';

/** Start, list, read, review, submit and withdraw applications. */
export const applicationRoutes: FastifyPluginAsyncTypebox<{ services: ApplicationServices }> = (
  app,
  { services },
) => {
  app.addHook('onSend', (_request, reply, payload, done) => {
    void reply.header('cache-control', 'no-store');
    done(null, payload);
  });

  app.post(
    '/applications',
    {
      ...SIGNED_IN,
      schema: {
        tags: TAGS,
        operationId: 'startApplication',
        summary: 'Start an application (a draft)',
        description:
          'Opens a draft for the organisation of the token, in the language of `Accept-Language`. Fill it in with the step endpoints, then submit it.',
        security: BEARER,
        response: { 201: ApplicationSchema, ...problemResponses('unauthorized') },
      },
    },
    async (request, reply) => {
      const view = await startApplication(services, signedIn(request), { lang: request.lang });
      void reply.code(201).header('location', `/api/v1/applications/${view.id}`);
      return presentApplication(request, view);
    },
  );

  app.get(
    '/applications',
    {
      ...SIGNED_IN,
      schema: {
        tags: TAGS,
        operationId: 'listApplications',
        summary: "The organisation's applications and codes",
        description: 'Newest first, with the codes the organisation holds in the register.',
        security: BEARER,
        response: { 200: ApplicationListSchema, ...problemResponses('unauthorized') },
      },
    },
    async (request) => presentOverview(await listApplications(services, signedIn(request))),
  );

  app.get(
    '/applications/:id',
    {
      ...SIGNED_IN,
      schema: {
        tags: TAGS,
        operationId: 'getApplication',
        summary: 'One application, as typed, with what is wrong so far',
        description: NOT_YOURS,
        security: BEARER,
        params: IdParamsSchema,
        response: {
          200: ApplicationSchema,
          ...problemResponses('validation_failed', 'unauthorized', 'not_found'),
        },
      },
    },
    async (request) =>
      presentApplication(
        request,
        await getApplication(services, signedIn(request), request.params.id),
      ),
  );

  app.get(
    '/applications/:id/review',
    {
      ...SIGNED_IN,
      schema: {
        tags: TAGS,
        operationId: 'reviewApplication',
        summary: 'Everything entered, every error, and whether it can be submitted',
        description: `Checks every step, the rules across steps and the code's availability now. ${NOT_YOURS}`,
        security: BEARER,
        params: IdParamsSchema,
        response: {
          200: ReviewSchema,
          ...problemResponses('validation_failed', 'unauthorized', 'not_found'),
        },
      },
    },
    async (request) => {
      const review = await reviewApplication(services, signedIn(request), request.params.id);
      return {
        application: presentApplication(request, review.application),
        errors: presentErrors(request, flattenErrors(review.errors)),
        ready: review.ready,
        termsVersion: review.termsVersion,
      };
    },
  );

  app.post(
    '/applications/:id/submit',
    {
      ...SIGNED_IN,
      schema: {
        tags: TAGS,
        operationId: 'submitApplication',
        summary: 'Submit a draft, or send it again with the information asked for',
        description: `Checks everything again, the availability of the code included. \`422 unprocessable\` lists every field error (\`acceptTerms\`: \`terms_not_accepted\`); \`409 conflict\` unless the application is a draft or the registry asked for more information (\`info_requested\`: sending it again returns it to the review queue and restarts the clock of ten working days). The terms version and time are recorded and a confirmation is mailed. ${NOT_YOURS}`,
        security: BEARER,
        params: IdParamsSchema,
        body: SubmitBodySchema,
        response: {
          200: ApplicationSchema,
          ...problemResponses(
            'validation_failed',
            'unauthorized',
            'not_found',
            'conflict',
            'unprocessable',
          ),
        },
      },
    },
    async (request) =>
      presentApplication(
        request,
        await submitApplication(services, signedIn(request), request.params.id, request.body),
      ),
  );

  app.post(
    '/applications/:id/withdraw',
    {
      ...SIGNED_IN,
      schema: {
        tags: TAGS,
        operationId: 'withdrawApplication',
        summary: 'Withdraw a draft, submitted or `info_requested` application',
        description: `\`409 conflict\` once a reviewer has taken it or it is decided. ${NOT_YOURS}`,
        security: BEARER,
        params: IdParamsSchema,
        response: {
          200: ApplicationSchema,
          ...problemResponses('validation_failed', 'unauthorized', 'not_found', 'conflict'),
        },
      },
    },
    async (request) =>
      presentApplication(
        request,
        await withdrawApplication(services, signedIn(request), request.params.id),
      ),
  );
  return Promise.resolve();
};
