import type { Kysely } from 'kysely';
import type { StaffSessionStore } from '../../app/staff/ports.ts';
import { isStaffRole } from '../../app/staff/ports.ts';
import type { Database } from '../schema.ts';

/** Staff sessions over Kysely. */
export function createStaffSessionStore(db: Kysely<Database>): StaffSessionStore {
  return {
    async insertSession(idHash, staffId, at, expiresAt) {
      await db
        .insertInto('staff_session')
        .values({ id_hash: idHash, staff_id: staffId, created_at: at, expires_at: expiresAt })
        .execute();
    },
    async findSessionStaff(idHash, now) {
      const row = await db
        .selectFrom('staff_session')
        .innerJoin('staff', 'staff.id', 'staff_session.staff_id')
        .select(['staff.id', 'staff.email', 'staff.name', 'staff.role', 'staff.lang'])
        .where('staff_session.id_hash', '=', idHash)
        .where('staff_session.expires_at', '>', now)
        .where('staff.disabled_at', 'is', null)
        .executeTakeFirst();
      if (row === undefined || !isStaffRole(row.role)) return undefined;
      return { id: row.id, email: row.email, name: row.name, role: row.role, lang: row.lang };
    },
    async deleteSession(idHash) {
      await db.deleteFrom('staff_session').where('id_hash', '=', idHash).execute();
    },
    async deleteSessionsOf(staffId) {
      await db.deleteFrom('staff_session').where('staff_id', '=', staffId).execute();
    },
  };
}
