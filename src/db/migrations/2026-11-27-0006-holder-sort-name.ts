import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen: a migration never changes once it has shipped, and never imports application code.

/**
 * Holders are listed (the CSV export) by a folded name: lower case, accents taken off, as the
 * Benelux register lists its companies. Compared byte by byte on both databases (`C` collation on
 * PostgreSQL, SQLite's default), so that both give the same order whatever their locale.
 */
function foldedName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/æ/g, 'ae')
    .replace(/œ/g, 'oe')
    .replace(/[øł]/g, (c) => (c === 'ø' ? 'o' : 'l'))
    .replace(/\s+/g, ' ')
    .trim();
}

interface Holders {
  holder: { id: string; legal_name: string; sort_name: string };
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .alterTable('holder')
    .addColumn('sort_name', postgres ? sql`varchar(300) collate "C"` : 'varchar(300)', (c) =>
      c.notNull().defaultTo(''),
    )
    .execute();
  const holders = db as unknown as Kysely<Holders>;
  const rows = await holders.selectFrom('holder').select(['id', 'legal_name']).execute();
  for (const row of rows) {
    await holders
      .updateTable('holder')
      .set({ sort_name: foldedName(row.legal_name) })
      .where('id', '=', row.id)
      .execute();
  }
  await db.schema
    .createIndex('holder_sort_name')
    .on('holder')
    .columns(['sort_name', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('holder_sort_name').execute();
  await db.schema.alterTable('holder').dropColumn('sort_name').execute();
}
