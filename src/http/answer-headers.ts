import { randomFillSync } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** One year, subdomains included: what the service asks of browsers that reach it over HTTPS. */
export const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * The headers that depend on the request rather than on the route: the request's id, and
 * `Strict-Transport-Security` on an answer that travels over HTTPS (directly, or behind a trusted
 * proxy that says so in `X-Forwarded-Proto`). RFC 6797 §7.2: a host must not send it over plain
 * HTTP, where it would mean nothing anyway.
 */
export function setPerRequestHeaders(
  request: FastifyRequest,
  reply: FastifyReply,
  protocol: string = request.protocol,
): void {
  void reply.header('x-request-id', request.id);
  if (protocol === 'https') void reply.header('strict-transport-security', HSTS);
}

const REQUEST_ID = /^[\w.:-]{1,100}$/;

/** Random bytes for request ids, drawn from the system 4 KiB at a time; each is used once. */
const ID_BYTES = 16;
const POOL_BYTES = 4096;
let pool = Buffer.alloc(0);
let drawn = 0;

/**
 * A new request id: 128 random bits as 22 characters of base64url, as unique as a random UUID.
 * Made for every answer: one native call that gives a flat string, where a UUID's text is put
 * together from 20 pieces, then joined again to be checked and written as a header.
 */
export function newRequestId(): string {
  if (drawn + ID_BYTES > pool.length) {
    pool = randomFillSync(Buffer.allocUnsafeSlow(POOL_BYTES));
    drawn = 0;
  }
  const id = pool.toString('base64url', drawn, drawn + ID_BYTES);
  drawn += ID_BYTES;
  return id;
}

/** A request's id: the caller's `X-Request-Id` when it is a plain token, else a new one. */
export function requestIdOf(headers: IncomingHttpHeaders): string {
  const given = headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : newRequestId();
}

/**
 * The protocol of a request read without the framework: one that failed before routing (the
 * framework makes such a request without its proxy settings, so `request.protocol` would ignore
 * a trusted proxy's word), or one answered by the resolve lane.
 */
export function protocolOf(raw: IncomingMessage, trustProxy: boolean): string {
  const socket = raw.socket as { encrypted?: boolean } | null;
  if (socket?.encrypted === true) return 'https';
  const forwarded = raw.headers['x-forwarded-proto'];
  if (!trustProxy || typeof forwarded !== 'string') return 'http';
  return forwarded.split(',').at(-1)?.trim() ?? 'http';
}

/**
 * Adds headers to every answer of this context's routes, errors included, and (unless an
 * enclosing context does it already) the per-request headers (`setPerRequestHeaders`). One hook
 * per context, set when the request arrives, rather than several for the whole application: the
 * public API's hottest routes carry this hook and no other.
 */
export function useAnswerHeaders(
  app: FastifyInstance,
  headers: Readonly<Record<string, string>> = {},
  { perRequest = true }: { readonly perRequest?: boolean } = {},
): void {
  app.addHook(
    'onRequest',
    perRequest
      ? (request, reply, done) => {
          setPerRequestHeaders(request, reply.headers(headers));
          done();
        }
      : (_request, reply, done) => {
          void reply.headers(headers);
          done();
        },
  );
}
