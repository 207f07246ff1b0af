import type { Kysely } from 'kysely';
import type { Notifier } from '../app/accounts/ports.ts';
import type { Clock, Mailer, Secrets } from '../app/ports.ts';
import type { IdGenerator, RegisterReader } from '../app/register/ports.ts';
import type { Database } from '../db/schema.ts';
import type { Translator } from '../i18n/i18n.ts';

/** The adapters the back office is built from; one set per process (or per test app). */
export interface BackOfficeWiring {
  readonly db: Kysely<Database>;
  readonly reader: RegisterReader;
  readonly notifier: Notifier;
  readonly mailer: Mailer;
  readonly translator: Translator;
  readonly clock: Clock;
  readonly secrets: Secrets;
  readonly ids: IdGenerator;
  /**
   * To call after a change to the register commits (an approval, a lifecycle operation): it
   * empties this process's resolve cache so that the change is visible at once.
   */
  readonly registerChanged: () => void;
}
