import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
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
        actor: { type: 'cli', id: null, label: operatingUser() },
        close: () => db.destroy(),
      };
    },
    async openAudit() {
      const { connectDatabase } = await import('./db/connect.ts');
      const { migrateToLatest } = await import('./db/migrate.ts');
      const { createAuditReader } = await import('./db/repositories/audit-log.ts');
      const { db } = connectDatabase(config().databaseUrl);
      await migrateToLatest(db);
      return { reader: createAuditReader(db), close: () => db.destroy() };
    },
    async openStaff() {
      const { connectDatabase } = await import('./db/connect.ts');
      const { migrateToLatest } = await import('./db/migrate.ts');
      const { staffServices } = await import('./wiring/staff.ts');
      const { cryptoSecrets } = await import('./secrets.ts');
      const { databaseUrl, publicUrl, host, port } = config();
      const { db } = connectDatabase(databaseUrl);
      await migrateToLatest(db);
      return {
        services: staffServices({
          db,
          secrets: cryptoSecrets,
          clock: { now: () => new Date() },
          ids: { next: () => randomUUID() },
        }),
        baseUrl: publicUrl === '' ? `http://${host}:${port}` : publicUrl,
        actorLabel: operatingUser(),
        close: () => db.destroy(),
      };
    },
    async openLifecycle() {
      const { connectDatabase } = await import('./db/connect.ts');
      const { migrateToLatest } = await import('./db/migrate.ts');
      const { createRegisterReader } = await import('./db/repositories/register-reader.ts');
      const { lifecycleServices } = await import('./wiring/lifecycle.ts');
      const { db } = connectDatabase(config().databaseUrl);
      await migrateToLatest(db);
      return {
        services: lifecycleServices({
          db,
          reader: createRegisterReader(db),
          clock: { now: () => new Date() },
          ids: { next: () => randomUUID() },
          // A running service notices the change through its register version check.
          registerChanged: () => undefined,
        }),
        close: () => db.destroy(),
      };
    },
  };
}

/** The account that runs the command, named in the audit trail; null when the system has none. */
function operatingUser(): string | null {
  try {
    return userInfo().username;
  } catch {
    return null;
  }
}
