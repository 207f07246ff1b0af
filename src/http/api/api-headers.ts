import type { FastifyInstance } from 'fastify';
import { useAnswerHeaders } from '../answer-headers.ts';

/**
 * Security headers for JSON and data answers. The pages' policy (rebuilt on every request) is
 * made for HTML; an API answer is never a document, so it gets the strictest CSP (nothing loads,
 * nothing frames it) and `nosniff`, computed once. Headers that only act on documents
 * (`Referrer-Policy`, the page CSP's directives) are left to the pages; `Strict-Transport-Security`
 * is added per request, on HTTPS answers only (`setPerRequestHeaders`). This also keeps the
 * resolve hot path cheap: every header costs the server and every client its share of each answer.
 */
export const API_SECURITY_HEADERS = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
} as const;

/**
 * The public API is open data: any web page may read it (CORS), without credentials, and see the
 * headers a copy needs to stay in sync.
 */
export const PUBLIC_API_HEADERS = {
  ...API_SECURITY_HEADERS,
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'etag, last-modified, retry-after, x-request-id',
} as const;

/** What a browser may send to the public API from another origin, asked once a day. */
const PREFLIGHT_HEADERS = {
  'access-control-allow-methods': 'GET, HEAD, POST',
  'access-control-allow-headers': 'accept-language, content-type, if-modified-since, if-none-match',
  'access-control-max-age': '86400',
} as const;

/**
 * The public API's headers on every answer of this context, and the answer to a browser's
 * preflight (`OPTIONS`) for any path under `/api/v1/`. Signing in is never allowed from another
 * origin: `Authorization` and cookies are not among the headers allowed.
 */
export function usePublicApiHeaders(app: FastifyInstance): void {
  useAnswerHeaders(app, PUBLIC_API_HEADERS);
  app.options('/api/v1/*', { schema: { hide: true } }, (_request, reply) =>
    reply.code(204).headers(PREFLIGHT_HEADERS).send(),
  );
}

/**
 * Adds the API security headers to every answer of this context's routes, errors included, and
 * the per-request headers unless an enclosing context adds them already.
 */
export function useApiSecurityHeaders(
  app: FastifyInstance,
  options: { readonly perRequest?: boolean } = {},
): void {
  useAnswerHeaders(app, API_SECURITY_HEADERS, options);
}
