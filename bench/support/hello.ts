import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startChildServer, type ChildServer } from './child-server.ts';

/**
 * The service's keep-tick-shape module, as `npm run build` compiles it (ADR 11). Without it, a
 * Fastify hello-world process is now and then as afflicted as the service was: a full collection
 * at start, while no tick object is queued, turns the engine's records of the tick object's
 * shape megamorphic for the life of the process, and every tick object is then built in the
 * runtime. Counted with callgrind on 2026-11-28, two of three hello-world processes started the
 * same way spent 105,000–108,000 instructions per answer instead of 64,000, with 4% of them in
 * that runtime function alone. A baseline that is fast in one run and slow in the next measures
 * nothing, so the hello-world is started with the module loaded first, as the service is: both
 * sides are then the process without the affliction.
 */
const KEEP_TICK_SHAPE = pathToFileURL(
  join(import.meta.dirname, '..', '..', 'dist', 'keep-tick-shape.js'),
).href;

/** Starts the bare Fastify hello-world of `hello-server.ts`; the service must be built first. */
export function startHello(wrapper?: readonly string[]): Promise<ChildServer> {
  return startChildServer(join(import.meta.dirname, 'hello-server.ts'), [], {
    nodeFlags: ['--import', KEEP_TICK_SHAPE],
    ...(wrapper === undefined ? {} : { wrapper }),
  });
}
