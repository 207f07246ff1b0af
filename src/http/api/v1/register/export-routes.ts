import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  exportValidators,
  registerCsv,
  registerJson,
  registerNdjson,
} from '../../../../app/register/export-register.ts';
import type { RegisterVersion } from '../../../../app/register/models.ts';
import type { RegisterReader } from '../../../../app/register/ports.ts';
import { REGISTER_LICENCE } from '../../../../app/register/register-licence.ts';
import {
  isFresh,
  sendNotModified,
  LOOKUP_CACHE,
  NOT_MODIFIED,
  VALIDATOR_HEADERS,
} from './conditional.ts';
import { RegisterJsonSchema } from './feed-schemas.ts';
import { presentParty } from './presenters.ts';
import { PartySchema } from './schemas.ts';

/** About the size of a TCP send buffer: far fewer writes than one per row, memory still flat. */
const CHUNK_CHARS = 64 * 1024;

/**
 * Joins the generator's small pieces into flat chunks of about `CHUNK_CHARS`. Joined at once
 * rather than appended one by one: the pieces then die young, instead of living on inside a
 * string tree while the chunk waits for the socket, long enough to fill the old heap.
 */
export async function* chunked(pieces: AsyncIterable<string>): AsyncIterable<string> {
  let parts: string[] = [];
  let size = 0;
  for await (const piece of pieces) {
    parts.push(piece);
    size += piece.length;
    if (size >= CHUNK_CHARS) {
      yield parts.join('');
      parts = [];
      size = 0;
    }
  }
  if (size > 0) yield parts.join('');
}

/** One chunk read ahead, no more: the socket sets the pace. */
const streamOf = (pieces: AsyncIterable<string>) =>
  Readable.from(chunked(pieces), { objectMode: true, highWaterMark: 1 });

interface ExportFormat {
  readonly extension: 'csv' | 'json' | 'ndjson';
  readonly mediaType: string;
  readonly operationId: string;
  readonly summary: string;
  readonly description: string;
  readonly schema: unknown;
  readonly body: (reader: RegisterReader, version: RegisterVersion) => AsyncIterable<string>;
}

const FORMATS: readonly ExportFormat[] = [
  {
    extension: 'csv',
    mediaType: 'text/csv; charset=utf-8',
    operationId: 'exportRegisterCsv',
    summary: 'The register as CSV, in the Benelux export layout',
    description:
      'Exactly the layout of the public Benelux register export, so that existing consumers keep working: one row per holder, by name; columns `Company Name`, `Operator-ID (CPO)`, `Provider-ID (MSP)`, `Website`; several IDs in a cell joined by ` - `, `/` when there are none; CPO IDs as `CC*XXX`, eMSP IDs as `CC-XXX`; CRLF line ends. Like the original, it lists the codes in force (status `active`) only.',
    schema: Type.String({ description: 'CSV, UTF-8' }),
    body: (reader) => registerCsv(reader),
  },
  {
    extension: 'json',
    mediaType: 'application/json; charset=utf-8',
    operationId: 'exportRegisterJson',
    summary: 'The whole register as one JSON document',
    description:
      'Every code in every status, with full fields (the `Party` of the API), the licence, and `lastChange`: the change-feed cursor to follow from.',
    schema: RegisterJsonSchema,
    body: (reader, version) =>
      registerJson(reader, version, new Date().toISOString(), presentParty),
  },
  {
    extension: 'ndjson',
    mediaType: 'application/x-ndjson',
    operationId: 'exportRegisterNdjson',
    summary: 'The whole register as NDJSON, one party per line',
    description:
      'Every code in every status, one `Party` per line; the change-feed cursor to follow from is in the `Register-Last-Change` header.',
    schema: PartySchema,
    body: (reader) => registerNdjson(reader, presentParty),
  },
];

const EXPORT_HEADERS = {
  ...VALIDATOR_HEADERS,
  'content-disposition': { type: 'string', description: 'A stable file name' },
  'register-last-change': {
    type: 'string',
    description: 'Sequence of the last change included: follow `GET /changes?after=` from it',
  },
  link: { type: 'string', description: 'The licence of the data, `rel="license"`' },
} as const;

const LICENCE_LINK = `<${REGISTER_LICENCE.url}>; rel="license"`;

export interface ExportRoutesOptions {
  readonly reader: RegisterReader;
  /** Leaves the routes out of the OpenAPI document (for the short aliases at the root). */
  readonly hide?: boolean;
}

/**
 * `GET /register.csv|json|ndjson`, streamed so that memory stays flat at any size, with
 * validators so that a consumer downloads again only when something changed.
 */
export const exportRoutes: FastifyPluginAsyncTypebox<ExportRoutesOptions> = (
  app,
  { reader, hide = false },
) => {
  for (const format of FORMATS) {
    app.get(
      `/register.${format.extension}`,
      {
        schema: {
          hide,
          tags: ['register'],
          operationId: format.operationId,
          summary: format.summary,
          description: `${format.description} Streamed. Send the \`ETag\` or \`Last-Modified\` back as \`If-None-Match\` / \`If-Modified-Since\` to get a 304 while the register is unchanged. Licence: ${REGISTER_LICENCE.name}.`,
          produces: [format.mediaType],
          response: {
            200: {
              description: 'The register',
              headers: EXPORT_HEADERS,
              content: { [format.mediaType]: { schema: format.schema } },
            },
            304: NOT_MODIFIED,
          },
        },
      },
      async (request, reply) => {
        const version = await reader.version();
        void reply
          .header('cache-control', LOOKUP_CACHE)
          .header('register-last-change', String(version.lastEventId))
          .header('link', LICENCE_LINK);
        if (isFresh(request, reply, exportValidators(version, format.extension))) {
          return sendNotModified(reply);
        }
        void reply
          .type(format.mediaType)
          .header(
            'content-disposition',
            `attachment; filename="benelux-register.${format.extension}"`,
          );
        // A HEAD answer has the headers only: do not read the whole register for nothing.
        const body =
          request.method === 'HEAD' ? Readable.from([]) : streamOf(format.body(reader, version));
        return reply.send(body);
      },
    );
  }
  return Promise.resolve();
};
