import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ApplicationServices } from '../../../../app/applications/ports.ts';
import { checkAvailability } from '../../../../app/applications/check-availability.ts';
import { problemResponses } from '../../../problem.ts';
import { applicationRoutes } from './application-routes.ts';
import { presentAvailability } from './presenters.ts';
import { AvailabilityQuerySchema, AvailabilitySchema } from './schemas.ts';
import { stepRoutes } from './step-routes.ts';

const AVAILABILITY_DESCRIPTION = `Whether a code can be requested in each country (\`free\`, \`taken\`, \`reserved\`, \`quarantined\` — a withdrawn code is never issued again), what other registers say about the same code abroad (a warning with its provenance, not a refusal), and up to five close codes free in every requested country. Public, no token needed: application forms call it as the applicant types.`;

/** The availability check, public: pages call it as the applicant types. */
export const availabilityRoutes: FastifyPluginAsyncTypebox<{
  services: ApplicationServices;
}> = (app, { services }) => {
  app.get(
    '/availability',
    {
      config: { rateLimit: { max: 300, timeWindow: '1 minute' } },
      schema: {
        tags: ['applications'],
        operationId: 'checkAvailability',
        summary: 'Is a code free in the requested countries?',
        description: AVAILABILITY_DESCRIPTION,
        querystring: AvailabilityQuerySchema,
        response: {
          200: AvailabilitySchema,
          ...problemResponses('validation_failed', 'too_many_requests'),
        },
      },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store');
      const { code, countries, companyName } = request.query;
      const report = await checkAvailability(services.register, {
        code,
        countries: countries.split(','),
        ...(companyName === undefined ? {} : { companyName }),
      });
      return presentAvailability(report);
    },
  );
  return Promise.resolve();
};

/** Applications of the signed-in organisation, by bearer token; register under `/api/v1`. */
export const applicationsApiRoutes: FastifyPluginAsyncTypebox<{
  services: ApplicationServices;
}> = async (app, { services }) => {
  await app.register(availabilityRoutes, { services });
  await app.register(applicationRoutes, { services });
  await app.register(stepRoutes, { services });
};
