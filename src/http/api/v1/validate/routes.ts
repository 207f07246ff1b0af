import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { validateOne } from '../../../../app/validate-ids.ts';
import { DomainError } from '../../../../domain/errors.ts';
import { problemResponses } from '../../../problem.ts';
import {
  ACCEPTED_MEDIA_TYPES,
  BULK_MEDIA_TYPES,
  guardBulkBody,
  lineFormatOf,
} from './body-guard.ts';
import { ndjsonAnswer } from './ndjson-answer.ts';
import { BULK_DESCRIPTION, SINGLE_DESCRIPTION, withBulkStreams } from './openapi-text.ts';
import { BulkQuerySchema, ValidateQuerySchema, ValidationRecordSchema } from './schemas.ts';

export interface ValidateApiOptions {
  /** Largest bulk body, in bytes (VALIDATE_BODY_LIMIT). */
  readonly bodyLimit: number;
}

/** `GET /validate` for one identifier, `POST /validate` for a streamed body of many. */
export const validateApiRoutes: FastifyPluginAsyncTypebox<ValidateApiOptions> = (
  app,
  { bodyLimit },
) => {
  // Scoped to this plugin: the body reaches the handler as the unread request stream.
  app.addContentTypeParser(BULK_MEDIA_TYPES, (_request, payload, done) => {
    done(null, payload);
  });

  app.get(
    '/validate',
    {
      schema: {
        tags: ['ids'],
        operationId: 'validateId',
        summary: 'Validate one identifier',
        description: SINGLE_DESCRIPTION,
        querystring: ValidateQuerySchema,
        response: {
          200: ValidationRecordSchema,
          ...problemResponses('validation_failed'),
        },
      },
    },
    (request, reply) => {
      void reply.header('cache-control', 'public, max-age=3600');
      return validateOne(request.query.id, request.query.kind);
    },
  );

  app.post(
    '/validate',
    {
      bodyLimit,
      config: {
        accepts: ACCEPTED_MEDIA_TYPES,
        // Body and answer are streams: documented here rather than validated or serialised.
        swaggerTransform: ({ schema, url }) => ({ url, schema: withBulkStreams(schema) }),
      },
      preParsing: guardBulkBody(bodyLimit),
      schema: {
        tags: ['ids'],
        operationId: 'validateIds',
        summary: 'Validate many identifiers, streamed',
        description: BULK_DESCRIPTION,
        querystring: BulkQuerySchema,
        response: problemResponses(
          'validation_failed',
          'payload_too_large',
          'unsupported_media_type',
        ),
      },
    },
    (request, reply) => {
      const format = lineFormatOf(request.headers['content-type']);
      if (format === undefined || !(request.body instanceof Readable)) {
        throw new DomainError('unsupported_media_type', {
          accepted: ACCEPTED_MEDIA_TYPES,
          received: request.headers['content-type'] ?? '-',
        });
      }
      const answer = ndjsonAnswer(request, reply, request.body, {
        format,
        kind: request.query.kind,
        byteLimit: bodyLimit,
      });
      return reply.type('application/x-ndjson').header('cache-control', 'no-store').send(answer);
    },
  );
  return Promise.resolve();
};
