import { DomainError } from '../../domain/errors.ts';
import type { AuditActor } from '../audit/ports.ts';
import type { StaffActor, StaffRecord, StaffSummary, StaffWriter } from './ports.ts';

/** How long an enrolment link works: three days. */
export const ENROLMENT_HOURS = 72;
/** Failed sign-ins in a row that lock a member out… */
export const MAX_FAILED_SIGN_INS = 5;
/** …for this long. */
export const LOCK_OUT_MINUTES = 15;
/** The longest name kept. */
export const MAX_NAME_LENGTH = 200;

export function addMinutes(at: Date, minutes: number): Date {
  return new Date(at.getTime() + minutes * 60_000);
}

/** The audit trail's actor for a change made by a staff member or by the command-line tool. */
export function auditActorOf(actor: StaffActor): AuditActor {
  return actor.type === 'cli'
    ? { type: 'cli', id: null, label: actor.label ?? null }
    : { type: 'staff', id: actor.member.id, label: actor.member.email };
}

/** A staff member acting on its own account (enrolment, password, sign-out everywhere). */
export function selfActor(member: { readonly id: string; readonly email: string }): AuditActor {
  return { type: 'staff', id: member.id, label: member.email };
}

/** What the audit trail keeps of a member: who and what, never a credential. */
export function auditView(staff: StaffSummary) {
  return {
    email: staff.email,
    name: staff.name,
    role: staff.role,
    lang: staff.lang,
    enrolled: staff.enrolledAt !== null,
    disabled: staff.disabledAt !== null,
  };
}

/** The public part of a record. */
export function summaryOf(record: StaffRecord): StaffSummary {
  return {
    id: record.id,
    email: record.email,
    name: record.name,
    role: record.role,
    lang: record.lang,
    enrolledAt: record.enrolledAt,
    lockedUntil: record.lockedUntil,
    failedAttempts: record.failedAttempts,
    disabledAt: record.disabledAt,
    lastSignInAt: record.lastSignInAt,
    createdAt: record.createdAt,
  };
}

/** A member found by id or by e-mail address. */
export type StaffRef = { readonly id: string } | { readonly email: string };

/** The member a change is about, read in the change's transaction; `not_found` if none. */
export async function requireStaff(writer: StaffWriter, ref: StaffRef): Promise<StaffRecord> {
  const found =
    'id' in ref
      ? await writer.findById(ref.id)
      : await writer.findByEmail(ref.email.trim().toLowerCase());
  if (found === undefined) throw new DomainError('not_found');
  return found;
}

/**
 * Staff management is for admins: the route checks the role before anything runs, and this
 * checks it again in the change's transaction, in case the actor was demoted or disabled since.
 */
export async function requireAdmin(writer: StaffWriter, actor: StaffActor): Promise<void> {
  if (actor.type === 'cli') return;
  const me = await writer.findById(actor.member.id);
  if (me?.role !== 'admin' || me.disabledAt !== null) throw new DomainError('forbidden');
}

/** Refuses a change that would leave no active admin. */
export async function keepAnAdmin(writer: StaffWriter, target: StaffRecord): Promise<void> {
  if (target.role !== 'admin' || target.disabledAt !== null) return;
  const admins = await writer.lockActiveAdmins();
  if (admins <= 1) {
    throw new DomainError('conflict', {}, [{ field: 'staff', code: 'last_admin' }]);
  }
}

/** An admin cannot demote or disable itself (another admin can). */
export function notSelf(actor: StaffActor, target: StaffRecord, field: string): void {
  if (actor.type === 'staff' && actor.member.id === target.id) {
    throw new DomainError('conflict', {}, [{ field, code: 'self' }]);
  }
}
