import type { FastifyInstance } from 'fastify';
import type { HealthProbe } from '../../src/app/ports.ts';
import { loadConfig } from '../../src/config.ts';
import { buildApp } from '../../src/http/build-app.ts';
import { createTranslator } from '../../src/i18n/i18n.ts';
import { VERSION } from '../../src/version.ts';

export interface TestAppOptions {
  readonly env?: Readonly<Record<string, string>>;
  readonly health?: HealthProbe;
}

/** The real application, built as `npm start` builds it, with a silent logger and no listener. */
export async function createTestApp(options: TestAppOptions = {}): Promise<FastifyInstance> {
  const config = loadConfig({ DATABASE_URL: 'sqlite::memory:', ...options.env });
  const app = await buildApp({
    config,
    translator: createTranslator(),
    health: options.health ?? { check: () => Promise.resolve({ database: true }) },
    version: VERSION,
    logger: false,
  });
  await app.ready();
  return app;
}
