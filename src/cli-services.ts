import { randomUUID } from 'node:crypto';
import type { CliServices } from './cli/cli-services.ts';
import type { Config } from './config.ts';

/**
 * Wires the database adapters for command-line commands; loaded lazily so that commands which
 * need no database (validate) start without it.
 */
export function cliServices(config: () => Config): CliServices {
  return {
    async openRegister() {
      const { connectDatabase } = await import('./db/connect.ts');
      const { migrateToLatest } = await import('./db/migrate.ts');
      const { createRegisterStore } = await import('./db/repositories/register-store.ts');
      const { createRegisterReader } = await import('./db/repositories/register-reader.ts');
      const { db } = connectDatabase(config().databaseUrl);
      await migrateToLatest(db);
      return {
        store: createRegisterStore(db),
        reader: createRegisterReader(db),
        clock: { now: () => new Date() },
        ids: { next: () => randomUUID() },
        close: () => db.destroy(),
      };
    },
  };
}
