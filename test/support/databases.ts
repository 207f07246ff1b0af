import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { connectDatabase, type Dialect } from '../../src/db/connect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import type { Database } from '../../src/db/schema.ts';
import { skipUnlessAvailable } from './requirements.ts';

/** Every database the service runs on; integration tests loop over them. */
export const DIALECTS: readonly Dialect[] = ['sqlite', 'postgres'];

const ADMIN_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function postgresAnswers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

// Asked once, when this module loads and before any test runs: a test on SQLite (synchronous)
// could otherwise hold the event loop long enough for the question to time out.
const POSTGRES_ANSWERS = await postgresAnswers();

/** `false` when the dialect can be tested here, else why not (throws when REQUIRE_PG=1). */
export function dialectSkip(dialect: Dialect): string | false {
  if (dialect === 'sqlite') return false;
  return skipUnlessAvailable(
    POSTGRES_ANSWERS,
    'REQUIRE_PG',
    `PostgreSQL does not answer at ${ADMIN_URL}`,
  );
}

export interface TestDatabase {
  readonly db: Kysely<Database>;
  readonly url: string;
  /** Closes the connection and drops the database. */
  drop(): Promise<void>;
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** A fresh, migrated database of the dialect: in-memory SQLite, or a new PostgreSQL database. */
export async function createTestDb(dialect: Dialect): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const url = 'sqlite::memory:';
    const { db } = connectDatabase(url);
    await migrateToLatest(db);
    return { db, url, drop: () => db.destroy() };
  }
  const name = `idro_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const { db } = connectDatabase(url.toString());
  await migrateToLatest(db);
  return {
    db,
    url: url.toString(),
    drop: async () => {
      await db.destroy();
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}
