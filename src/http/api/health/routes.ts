import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { checkHealth } from '../../../app/check-health.ts';
import type { HealthProbe } from '../../../app/ports.ts';

const HealthSchema = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
  version: Type.String(),
  checks: Type.Record(Type.String(), Type.Union([Type.Literal('ok'), Type.Literal('down')])),
});

export const healthRoutes: FastifyPluginAsyncTypebox<{ probe: HealthProbe; version: string }> = (
  app,
  { probe, version },
) => {
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['service'],
        summary: 'Service health',
        description: 'Answers 200 when the service and its database answer, 503 otherwise.',
        response: { 200: HealthSchema, 503: HealthSchema },
      },
    },
    async (_request, reply) => {
      const report = await checkHealth(probe);
      return reply
        .code(report.status === 'ok' ? 200 : 503)
        .header('cache-control', 'no-store')
        .send({ ...report, version });
    },
  );
  return Promise.resolve();
};
