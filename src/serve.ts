import type { HealthProbe } from './app/ports.ts';
import type { Config } from './config.ts';
import { connectDatabase } from './db/connect.ts';
import { databaseIsUp } from './db/health-check.ts';
import { migrateToLatest } from './db/migrate.ts';
import { buildApp } from './http/build-app.ts';
import { createTranslator } from './i18n/i18n.ts';
import { VERSION } from './version.ts';

const SHUTDOWN_GRACE_MS = 10_000;

/** Opens and migrates the database, then serves until SIGINT or SIGTERM, closing gracefully. */
export async function serve(config: Config): Promise<void> {
  const { db } = connectDatabase(config.databaseUrl);
  await migrateToLatest(db);
  const health: HealthProbe = { check: async () => ({ database: await databaseIsUp(db) }) };
  const app = await buildApp({
    config,
    translator: createTranslator(),
    health,
    version: VERSION,
    logger: { level: config.logLevel },
  });
  app.addHook('onClose', async () => {
    await db.destroy();
  });

  let closing = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      app.log.error('graceful shutdown timed out');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        app.log.error({ err }, 'error while shutting down');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);

  await app.listen({ port: config.port, host: config.host });
}
