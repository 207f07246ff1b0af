import { sql, type Kysely, type Selectable, type Updateable } from 'kysely';
import type {
  StaffPatch,
  StaffRecord,
  StaffStore,
  StaffSummary,
  StaffWriter,
} from '../../app/staff/ports.ts';
import { isStaffRole } from '../../app/staff/ports.ts';
import type { Database, StaffTable } from '../schema.ts';
import { appendAudit } from './audit-log.ts';
import type { Db } from './party-rows.ts';

function recordOf(row: Selectable<StaffTable>): StaffRecord {
  if (!isStaffRole(row.role)) throw new Error(`staff ${row.id} has an unknown role`);
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    lang: row.lang,
    enrolledAt: row.enrolled_at,
    lockedUntil: row.locked_until,
    failedAttempts: row.failed_attempts,
    disabledAt: row.disabled_at,
    lastSignInAt: row.last_sign_in_at,
    createdAt: row.created_at,
    passwordHash: row.password_hash,
    totpSecret: row.totp_secret,
    totpLastStep: row.totp_last_step,
  };
}

function summaryOf(record: StaffRecord): StaffSummary {
  const { passwordHash: _p, totpSecret: _t, totpLastStep: _s, ...summary } = record;
  return summary;
}

function columnsOf(patch: StaffPatch): Updateable<StaffTable> {
  const set: Updateable<StaffTable> = { updated_at: patch.updatedAt };
  if (patch.role !== undefined) set.role = patch.role;
  if (patch.passwordHash !== undefined) set.password_hash = patch.passwordHash;
  if (patch.totpSecret !== undefined) set.totp_secret = patch.totpSecret;
  if (patch.totpLastStep !== undefined) set.totp_last_step = patch.totpLastStep;
  if (patch.enrolledAt !== undefined) set.enrolled_at = patch.enrolledAt;
  if (patch.failedAttempts !== undefined) set.failed_attempts = patch.failedAttempts;
  if (patch.lockedUntil !== undefined) set.locked_until = patch.lockedUntil;
  if (patch.disabledAt !== undefined) set.disabled_at = patch.disabledAt;
  if (patch.lastSignInAt !== undefined) set.last_sign_in_at = patch.lastSignInAt;
  return set;
}

async function findBy(db: Db, column: 'id' | 'email', value: string) {
  const row = await db.selectFrom('staff').selectAll().where(column, '=', value).executeTakeFirst();
  return row === undefined ? undefined : recordOf(row);
}

/** Unknown addresses' failure counts older than this are forgotten. */
const FORGET_UNKNOWN_MS = 24 * 3_600_000;

class KyselyStaffWriter implements StaffWriter {
  constructor(private readonly db: Db) {}

  findById(id: string) {
    return findBy(this.db, 'id', id);
  }

  findByEmail(email: string) {
    return findBy(this.db, 'email', email);
  }

  async insert(staff: Parameters<StaffWriter['insert']>[0]) {
    await this.db
      .insertInto('staff')
      .values({
        id: staff.id,
        email: staff.email,
        name: staff.name,
        role: staff.role,
        lang: staff.lang,
        password_hash: null,
        totp_secret: null,
        totp_last_step: null,
        locked_until: null,
        disabled_at: null,
        enrolled_at: null,
        last_sign_in_at: null,
        created_by: staff.createdBy,
        created_at: staff.at,
        updated_at: staff.at,
      })
      .execute();
  }

  async update(id: string, patch: StaffPatch) {
    await this.db.updateTable('staff').set(columnsOf(patch)).where('id', '=', id).execute();
  }

  async lockActiveAdmins() {
    // An UPDATE that changes nothing takes the rows' write locks on PostgreSQL; SQLite writes
    // one transaction at a time anyway. Whoever comes second counts what the first left.
    const result = await this.db
      .updateTable('staff')
      .set({ updated_at: sql`updated_at` })
      .where('role', '=', 'admin')
      .where('disabled_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  async insertEnrolment(tokenHash: string, staffId: string, at: string, expiresAt: string) {
    await this.db
      .insertInto('staff_enrolment')
      .values({
        token_hash: tokenHash,
        staff_id: staffId,
        created_at: at,
        expires_at: expiresAt,
        used_at: null,
      })
      .execute();
  }

  async useEnrolment(tokenHash: string, at: string) {
    const result = await this.db
      .updateTable('staff_enrolment')
      .set({ used_at: at })
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', at)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async deleteEnrolmentsOf(staffId: string) {
    await this.db
      .deleteFrom('staff_enrolment')
      .where('staff_id', '=', staffId)
      .where('used_at', 'is', null)
      .execute();
  }

  async acceptTotpStep(staffId: string, step: number, at: string) {
    const result = await this.db
      .updateTable('staff')
      .set({ totp_last_step: step, updated_at: at })
      .where('id', '=', staffId)
      .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async countFailure(staffId: string, now: string) {
    // One statement, so that failures at the same moment are all counted.
    const row = await this.db
      .updateTable('staff')
      .set({
        failed_attempts: sql<number>`case when locked_until is not null and locked_until <= ${now} then 1 else failed_attempts + 1 end`,
        locked_until: sql<
          string | null
        >`case when locked_until is not null and locked_until <= ${now} then null else locked_until end`,
      })
      .where('id', '=', staffId)
      .returning('failed_attempts')
      .executeTakeFirst();
    return row?.failed_attempts ?? 0;
  }

  async countUnknownFailure(emailHash: string, now: string) {
    const cutoff = new Date(Date.parse(now) - FORGET_UNKNOWN_MS).toISOString();
    await this.db.deleteFrom('staff_sign_in_failure').where('updated_at', '<', cutoff).execute();
    const row = await this.db
      .insertInto('staff_sign_in_failure')
      .values({ email_hash: emailHash, failed_attempts: 1, locked_until: null, updated_at: now })
      .onConflict((oc) =>
        oc.column('email_hash').doUpdateSet({
          failed_attempts: sql<number>`case when staff_sign_in_failure.locked_until is not null and staff_sign_in_failure.locked_until <= ${now} then 1 else staff_sign_in_failure.failed_attempts + 1 end`,
          locked_until: sql<
            string | null
          >`case when staff_sign_in_failure.locked_until is not null and staff_sign_in_failure.locked_until <= ${now} then null else staff_sign_in_failure.locked_until end`,
          updated_at: now,
        }),
      )
      .returning('failed_attempts')
      .executeTakeFirst();
    return row?.failed_attempts ?? 0;
  }

  async lock(staffId: string, until: string, at: string) {
    const result = await this.db
      .updateTable('staff')
      .set({ locked_until: until, updated_at: at })
      .where('id', '=', staffId)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', at)]))
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async lockUnknown(emailHash: string, until: string) {
    await this.db
      .updateTable('staff_sign_in_failure')
      .set({ locked_until: until })
      .where('email_hash', '=', emailHash)
      .execute();
  }

  async deleteSessionsOf(staffId: string) {
    await this.db.deleteFrom('staff_session').where('staff_id', '=', staffId).execute();
  }

  async deleteOtherSessions(staffId: string, keepIdHash: string) {
    await this.db
      .deleteFrom('staff_session')
      .where('staff_id', '=', staffId)
      .where('id_hash', '!=', keepIdHash)
      .execute();
  }

  async audit(draft: Parameters<StaffWriter['audit']>[0]) {
    await appendAudit(this.db, draft);
  }
}

/** Staff members, their enrolment links and lock-outs over Kysely. */
export function createStaffStore(db: Kysely<Database>): StaffStore {
  return {
    transaction: (work) => db.transaction().execute((trx) => work(new KyselyStaffWriter(trx))),
    findById: (id) => findBy(db, 'id', id),
    findByEmail: (email) => findBy(db, 'email', email),
    async list() {
      const rows = await db.selectFrom('staff').selectAll().orderBy('email').execute();
      return rows.map((row) => summaryOf(recordOf(row)));
    },
    async findEnrolment(tokenHash) {
      const row = await db
        .selectFrom('staff_enrolment')
        .select(['staff_id', 'expires_at', 'used_at'])
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      return row === undefined
        ? undefined
        : { staffId: row.staff_id, expiresAt: row.expires_at, usedAt: row.used_at };
    },
    async unknownLockedUntil(emailHash) {
      const row = await db
        .selectFrom('staff_sign_in_failure')
        .select('locked_until')
        .where('email_hash', '=', emailHash)
        .executeTakeFirst();
      return row?.locked_until ?? null;
    },
  };
}
