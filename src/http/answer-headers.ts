import type { FastifyInstance } from 'fastify';

/**
 * Adds headers to every answer of this context's routes, errors included, and (unless an
 * enclosing context does it already) sends the request's id back as `x-request-id`. One hook per
 * context, set when the request arrives, rather than several for the whole application: the
 * public API's hottest routes carry this hook and no other.
 */
export function useAnswerHeaders(
  app: FastifyInstance,
  headers: Readonly<Record<string, string>> = {},
  { requestId = true }: { readonly requestId?: boolean } = {},
): void {
  app.addHook(
    'onRequest',
    requestId
      ? (request, reply, done) => {
          void reply.headers(headers).header('x-request-id', request.id);
          done();
        }
      : (_request, reply, done) => {
          void reply.headers(headers);
          done();
        },
  );
}
