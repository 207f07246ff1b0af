import type { FastifyInstance, RouteOptions } from 'fastify';
import type { Kysely } from 'kysely';
import type { Clock, HealthProbe, Mailer, MailMessage } from '../../src/app/ports.ts';
import { applicationServices } from '../../src/application-services.ts';
import type { BackOfficeServices } from '../../src/app/back-office.ts';
import { createPrefixLookup } from '../../src/app/register/prefix-lookup.ts';
import { seedRegister } from '../../src/app/register/seed-register.ts';
import { loadConfig } from '../../src/config.ts';
import type { Dialect } from '../../src/db/connect.ts';
import { createAccountStore } from '../../src/db/repositories/account-store.ts';
import { createRegisterReader } from '../../src/db/repositories/register-reader.ts';
import { createRegisterStore } from '../../src/db/repositories/register-store.ts';
import type { Database } from '../../src/db/schema.ts';
import { createNotifier } from '../../src/email/notifier.ts';
import { buildApp } from '../../src/http/build-app.ts';
import { createTranslator } from '../../src/i18n/i18n.ts';
import { bundledSeed, systemClock } from '../../src/serve.ts';
import { cryptoSecrets } from '../../src/secrets.ts';
import { VERSION } from '../../src/version.ts';
import { backOfficeServices } from '../../src/wiring/back-office.ts';
import { createTestDb, type TestDatabase } from './databases.ts';
import { uuids } from './register.ts';

export interface TestAppOptions {
  readonly env?: Readonly<Record<string, string>>;
  readonly health?: HealthProbe;
  /** Database to run on; SQLite in memory by default. */
  readonly dialect?: Dialect;
  /** Load the bundled register snapshot (300 holders, 8,010 federated records). */
  readonly seed?: boolean;
  /** Where mails go; by default they are kept in `app.mails`. */
  readonly mailer?: Mailer;
  /** The clock of the account use cases (expiry of links, sessions); the system's by default. */
  readonly clock?: Clock;
  /** Told of every route as it is added. */
  readonly observeRoute?: (route: RouteOptions) => void;
  /**
   * How often the resolve cache asks whether the register changed; 0 (the default) asks before
   * every resolve, so that tests see each change at once and resolving never skips the router.
   */
  readonly lookupCheckEveryMs?: number;
}

export type TestApp = FastifyInstance & {
  readonly db: Kysely<Database>;
  /** Mails sent through the default mailer, oldest first. */
  readonly mails: MailMessage[];
  /** The back office's services, as the routes use them. */
  readonly backOffice: BackOfficeServices;
};

/**
 * The real application, built as `npm start` builds it, on a fresh migrated database, with a
 * silent logger and no listener. Closing the app drops its database.
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const config = loadConfig({ DATABASE_URL: 'sqlite::memory:', ...options.env });
  const test: TestDatabase = await createTestDb(options.dialect ?? 'sqlite');
  const reader = createRegisterReader(test.db);
  if (options.seed === true) {
    await seedRegister(
      { store: createRegisterStore(test.db), clock: systemClock, ids: uuids },
      bundledSeed,
    );
  }
  const translator = createTranslator();
  const mails: MailMessage[] = [];
  const mailer: Mailer = options.mailer ?? {
    send: (message) => {
      mails.push(message);
      return Promise.resolve();
    },
  };
  const notifier = createNotifier(mailer, translator);
  const clock = options.clock ?? systemClock;
  const lookup = createPrefixLookup(reader, Date.now, {
    checkEveryMs: options.lookupCheckEveryMs ?? 0,
    maxEntries: 1000,
  });
  const backOffice = backOfficeServices({
    db: test.db,
    reader,
    notifier,
    mailer,
    translator,
    clock,
    secrets: cryptoSecrets,
    ids: uuids,
    registerChanged: () => {
      lookup.invalidate();
    },
  });
  const app = await buildApp({
    config,
    translator,
    health: options.health ?? { check: () => Promise.resolve({ database: true }) },
    register: {
      reader,
      lookup,
    },
    accounts: {
      store: createAccountStore(test.db),
      notifier,
      secrets: cryptoSecrets,
      clock: options.clock ?? systemClock,
      ids: uuids,
    },
    applications: applicationServices({
      db: test.db,
      reader,
      notifier,
      translator,
      clock: options.clock ?? systemClock,
    }),
    backOffice,
    version: VERSION,
    logger: false,
    observeRoute: options.observeRoute,
  });
  app.addHook('onClose', () => test.drop());
  app.decorate('db', test.db);
  app.decorate('mails', mails);
  app.decorate('backOffice', backOffice);
  await app.ready();
  return app as TestApp;
}
