import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { connectDatabase, type Dialect } from '../../src/db/connect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { fillSyntheticRegister } from './synthetic-register.ts';

export interface BenchDatabase {
  readonly dialect: Dialect;
  readonly url: string;
  /** Removes the database (file or PostgreSQL database). */
  drop(): Promise<void>;
}

const ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function admin(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** Whether the PostgreSQL server of the benchmarks answers. */
export async function postgresAnswers(): Promise<boolean> {
  return admin('select 1').then(
    () => true,
    () => false,
  );
}

async function fill(url: string, codes: number): Promise<void> {
  const { db } = connectDatabase(url);
  try {
    await migrateToLatest(db);
    await fillSyntheticRegister(db, codes);
  } finally {
    await db.destroy();
  }
}

/** A throw-away database of the dialect holding `codes` synthetic codes: a file, or a new database. */
export async function createSyntheticDatabase(
  dialect: Dialect,
  codes: number,
): Promise<BenchDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'idro-bench-'));
    const url = `sqlite:${join(dir, 'register.sqlite')}`;
    await fill(url, codes);
    return {
      dialect,
      url,
      drop: () => {
        rmSync(dir, { recursive: true });
        return Promise.resolve();
      },
    };
  }
  const name = `idro_bench_${randomBytes(6).toString('hex')}`;
  await admin(`create database ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  try {
    await fill(url.toString(), codes);
  } catch (error) {
    await admin(`drop database if exists ${name} with (force)`);
    throw error;
  }
  return {
    dialect,
    url: url.toString(),
    drop: () => admin(`drop database if exists ${name} with (force)`),
  };
}
