import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { PrefixLookup } from '../../../../app/register/prefix-lookup.ts';
import { resolveId } from '../../../../app/register/resolve-id.ts';
import { problemResponses } from '../../../problem.ts';
import { LOOKUP_CACHE, withHeaders } from './conditional.ts';
import { resolutionJson } from './presenters.ts';
import { ResolutionSchema, ResolveParamsSchema, ResolveQuerySchema } from './resolve-schemas.ts';

const DESCRIPTION = `Accepts any e-mobility ID (party, EVSE, pool, station, contract ID / eMAID) in any accepted spelling and case, and answers with the parsed ID, its party prefix, whether this register holds the prefix and in which status, the holder and roles, and what other registers (federated from their published data) say about the prefix, each with its source and retrieval date. An unknown but well-formed prefix is a 200 with \`registered: false\`. Invalid syntax is a 400 \`invalid_id\` problem whose \`reason\` (and \`position\` when one character is to blame) say why, as \`GET /validate\` does.`;

/** `GET /resolve/{id}`: the hottest path of the service, so the handler does nothing else. */
export const resolveRoutes: FastifyPluginAsyncTypebox<{ lookup: PrefixLookup }> = (
  app,
  { lookup },
) => {
  app.get(
    '/resolve/:id',
    {
      schema: {
        tags: ['register'],
        operationId: 'resolveId',
        summary: 'Who holds the prefix of any e-mobility ID',
        description: DESCRIPTION,
        params: ResolveParamsSchema,
        querystring: ResolveQuerySchema,
        response: {
          200: withHeaders(ResolutionSchema, {
            'cache-control': { type: 'string', description: LOOKUP_CACHE },
          }),
          ...problemResponses('invalid_id', 'validation_failed'),
        },
      },
    },
    (request, reply) => {
      void reply.header('cache-control', LOOKUP_CACHE);
      // Sent as prepared JSON of the schema's shape (a string is sent as it is, unserialised):
      // most of it is cached per prefix. The typed reply only knows the object form.
      return resolveId(lookup, request.params.id, request.query.kind).then(
        (r) =>
          reply.type('application/json; charset=utf-8').send(resolutionJson(r) as never) as never,
      );
    },
  );
  return Promise.resolve();
};
