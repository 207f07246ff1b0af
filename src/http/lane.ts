import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/** Answers a request before the framework routes it, and says so; or leaves it (false). */
export type Lane = (req: IncomingMessage, res: ServerResponse) => boolean;

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Puts a lane in front of the framework's request handler, on the server the framework made: it
 * keeps everything else the framework set up there (timeouts, closing). Throws unless the server
 * has exactly one handler to put it in front of.
 */
export function putLaneInFront(server: Server, lane: Lane): void {
  const handlers = server.listeners('request') as Handler[];
  const [routed] = handlers;
  if (handlers.length !== 1 || routed === undefined) {
    throw new Error(`expected one request handler, found ${String(handlers.length)}`);
  }
  server.removeListener('request', routed);
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (!lane(req, res)) routed(req, res);
  });
}
