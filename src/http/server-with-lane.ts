import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** Answers a request before the framework routes it, and says so; or leaves it (false). */
export type Lane = (req: IncomingMessage, res: ServerResponse) => boolean;

/** The framework's server options that shape its HTTP server (it has filled in the defaults). */
interface ServerOptions {
  readonly http?: object;
  readonly keepAliveTimeout?: number;
  readonly requestTimeout?: number;
  readonly connectionTimeout?: number;
  readonly maxRequestsPerSocket?: number;
}

/**
 * A server factory for the framework: the HTTP server it would make by itself, with the same
 * timeouts, and with a lane in front of its handler that may answer a request first.
 */
export function serverWithLane(lane: Lane) {
  return (
    handler: (req: IncomingMessage, res: ServerResponse) => void,
    options: Record<string, unknown>,
  ): Server => {
    const o = options as ServerOptions;
    const server = createServer(o.http ?? {}, (req, res) => {
      if (!lane(req, res)) handler(req, res);
    });
    if (o.keepAliveTimeout !== undefined) server.keepAliveTimeout = o.keepAliveTimeout;
    if (o.requestTimeout !== undefined) server.requestTimeout = o.requestTimeout;
    server.setTimeout(o.connectionTimeout ?? 0);
    if (o.maxRequestsPerSocket !== undefined && o.maxRequestsPerSocket > 0) {
      server.maxRequestsPerSocket = o.maxRequestsPerSocket;
    }
    return server;
  };
}
