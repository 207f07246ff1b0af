import { PostgresAdapter, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

// Frozen: a migration never changes once it has shipped, and never imports application code.

function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

function serial(db: Kysely<unknown>) {
  return (c: ColumnDefinitionBuilder) =>
    isPostgres(db) ? c.primaryKey().generatedAlwaysAsIdentity() : c.primaryKey().autoIncrement();
}

async function createAccounts(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('organisation')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('name', 'varchar(300)')
    .addColumn('holder_id', 'varchar(40)', (c) => c.references('holder.id'))
    .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('account')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('email', 'varchar(320)', (c) => c.notNull().unique())
    .addColumn('organisation_id', 'varchar(40)', (c) => c.notNull().references('organisation.id'))
    .addColumn('name', 'varchar(200)')
    .addColumn('lang', 'varchar(2)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('last_sign_in_at', 'varchar(40)')
    .execute();
  await db.schema
    .createTable('sign_in_token')
    .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('email', 'varchar(320)', (c) => c.notNull())
    .addColumn('purpose', 'varchar(20)', (c) => c.notNull())
    .addColumn('organisation_id', 'varchar(40)', (c) => c.references('organisation.id'))
    .addColumn('invited_by', 'varchar(40)', (c) => c.references('account.id'))
    .addColumn('lang', 'varchar(2)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('used_at', 'varchar(40)')
    .execute();
  await db.schema
    .createIndex('sign_in_token_email')
    .on('sign_in_token')
    .columns(['email', 'created_at'])
    .execute();
  await db.schema
    .createTable('session')
    .addColumn('id_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('account_id', 'varchar(40)', (c) =>
      c.notNull().references('account.id').onDelete('cascade'),
    )
    .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(40)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('session_account').on('session').column('account_id').execute();
  await db.schema
    .createTable('api_token')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('account_id', 'varchar(40)', (c) =>
      c.notNull().references('account.id').onDelete('cascade'),
    )
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('last_used_at', 'varchar(40)')
    .addColumn('revoked_at', 'varchar(40)')
    .execute();
}

async function createApplications(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('application')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('reference', 'varchar(30)', (c) => c.notNull().unique())
    .addColumn('organisation_id', 'varchar(40)', (c) => c.notNull().references('organisation.id'))
    .addColumn('created_by', 'varchar(40)', (c) => c.notNull().references('account.id'))
    .addColumn('status', 'varchar(30)', (c) => c.notNull())
    .addColumn('current_step', 'varchar(20)', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('lang', 'varchar(2)', (c) => c.notNull())
    .addColumn('terms_version', 'varchar(20)')
    .addColumn('terms_accepted_at', 'varchar(40)')
    .addColumn('submitted_at', 'varchar(40)')
    .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(40)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('application_organisation')
    .on('application')
    .columns(['organisation_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('application_status')
    .on('application')
    .columns(['status', 'submitted_at'])
    .execute();
  await db.schema
    .createTable('application_file')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('application_id', 'varchar(40)', (c) =>
      c.notNull().references('application.id').onDelete('cascade'),
    )
    .addColumn('purpose', 'varchar(30)', (c) => c.notNull())
    .addColumn('filename', 'varchar(255)', (c) => c.notNull())
    .addColumn('content_type', 'varchar(100)', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('content', isPostgres(db) ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('application_event')
    .addColumn('id', 'integer', serial(db))
    .addColumn('application_id', 'varchar(40)', (c) =>
      c.notNull().references('application.id').onDelete('cascade'),
    )
    .addColumn('type', 'varchar(30)', (c) => c.notNull())
    .addColumn('from_status', 'varchar(30)')
    .addColumn('to_status', 'varchar(30)')
    .addColumn('actor', 'varchar(40)')
    .addColumn('note', 'varchar(2000)')
    .addColumn('at', 'varchar(40)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('application_event_application')
    .on('application_event')
    .columns(['application_id', 'id'])
    .execute();
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await createAccounts(db);
  await createApplications(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'application_event',
    'application_file',
    'application',
    'api_token',
    'session',
    'sign_in_token',
    'account',
    'organisation',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
