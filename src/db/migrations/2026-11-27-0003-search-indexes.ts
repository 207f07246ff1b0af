import type { Kysely } from 'kysely';

// Frozen: a migration never changes once it has shipped, and never imports application code.

/**
 * Covering indexes for register search: the key order the pages list in, with the folded search
 * text beside it, so that a `LIKE '%word%'` filter is tested on index entries instead of rows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('party_code_key_search')
    .on('party_code')
    .columns(['key', 'search_text'])
    .execute();
  await db.schema
    .createIndex('party_code_country_key_search')
    .on('party_code')
    .columns(['country', 'key', 'search_text'])
    .execute();
  await db.schema.dropIndex('party_code_status').execute();
  await db.schema
    .createIndex('party_code_status')
    .on('party_code')
    .columns(['status', 'key', 'search_text'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('party_code_key_search').execute();
  await db.schema.dropIndex('party_code_country_key_search').execute();
  await db.schema.dropIndex('party_code_status').execute();
  await db.schema
    .createIndex('party_code_status')
    .on('party_code')
    .columns(['status', 'key'])
    .execute();
}
