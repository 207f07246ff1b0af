import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { exportValidators } from '../../../../app/register/export-register.ts';
import type { RegisterReader } from '../../../../app/register/ports.ts';
import {
  isFresh,
  sendNotModified,
  LOOKUP_CACHE,
  NOT_MODIFIED,
  VALIDATOR_HEADERS,
  withHeaders,
} from './conditional.ts';
import { StatsSchema } from './feed-schemas.ts';
import { presentStats } from './presenters.ts';

/** `GET /stats`: counts of the register, with the same validators as the exports. */
export const statsRoutes: FastifyPluginAsyncTypebox<{ reader: RegisterReader }> = (
  app,
  { reader },
) => {
  app.get(
    '/stats',
    {
      schema: {
        tags: ['register'],
        operationId: 'getRegisterStats',
        summary: 'Counts by country, role and status, and registrations over time',
        description:
          'Every party code counts once per country and status, and once per role it serves. Registrations over time count codes by the month their validity started.',
        response: {
          200: withHeaders(StatsSchema, VALIDATOR_HEADERS),
          304: NOT_MODIFIED,
        },
      },
    },
    async (request, reply) => {
      void reply.header('cache-control', LOOKUP_CACHE);
      const version = await reader.version();
      if (isFresh(request, reply, exportValidators(version, 'stats'))) {
        return sendNotModified(reply);
      }
      return presentStats(await reader.stats());
    },
  );
  return Promise.resolve();
};
