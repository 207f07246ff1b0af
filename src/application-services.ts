import type { Kysely } from 'kysely';
import { randomApplicationIds } from './app/applications/application-ids.ts';
import { externalChecks } from './app/applications/external-checks.ts';
import type { ApplicationNotifier, ApplicationServices } from './app/applications/ports.ts';
import type { Clock } from './app/ports.ts';
import type { RegisterReader } from './app/register/ports.ts';
import { createApplicationStore } from './db/repositories/application-store.ts';
import type { Database } from './db/schema.ts';
import type { Translator } from './i18n/i18n.ts';
import { DEFAULT_LANGUAGE, isLanguage } from './i18n/languages.ts';

/** Wires the application use cases to the database, the register, the mail and the messages. */
export function applicationServices(wiring: {
  readonly db: Kysely<Database>;
  readonly reader: RegisterReader;
  readonly notifier: ApplicationNotifier;
  readonly translator: Translator;
  readonly clock: Clock;
}): ApplicationServices {
  const { translator } = wiring;
  return {
    applications: createApplicationStore(wiring.db),
    register: wiring.reader,
    notifier: wiring.notifier,
    clock: wiring.clock,
    ids: randomApplicationIds,
    checks: externalChecks,
    labels: {
      label: (lang, key) =>
        translator.t(isLanguage(lang) ? lang : DEFAULT_LANGUAGE)(`applications:${key}`),
    },
  };
}
