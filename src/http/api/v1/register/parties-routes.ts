import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { exportValidators } from '../../../../app/register/export-register.ts';
import { getParty } from '../../../../app/register/get-party.ts';
import { listParties } from '../../../../app/register/list-parties.ts';
import type { PartyFilter } from '../../../../app/register/models.ts';
import type { RegisterReader } from '../../../../app/register/ports.ts';
import { problemResponses } from '../../../problem.ts';
import {
  isFresh,
  sendNotModified,
  LOOKUP_CACHE,
  NOT_MODIFIED,
  VALIDATOR_HEADERS,
  withHeaders,
} from './conditional.ts';
import { presentHistoryEvent, presentParty } from './presenters.ts';
import {
  PartyDetailSchema,
  PartyListQuerySchema,
  PartyListSchema,
  PartyParamsSchema,
} from './schemas.ts';

type ListQuery = Readonly<Record<string, string | number | undefined>>;

/** The same URL with another cursor: filters and page size carry over to the next page. */
function pageUrl(path: string, query: ListQuery, cursor: string | undefined): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && name !== 'cursor') params.set(name, String(value));
  }
  if (cursor !== undefined) params.set('cursor', cursor);
  const text = params.toString();
  return text === '' ? path : `${path}?${text}`;
}

const LIST_DESCRIPTION = `Party codes in ID order, filtered by country, role, status and a search of holder names and IDs (accent- and case-insensitive). Pages are cursor-based, so they never shift when codes are added: follow \`nextCursor\` (or the \`Link: rel=next\` header) until it is null. Answers carry \`ETag\` and \`Last-Modified\`; send them back as \`If-None-Match\` / \`If-Modified-Since\` to get a 304 while the register is unchanged.`;

/** `GET /parties` and `GET /parties/{countryCode}/{partyId}`. */
export const partiesRoutes: FastifyPluginAsyncTypebox<{ reader: RegisterReader }> = (
  app,
  { reader },
) => {
  app.get(
    '/parties',
    {
      schema: {
        tags: ['register'],
        operationId: 'listParties',
        summary: 'List and search party codes',
        description: LIST_DESCRIPTION,
        querystring: PartyListQuerySchema,
        response: {
          200: withHeaders(PartyListSchema, {
            ...VALIDATOR_HEADERS,
            link: { type: 'string', description: '`<…>; rel="next"` while there are more pages' },
          }),
          304: NOT_MODIFIED,
          ...problemResponses('validation_failed'),
        },
      },
    },
    async (request, reply) => {
      const { country, role, status, q, limit, cursor } = request.query;
      const filter: PartyFilter = {
        ...(country === undefined ? {} : { country: country.toUpperCase() }),
        ...(role === undefined ? {} : { role }),
        ...(status === undefined ? {} : { status }),
        ...(q === undefined ? {} : { q }),
      };
      void reply.header('cache-control', LOOKUP_CACHE);
      // The version is read before the page: a change in between makes the next request miss
      // the cache instead of keeping a stale page fresh.
      const version = await reader.version();
      if (isFresh(request, reply, exportValidators(version, 'parties'))) {
        return sendNotModified(reply);
      }
      const page = await listParties(reader, filter, { limit, cursor });
      const path = request.url.split('?')[0] ?? '';
      const next = page.nextCursor === null ? null : pageUrl(path, request.query, page.nextCursor);
      if (next !== null) void reply.header('link', `<${next}>; rel="next"`);
      return {
        parties: page.items.map(presentParty),
        nextCursor: page.nextCursor,
        links: { self: pageUrl(path, request.query, cursor), next },
      };
    },
  );

  app.get(
    '/parties/:countryCode/:partyId',
    {
      schema: {
        tags: ['register'],
        operationId: 'getParty',
        summary: 'One party code, its holder and public history',
        description:
          'Country code and party ID in any case (`/parties/nl/abl` is `NL*ABL`). Answers 404 when the register does not hold the code; `GET /resolve/{id}` also says what other registers know about it.',
        params: PartyParamsSchema,
        response: {
          200: withHeaders(PartyDetailSchema, VALIDATOR_HEADERS),
          304: NOT_MODIFIED,
          ...problemResponses('validation_failed', 'not_found'),
        },
      },
    },
    async (request, reply) => {
      void reply.header('cache-control', LOOKUP_CACHE);
      const version = await reader.version();
      const { record, history } = await getParty(
        reader,
        request.params.countryCode.toUpperCase(),
        request.params.partyId.toUpperCase(),
      );
      if (isFresh(request, reply, exportValidators(version, 'party'))) {
        return sendNotModified(reply);
      }
      return { ...presentParty(record), history: history.map(presentHistoryEvent) };
    },
  );
  return Promise.resolve();
};
