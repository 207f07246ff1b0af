import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  attachRegistryExtract,
  REGISTRY_EXTRACT_LIMIT,
} from '../../../../app/applications/attach-registry-extract.ts';
import type { ApplicationServices } from '../../../../app/applications/ports.ts';
import { saveStep } from '../../../../app/applications/save-step.ts';
import { APPLICATION_STEPS } from '../../../../domain/application/steps.ts';
import { DomainError } from '../../../../domain/errors.ts';
import { problemResponses } from '../../../problem.ts';
import { presentApplication } from './presenters.ts';
import {
  ExtractQuerySchema,
  FileSchema,
  IdParamsSchema,
  SavedStepSchema,
  STEP_BODIES,
} from './schemas.ts';
import { BEARER, SIGNED_IN, signedIn } from './signed-in.ts';

const STEP_SUMMARY = {
  request: 'Save step 1: role, countries and code',
  company: 'Save step 2: the company',
  applicant: 'Save step 3: the applicant',
  invoice: 'Save step 4: invoicing',
} as const;

const STEP_DESCRIPTION = `The draft is saved as sent **even when a field is wrong**: the answer is then \`422 unprocessable\` with every field error (\`errors[].field\` is \`<step>.<field>\`), and \`GET\` returns what was sent. Valid: \`200\`, and \`currentStep\` moves on. Fields are text as typed (numbers are read as text); unknown fields are dropped. \`409 conflict\` once submitted, until the registry asks for more information (status \`info_requested\`): the steps can then be saved again, and the application submitted again.`;

/** One endpoint per step, so each documents its own body; and the registry extract upload. */
export const stepRoutes: FastifyPluginAsyncTypebox<{ services: ApplicationServices }> = (
  app,
  { services },
) => {
  app.addContentTypeParser(
    'application/pdf',
    { parseAs: 'buffer', bodyLimit: REGISTRY_EXTRACT_LIMIT },
    (_request, body, done) => {
      done(null, body);
    },
  );

  for (const step of APPLICATION_STEPS) {
    app.put(
      `/applications/:id/steps/${step}`,
      {
        ...SIGNED_IN,
        schema: {
          tags: ['applications'],
          operationId: `save${step.charAt(0).toUpperCase()}${step.slice(1)}Step`,
          summary: STEP_SUMMARY[step],
          description: STEP_DESCRIPTION,
          security: BEARER,
          params: IdParamsSchema,
          body: STEP_BODIES[step],
          response: {
            200: SavedStepSchema,
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
      async (request) => {
        const result = await saveStep(
          services,
          signedIn(request),
          request.params.id,
          step,
          request.body,
        );
        if (!result.valid) throw new DomainError('unprocessable', {}, result.errors);
        return {
          step,
          valid: true as const,
          application: presentApplication(request, result.application),
        };
      },
    );
  }

  app.post(
    '/applications/:id/registry-extract',
    {
      ...SIGNED_IN,
      bodyLimit: REGISTRY_EXTRACT_LIMIT,
      config: { accepts: 'application/pdf' },
      schema: {
        tags: ['applications'],
        operationId: 'attachRegistryExtract',
        summary: 'Attach an extract of the company register (PDF)',
        description: `The body is the PDF itself (\`Content-Type: application/pdf\`), at most ${String(REGISTRY_EXTRACT_LIMIT / 1024 / 1024)} MB; it must start with \`%PDF-\`. A new upload replaces the earlier one. Drafts, and applications on which more information was requested, only (\`409\` otherwise).`,
        security: BEARER,
        params: IdParamsSchema,
        querystring: ExtractQuerySchema,
        response: {
          201: FileSchema,
          ...problemResponses(
            'validation_failed',
            'unauthorized',
            'not_found',
            'conflict',
            'payload_too_large',
            'unsupported_media_type',
            'unprocessable',
          ),
        },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const file = await attachRegistryExtract(services, signedIn(request), request.params.id, {
        filename: request.query.filename ?? 'registry-extract.pdf',
        contentType: request.headers['content-type'] ?? '',
        content: Buffer.isBuffer(body) ? body : new Uint8Array(),
      });
      void reply.code(201);
      return file;
    },
  );
  return Promise.resolve();
};
