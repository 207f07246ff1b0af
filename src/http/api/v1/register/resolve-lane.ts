import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyBaseLogger } from 'fastify';
import type { PrefixLookup } from '../../../../app/register/prefix-lookup.ts';
import { resolveCached } from '../../../../app/register/resolve-id.ts';
import { HSTS, protocolOf, requestIdOf } from '../../../answer-headers.ts';
import { PUBLIC_API_HEADERS } from '../../api-headers.ts';
import type { Lane } from '../../../lane.ts';
import { LOOKUP_CACHE } from './conditional.ts';
import { JSON_TYPE, resolutionAnswer } from './resolve-routes.ts';

/** The path the lane answers, and the longest ID it takes there (the router's `maxParamLength`). */
const PATH = '/api/v1/resolve/';
export const MAX_ID_LENGTH = 500;

/** Characters that make the router read the path otherwise, or that end it. */
const NOT_AN_ID = /[/?#;]/;

const PUBLIC_HEADERS = Object.entries(PUBLIC_API_HEADERS).flat();

/** The levels at which the framework logs every request. */
const LOGS_REQUESTS = new Set(['info', 'debug', 'trace']);

export interface ResolveLaneOptions {
  readonly lookup: PrefixLookup;
  readonly trustProxy: boolean;
  /** The application's logger, if it has one. */
  readonly logger?: FastifyBaseLogger;
  /** True once the application is closing: the framework then answers (503) by itself. */
  readonly closing: () => boolean;
}

/** What the framework's request serializer reads, from the raw request. */
function loggedRequest(req: IncomingMessage, url: string) {
  return {
    method: req.method,
    url,
    headers: req.headers,
    host: req.headers.host,
    ip: req.socket.remoteAddress,
    socket: req.socket,
  };
}

/**
 * `GET /api/v1/resolve/{id}` without a query, for an ID whose prefix's facts are cached: the
 * hottest request of the service, answered before the framework routes it, with the very answer
 * the route gives (same headers, same body; `test/integration/register-resolve.test.ts` holds the
 * two side by side). Anything else (another method, a query, a trailing slash, an invalid ID,
 * facts still to be read, a closing application) is left to the framework: the lane answers only
 * what it can answer exactly as the route would.
 */
export function resolveLane(options: ResolveLaneOptions): Lane {
  const { lookup, trustProxy, logger, closing } = options;
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const url = req.url;
    if (req.method !== 'GET' || url?.startsWith(PATH) !== true) return false;
    const logged = logger !== undefined && LOGS_REQUESTS.has(logger.level);
    const started = logged ? performance.now() : 0;
    const encoded = url.slice(PATH.length);
    if (encoded.length > MAX_ID_LENGTH || NOT_AN_ID.test(encoded) || closing()) return false;
    let input = encoded;
    if (encoded.includes('%')) {
      try {
        input = decodeURIComponent(encoded);
      } catch {
        return false;
      }
    }
    const resolved = resolveCached(lookup, input);
    if (resolved === undefined) return false;
    const answer = resolutionAnswer(resolved);
    const id = requestIdOf(req.headers);
    const headers = [...PUBLIC_HEADERS, 'x-request-id', id];
    if (protocolOf(req, trustProxy) === 'https') headers.push('strict-transport-security', HSTS);
    headers.push(
      'cache-control',
      LOOKUP_CACHE,
      'content-type',
      JSON_TYPE,
      'content-length',
      String(answer.length),
    );
    res.writeHead(200, headers).end(answer, 'latin1');
    if (logged) {
      const child = logger.child({ reqId: id });
      child.info({ req: loggedRequest(req, url) }, 'incoming request');
      child.info(
        { res: { statusCode: 200 }, responseTime: performance.now() - started },
        'request completed',
      );
    }
    return true;
  };
}
