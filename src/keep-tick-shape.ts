import { createHook } from 'node:async_hooks';

/**
 * One tick object (what `process.nextTick` queues), kept for the life of the process, so that
 * every later one is built in compiled code instead of in the engine's runtime.
 *
 * `process.nextTick` builds its tick object as a literal with two computed keys. At each key the
 * engine (V8, Node 20) records the hidden class the object had when the key was added. Those
 * hidden classes live only as long as some tick object does: a full collection at a moment when
 * none is queued (the service's start makes several) lets them go, the next tick object gets new
 * ones, and the records turn megamorphic for good. From then on every tick object is built in the
 * runtime, about a thousand instructions per key, some thirty times per HTTP request: over a
 * quarter of the work of a resolve answer (ADR 0011). The one kept here holds its hidden class,
 * and those it came from, so the records keep seeing the same ones.
 *
 * Imported first by `main.ts`, before anything has been collected. Async hooks are on only for
 * the one `nextTick` call that hands the tick object over ("TickObject" is a documented resource
 * type); after it nothing is hooked.
 */
const kept: object[] = [];

const hook = createHook({
  init(_asyncId, type, _triggerAsyncId, resource) {
    if (type === 'TickObject' && kept.length === 0) kept.push(resource);
  },
});
hook.enable();
process.nextTick(() => undefined);
hook.disable();

/** The tick object kept, if the runtime handed one over. */
export const keptTickObject: object | undefined = kept[0];
