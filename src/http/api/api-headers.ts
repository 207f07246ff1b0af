import type { FastifyInstance } from 'fastify';
import { useAnswerHeaders } from '../answer-headers.ts';

/**
 * Security headers for JSON and data answers. The pages' policy (rebuilt on every request) is
 * made for HTML; an API answer is never a document, so it gets the strictest CSP and the headers
 * that matter to data, computed once. This also keeps the resolve hot path cheap: rebuilding the
 * page headers cost more than resolving itself.
 */
export const API_SECURITY_HEADERS = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'referrer-policy': 'no-referrer',
} as const;

/**
 * Adds the API security headers to every answer of this context's routes, errors included, and
 * the request id unless an enclosing context adds it already.
 */
export function useApiSecurityHeaders(
  app: FastifyInstance,
  options: { readonly requestId?: boolean } = {},
): void {
  useAnswerHeaders(app, API_SECURITY_HEADERS, options);
}
