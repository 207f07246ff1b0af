import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { exportValidators } from '../../../../app/register/export-register.ts';
import { listChanges } from '../../../../app/register/list-changes.ts';
import type { RegisterReader } from '../../../../app/register/ports.ts';
import { problemResponses } from '../../../problem.ts';
import {
  isFresh,
  sendNotModified,
  NOT_MODIFIED,
  VALIDATOR_HEADERS,
  withHeaders,
} from './conditional.ts';
import { ChangePageSchema, ChangesQuerySchema } from './feed-schemas.ts';
import { presentChange } from './presenters.ts';

const DESCRIPTION = `Every change to the public register, oldest first, each with the party's full public record right after it. To keep a copy in sync: start with \`after=0\` (or with the \`lastChange\` of a JSON export), apply each change's \`party\` by its \`id\`, store \`nextCursor\`, and ask again at once while \`hasMore\` is true; then poll. Applying a change twice is harmless. Answers carry an \`ETag\`: with \`If-None-Match\`, a poll while nothing changed is a 304.`;

/** `GET /changes?after=`: the change feed a consumer follows to keep a copy of the register. */
export const changesRoutes: FastifyPluginAsyncTypebox<{ reader: RegisterReader }> = (
  app,
  { reader },
) => {
  app.get(
    '/changes',
    {
      schema: {
        tags: ['register'],
        operationId: 'listChanges',
        summary: 'The change feed',
        description: DESCRIPTION,
        querystring: ChangesQuerySchema,
        response: {
          200: withHeaders(ChangePageSchema, {
            ...VALIDATOR_HEADERS,
            link: { type: 'string', description: '`<…>; rel="next"` while `hasMore` is true' },
          }),
          304: NOT_MODIFIED,
          ...problemResponses('validation_failed'),
        },
      },
    },
    async (request, reply) => {
      // Consumers poll: they must revalidate every time, which the ETag makes cheap.
      void reply.header('cache-control', 'no-cache');
      const version = await reader.version();
      if (isFresh(request, reply, exportValidators(version, 'changes'))) {
        return sendNotModified(reply);
      }
      const { after, limit } = request.query;
      const page = await listChanges(reader, after, limit);
      if (page.hasMore) {
        const path = request.url.split('?')[0] ?? '';
        const size = limit === undefined ? '' : `&limit=${limit}`;
        void reply.header('link', `<${path}?after=${page.nextCursor}${size}>; rel="next"`);
      }
      return {
        changes: page.changes.map(presentChange),
        nextCursor: page.nextCursor,
        hasMore: page.hasMore,
      };
    },
  );
  return Promise.resolve();
};
