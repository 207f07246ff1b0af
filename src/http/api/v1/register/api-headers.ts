import type { FastifyInstance } from 'fastify';

/**
 * Security headers for the register's JSON and data answers. The pages' policy (helmet's default
 * set, rebuilt on every request) is made for HTML; an API answer is never a document, so it gets
 * the strictest CSP and the headers that matter to data, computed once. This also keeps the
 * resolve hot path cheap: rebuilding helmet's headers cost more than resolving itself.
 */
export const API_SECURITY_HEADERS = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'referrer-policy': 'no-referrer',
} as const;

/** Spread into every route of the register API: the page headers are replaced by the above. */
export const API_ROUTE = { helmet: false } as const;

/** Adds the API security headers to every answer of the routes of this plugin, errors included. */
export function useApiSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onRequest', (_request, reply, done) => {
    void reply.headers(API_SECURITY_HEADERS);
    done();
  });
}
