import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

/**
 * A dependency loaded when first used rather than when the process starts. For the heavy ones
 * that most processes never call (the PostgreSQL driver on SQLite, the holiday calendar, the
 * numbering plans of the application checks): a process that only publishes the register keeps
 * them out of memory. The module must have a CommonJS entry point.
 */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the module's type, which `require` cannot know
export function lazyModule<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => {
    loaded ??= load(name) as T;
    return loaded;
  };
}
