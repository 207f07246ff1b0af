import { sql, type Kysely } from 'kysely';

// Frozen: a migration never changes once it has shipped, and never imports application code.

const GENESIS_HASH = '0'.repeat(64);

async function createStaff(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('staff')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('email', 'varchar(320)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(200)')
    .addColumn('role', 'varchar(20)', (c) => c.notNull())
    .addColumn('lang', 'varchar(2)', (c) => c.notNull())
    .addColumn('password_hash', 'varchar(200)')
    .addColumn('totp_secret', 'varchar(100)')
    .addColumn('totp_last_step', 'integer')
    .addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'varchar(40)')
    .addColumn('disabled_at', 'varchar(40)')
    .addColumn('enrolled_at', 'varchar(40)')
    .addColumn('last_sign_in_at', 'varchar(40)')
    .addColumn('created_by', 'varchar(40)')
    .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(40)', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('staff_enrolment')
    .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('staff_id', 'varchar(40)', (c) =>
      c.notNull().references('staff.id').onDelete('cascade'),
    )
    .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('used_at', 'varchar(40)')
    .execute();
  await db.schema
    .createTable('staff_session')
    .addColumn('id_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('staff_id', 'varchar(40)', (c) =>
      c.notNull().references('staff.id').onDelete('cascade'),
    )
    .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(40)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('staff_session_staff')
    .on('staff_session')
    .column('staff_id')
    .execute();
  // Failed sign-ins with an address that is no staff member's, counted like a member's so that
  // the lock-out does not tell which addresses exist. Keyed by the address's SHA-256.
  await db.schema
    .createTable('staff_sign_in_failure')
    .addColumn('email_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('failed_attempts', 'integer', (c) => c.notNull())
    .addColumn('locked_until', 'varchar(40)')
    .addColumn('updated_at', 'varchar(40)', (c) => c.notNull())
    .execute();
}

async function createAudit(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('audit_entry')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('at', 'varchar(40)', (c) => c.notNull())
    .addColumn('actor_type', 'varchar(20)', (c) => c.notNull())
    .addColumn('actor_id', 'varchar(40)')
    .addColumn('actor_label', 'varchar(320)')
    .addColumn('action', 'varchar(60)', (c) => c.notNull())
    .addColumn('subject_type', 'varchar(30)', (c) => c.notNull())
    .addColumn('subject_id', 'varchar(60)', (c) => c.notNull())
    .addColumn('holder_id', 'varchar(40)')
    .addColumn('code_key', 'varchar(5)')
    .addColumn('application_id', 'varchar(40)')
    .addColumn('reason', 'text')
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .addColumn('prev_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('hash', 'varchar(64)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('audit_entry_holder')
    .on('audit_entry')
    .columns(['holder_id', 'seq'])
    .execute();
  await db.schema
    .createIndex('audit_entry_code')
    .on('audit_entry')
    .columns(['code_key', 'seq'])
    .execute();
  await db.schema
    .createIndex('audit_entry_subject')
    .on('audit_entry')
    .columns(['subject_type', 'subject_id', 'seq'])
    .execute();
  // The staff page's filter by action, and its list of actions.
  await db.schema
    .createIndex('audit_entry_action')
    .on('audit_entry')
    .columns(['action', 'seq'])
    .execute();
  // One row: the last entry's number and hash. Appending updates it first, which serialises
  // concurrent appenders on PostgreSQL (row lock) and lets `verify` notice removed tail entries.
  await db.schema
    .createTable('audit_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('hash', 'varchar(64)', (c) => c.notNull())
    .execute();
  await sql`insert into audit_head (id, seq, hash) values (1, 0, ${GENESIS_HASH})`.execute(db);
}

async function createRequests(db: Kysely<unknown>): Promise<void> {
  // Lifecycle operations that wait: a second admin's approval (four eyes) or an effective date.
  await db.schema
    .createTable('lifecycle_request')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('kind', 'varchar(30)', (c) => c.notNull())
    .addColumn('code_key', 'varchar(5)')
    .addColumn('holder_id', 'varchar(40)')
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('requested_by', 'varchar(40)', (c) => c.notNull())
    .addColumn('decided_by', 'varchar(40)')
    .addColumn('decided_at', 'varchar(40)')
    .addColumn('decision_note', 'text')
    .addColumn('effective_at', 'varchar(40)')
    .addColumn('applied_at', 'varchar(40)')
    .addColumn('holder_request_id', 'varchar(40)')
    .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('lifecycle_request_status')
    .on('lifecycle_request')
    .columns(['status', 'effective_at'])
    .execute();
  await db.schema
    .createIndex('lifecycle_request_code')
    .on('lifecycle_request')
    .columns(['code_key', 'created_at'])
    .execute();
  // What a holder asks for from its account: termination, a change of details, a transfer.
  await db.schema
    .createTable('holder_request')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('reference', 'varchar(30)', (c) => c.notNull().unique())
    .addColumn('organisation_id', 'varchar(40)', (c) => c.notNull().references('organisation.id'))
    .addColumn('holder_id', 'varchar(40)', (c) => c.notNull().references('holder.id'))
    .addColumn('kind', 'varchar(30)', (c) => c.notNull())
    .addColumn('code_key', 'varchar(5)')
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('message', 'text')
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('lang', 'varchar(2)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(40)', (c) => c.notNull().references('account.id'))
    .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('handled_by', 'varchar(40)')
    .addColumn('handled_at', 'varchar(40)')
    .addColumn('outcome_note', 'text')
    .execute();
  await db.schema
    .createIndex('holder_request_status')
    .on('holder_request')
    .columns(['status', 'created_at'])
    .execute();
}

async function extendApplications(db: Kysely<unknown>): Promise<void> {
  // The reviewer who took the application, and the decision's reason (rejection, request).
  await db.schema.alterTable('application').addColumn('assigned_to', 'varchar(40)').execute();
  await db.schema.alterTable('application').addColumn('decided_at', 'varchar(40)').execute();
  await db.schema.alterTable('application').addColumn('decided_by', 'varchar(40)').execute();
  await db.schema.alterTable('application').addColumn('decision_reason', 'text').execute();
}

async function extendRegisterEvents(db: Kysely<unknown>): Promise<void> {
  // The public reason of a lifecycle change, from a fixed list, so that pages can translate it.
  await db.schema.alterTable('register_event').addColumn('reason_code', 'varchar(40)').execute();
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await createStaff(db);
  await createAudit(db);
  await createRequests(db);
  await extendApplications(db);
  await extendRegisterEvents(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('register_event').dropColumn('reason_code').execute();
  for (const column of ['decision_reason', 'decided_by', 'decided_at', 'assigned_to']) {
    await db.schema.alterTable('application').dropColumn(column).execute();
  }
  for (const table of [
    'holder_request',
    'lifecycle_request',
    'audit_head',
    'audit_entry',
    'staff_sign_in_failure',
    'staff_session',
    'staff_enrolment',
    'staff',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
