import { PostgresAdapter, sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

// Frozen: a migration never changes once it has shipped, and never imports application code.

function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** An increasing integer key: identity on PostgreSQL, rowid alias on SQLite. */
function serial(db: Kysely<unknown>) {
  return (c: ColumnDefinitionBuilder) =>
    isPostgres(db) ? c.primaryKey().generatedAlwaysAsIdentity() : c.primaryKey().autoIncrement();
}

async function createHolders(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('holder')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('legal_name', 'varchar(300)', (c) => c.notNull())
    .addColumn('trading_name', 'varchar(300)')
    .addColumn('seat_country', 'varchar(2)')
    .addColumn('website', 'varchar(500)')
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('source', 'varchar(40)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(40)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('holder_search_text').on('holder').column('search_text').execute();
  await db.schema
    .createTable('holder_identifier')
    .addColumn('holder_id', 'varchar(40)', (c) =>
      c.notNull().references('holder.id').onDelete('cascade'),
    )
    .addColumn('scheme', 'varchar(20)', (c) => c.notNull())
    .addColumn('value', 'varchar(100)', (c) => c.notNull())
    .addPrimaryKeyConstraint('holder_identifier_pk', ['holder_id', 'scheme', 'value'])
    .execute();
}

async function createCodes(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('party_code')
    .addColumn('key', 'varchar(5)', (c) => c.primaryKey())
    .addColumn('country', 'varchar(2)', (c) => c.notNull())
    .addColumn('code', 'varchar(3)', (c) => c.notNull())
    .addColumn('holder_id', 'varchar(40)', (c) => c.notNull().references('holder.id'))
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('valid_from', 'varchar(40)')
    .addColumn('valid_to', 'varchar(40)')
    .addColumn('successor_key', 'varchar(5)')
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(40)', (c) => c.notNull())
    .addUniqueConstraint('party_code_country_code', ['country', 'code'])
    // Codes are case-insensitive: only the upper-case spelling is ever stored.
    .addCheckConstraint('party_code_upper', sql`key = upper(key) and key = country || code`)
    .execute();
  await db.schema.createIndex('party_code_holder').on('party_code').column('holder_id').execute();
  await db.schema
    .createIndex('party_code_status')
    .on('party_code')
    .columns(['status', 'key'])
    .execute();
  await db.schema
    .createTable('party_code_role')
    .addColumn('code_key', 'varchar(5)', (c) =>
      c.notNull().references('party_code.key').onDelete('cascade'),
    )
    .addColumn('role', 'varchar(20)', (c) => c.notNull())
    .addColumn('since', 'varchar(40)')
    .addPrimaryKeyConstraint('party_code_role_pk', ['code_key', 'role'])
    .execute();
  await db.schema
    .createIndex('party_code_role_role')
    .on('party_code_role')
    .columns(['role', 'code_key'])
    .execute();
  await db.schema
    .createTable('reserved_code')
    .addColumn('key', 'varchar(5)', (c) => c.primaryKey())
    .addColumn('country', 'varchar(2)', (c) => c.notNull())
    .addColumn('code', 'varchar(3)', (c) => c.notNull())
    .addColumn('reason', 'varchar(500)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
    .execute();
}

async function createEvents(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('register_event')
    .addColumn('id', 'integer', serial(db))
    .addColumn('code_key', 'varchar(5)', (c) => c.notNull())
    .addColumn('type', 'varchar(30)', (c) => c.notNull())
    .addColumn('from_status', 'varchar(20)')
    .addColumn('to_status', 'varchar(20)')
    .addColumn('reason', 'varchar(1000)')
    .addColumn('at', 'varchar(40)', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('register_event_code')
    .on('register_event')
    .columns(['code_key', 'id'])
    .execute();
}

async function createFederation(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('federated_record')
    .addColumn('registry_id', 'varchar(60)', (c) => c.notNull())
    .addColumn('country', 'varchar(2)', (c) => c.notNull())
    .addColumn('code', 'varchar(3)', (c) => c.notNull())
    .addColumn('role', 'varchar(20)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('organization_name', 'varchar(300)')
    .addColumn('legal_name', 'varchar(300)')
    .addColumn('website', 'varchar(500)')
    .addColumn('official', 'integer', (c) => c.notNull())
    .addColumn('source_record_id', 'varchar(200)')
    .addColumn('source_url', 'varchar(500)')
    .addColumn('source_value', 'varchar(100)')
    .addColumn('first_seen_at', 'varchar(40)')
    .addColumn('last_seen_at', 'varchar(40)')
    .addColumn('retrieved_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('dataset', 'varchar(200)', (c) => c.notNull())
    .addColumn('imported_at', 'varchar(40)', (c) => c.notNull())
    .addPrimaryKeyConstraint('federated_record_pk', ['registry_id', 'country', 'code', 'role'])
    .execute();
  await db.schema
    .createIndex('federated_record_code')
    .on('federated_record')
    .columns(['country', 'code'])
    .execute();
}

async function createImports(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('import_run')
    .addColumn('id', 'integer', serial(db))
    .addColumn('kind', 'varchar(40)', (c) => c.notNull())
    .addColumn('source_name', 'varchar(300)', (c) => c.notNull())
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('retrieved_at', 'varchar(40)')
    .addColumn('imported_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .execute();
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await createHolders(db);
  await createCodes(db);
  await createEvents(db);
  await createFederation(db);
  await createImports(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'import_run',
    'federated_record',
    'register_event',
    'reserved_code',
    'party_code_role',
    'party_code',
    'holder_identifier',
    'holder',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
