import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type Pg from 'pg';
import { lazyModule } from '../lazy-module.ts';
import type { Database } from './schema.ts';

/** Loaded only to open a PostgreSQL database. */
const pgDriver = lazyModule<typeof Pg>('pg');

export type Dialect = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  readonly db: Kysely<Database>;
  readonly dialect: Dialect;
}

function openSqlite(file: string): Kysely<Database> {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}

function openPostgres(url: string): Kysely<Database> {
  const pool = new (pgDriver().Pool)({ connectionString: url, max: 10 });
  // An idle connection that the server closes (restart, failover) is dropped from the pool and
  // replaced on next use; without a listener its error would end the process.
  pool.on('error', (err) => {
    process.emitWarning(`PostgreSQL connection lost: ${err.message}`, 'DatabaseWarning');
  });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/** Opens the database named by a `sqlite:<file>` or `postgres://…` URL. */
export function connectDatabase(url: string): DatabaseHandle {
  if (url.startsWith('sqlite:'))
    return { db: openSqlite(url.slice('sqlite:'.length)), dialect: 'sqlite' };
  return { db: openPostgres(url), dialect: 'postgres' };
}
