import { sql, type Kysely } from 'kysely';

/** Answers whether the database takes a trivial query. */
export async function databaseIsUp<DB>(db: Kysely<DB>): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
