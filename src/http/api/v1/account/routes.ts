import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireApiAccount } from '../../../plugins/auth.ts';
import { problemResponses } from '../../../problem.ts';

const MeSchema = Type.Object({
  id: Type.String(),
  email: Type.String(),
  organisationId: Type.String(),
  lang: Type.String(),
});

/** `GET /api/v1/me`: who a bearer token belongs to; a cheap way for a client to check its token. */
export const accountApiRoutes: FastifyPluginAsyncTypebox = (app) => {
  app.get(
    '/me',
    {
      preHandler: requireApiAccount,
      schema: {
        tags: ['account'],
        summary: 'The account of the bearer token',
        description:
          'Send `Authorization: Bearer idro_…` with a token made on the API tokens page.',
        security: [{ bearer: [] }],
        response: { 200: MeSchema, ...problemResponses('unauthorized') },
      },
    },
    async (request, reply) => {
      const me = request.account;
      // requireApiAccount has answered already.
      if (me === null) return;
      await reply
        .header('cache-control', 'no-store')
        .send({ id: me.id, email: me.email, organisationId: me.organisationId, lang: me.lang });
    },
  );
  return Promise.resolve();
};
