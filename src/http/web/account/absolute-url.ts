import type { FastifyRequest } from 'fastify';

/** An absolute address for a mail: under `PUBLIC_URL`, or else the host this request came to. */
export function absoluteUrl(request: FastifyRequest, publicUrl: string, path: string): string {
  const base = publicUrl === '' ? `${request.protocol}://${request.host}` : publicUrl;
  return `${base}${path}`;
}
