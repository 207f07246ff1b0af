import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Validators } from '../../../../app/register/export-register.ts';

/** Cache policy of lookups: short, since the register may change at any time. */
export const LOOKUP_CACHE = 'public, max-age=60';

/** `W/"x"` and `"x"` name the same representation under weak comparison (RFC 9110 §8.8.3.2). */
const opaque = (tag: string) => tag.trim().replace(/^W\//, '');

function matchesNoneMatch(header: string, etag: string): boolean {
  if (header.trim() === '*') return true;
  const mine = opaque(etag);
  return header.split(',').some((tag) => opaque(tag) === mine);
}

/** HTTP dates have whole seconds: a change within the same second must not look older. */
function notModifiedSince(header: string, lastModified: Date): boolean {
  const since = Date.parse(header);
  if (Number.isNaN(since)) return false;
  return Math.floor(lastModified.getTime() / 1000) * 1000 <= since;
}

/**
 * Sets the validators on the answer and tells whether the client's copy is still current.
 * `If-None-Match` wins over `If-Modified-Since`, as RFC 9110 §13.2.2 requires.
 */
export function isFresh(request: FastifyRequest, reply: FastifyReply, v: Validators): boolean {
  void reply.header('etag', v.etag);
  if (v.lastModified !== null) void reply.header('last-modified', v.lastModified.toUTCString());
  const noneMatch = request.headers['if-none-match'];
  if (noneMatch !== undefined) return matchesNoneMatch(noneMatch, v.etag);
  const since = request.headers['if-modified-since'];
  return since !== undefined && v.lastModified !== null && notModifiedSince(since, v.lastModified);
}

/** The OpenAPI entry of a 304 answer. */
export const NOT_MODIFIED = Type.Null({
  description: 'Not modified: the copy named by `If-None-Match` or `If-Modified-Since` is current',
});

/** Response headers documented on routes with validators. */
export const VALIDATOR_HEADERS = {
  etag: { type: 'string', description: 'Changes whenever the published register does' },
  'last-modified': { type: 'string', description: 'Time of the last change to the register' },
} as const;

/** A response schema documented with the headers it is sent with. */
export function withHeaders<S extends object>(
  schema: S,
  headers: Readonly<Record<string, { readonly type: string; readonly description: string }>>,
): S {
  return { ...schema, headers };
}

/** A 304 has no body, hence no content type or length either. */
export function sendNotModified(reply: FastifyReply): FastifyReply {
  return reply.code(304).removeHeader('content-type').send();
}
