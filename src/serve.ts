import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applicationServices } from './application-services.ts';
import type { Clock, HealthProbe } from './app/ports.ts';
import { createPrefixLookup } from './app/register/prefix-lookup.ts';
import { seedRegister, type SeedFiles } from './app/register/seed-register.ts';
import type { Config } from './config.ts';
import { connectDatabase } from './db/connect.ts';
import { databaseIsUp } from './db/health-check.ts';
import { migrateToLatest } from './db/migrate.ts';
import { createRegisterReader } from './db/repositories/register-reader.ts';
import { createAccountStore } from './db/repositories/account-store.ts';
import { createRegisterStore } from './db/repositories/register-store.ts';
import { createMailer } from './email/create-mailer.ts';
import { createNotifier } from './email/notifier.ts';
import { buildApp } from './http/build-app.ts';
import { createTranslator } from './i18n/i18n.ts';
import { cryptoSecrets } from './secrets.ts';
import { VERSION } from './version.ts';
import { backOfficeServices } from './wiring/back-office.ts';
import { startLifecycleJobs } from './wiring/lifecycle.ts';

const SHUTDOWN_GRACE_MS = 10_000;
const SEED_DIR = join(import.meta.dirname, '..', 'seed');

export const systemClock: Clock = { now: () => new Date() };

/** The bundled snapshot: the public Benelux export and the Open IDRO Directory dataset. */
export function bundledSeed(): SeedFiles {
  const read = (name: string) => readFileSync(join(SEED_DIR, name), 'utf8');
  return {
    benelux: {
      name: 'benelux-idro-register-export.csv',
      text: read('benelux-idro-register-export.csv'),
    },
    directory: {
      name: 'open-idro-directory-registry.csv',
      dataset: 'Open IDRO Directory, data/registry.csv at f52cb90 (2026-06-29)',
      text: read('open-idro-directory-registry.csv'),
    },
  };
}

/** Opens and migrates the database, seeds an empty register, then serves until SIGINT/SIGTERM. */
export async function serve(config: Config): Promise<void> {
  const { db } = connectDatabase(config.databaseUrl);
  await migrateToLatest(db);
  const store = createRegisterStore(db);
  const reader = createRegisterReader(db);
  const translator = createTranslator();
  const mailLog = {
    info: (details: object, message: string) => {
      app.log.info(details, message);
    },
  };
  const mailer = createMailer(config, mailLog);
  const notifier = createNotifier(mailer, translator);
  const ids = { next: () => randomUUID() };
  const lookup = createPrefixLookup(reader, Date.now, {
    checkEveryMs: 1000,
    maxEntries: 50_000,
  });
  const backOffice = backOfficeServices({
    db,
    reader,
    notifier,
    mailer,
    translator,
    clock: systemClock,
    secrets: cryptoSecrets,
    ids,
    registerChanged: () => {
      lookup.invalidate();
    },
  });
  const health: HealthProbe = { check: async () => ({ database: await databaseIsUp(db) }) };
  const app = await buildApp({
    config,
    translator,
    health,
    register: {
      reader,
      lookup,
    },
    accounts: {
      store: createAccountStore(db),
      notifier,
      secrets: cryptoSecrets,
      clock: systemClock,
      ids,
    },
    applications: applicationServices({ db, reader, notifier, translator, clock: systemClock }),
    backOffice,
    version: VERSION,
    // Silent is no logger at all: a silenced one still makes a child logger for every request.
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
  });
  const stopJobs = startLifecycleJobs(backOffice.lifecycle);
  app.addHook('onClose', async () => {
    stopJobs();
    await db.destroy();
  });
  if (config.seed === 'bundled') {
    const seeded = await seedRegister(
      { store, clock: systemClock, ids: { next: () => randomUUID() } },
      bundledSeed,
    );
    if (seeded !== undefined) {
      app.log.info(
        {
          holders: seeded.benelux.holders.created,
          codes: seeded.benelux.codes.created,
          federated: seeded.directory.records,
        },
        'empty register seeded with the bundled snapshot',
      );
    }
  }
  handleSignals(app);
  await app.listen({ port: config.port, host: config.host });
}

function handleSignals(app: Awaited<ReturnType<typeof buildApp>>): void {
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
}
