import { DomainError, type FieldError } from '../../domain/errors.ts';
import { normaliseEmail, MAX_EMAIL_LENGTH } from '../accounts/email-address.ts';
import { makeEnrolmentToken, type EnrolmentLink } from './enrolment-link.ts';
import { isStaffRole, STAFF_LANGUAGES, type StaffActor, type StaffRole } from './ports.ts';
import type { StaffServices } from './services.ts';
import {
  auditActorOf,
  auditView,
  MAX_NAME_LENGTH,
  requireAdmin,
  summaryOf,
} from './staff-rules.ts';

export interface NewStaffInput {
  readonly email: string;
  readonly role: string;
  readonly name?: string;
  /** `fr`, `nl`, `de` or `en`; English when not given. */
  readonly lang?: string;
}

interface Checked {
  readonly email: string;
  readonly role: StaffRole;
  readonly name: string | null;
  readonly lang: string;
}

function check(input: NewStaffInput): Checked {
  const errors: FieldError[] = [];
  const email = normaliseEmail(input.email);
  if (!email.ok) {
    errors.push({
      field: 'email',
      code: email.reason,
      ...(email.reason === 'too_long' && { params: { limit: MAX_EMAIL_LENGTH } }),
    });
  }
  const role = input.role.trim();
  if (!isStaffRole(role))
    errors.push({ field: 'role', code: role === '' ? 'required' : 'invalid' });
  const name = (input.name ?? '').trim();
  if (name.length > MAX_NAME_LENGTH) {
    errors.push({ field: 'name', code: 'too_long', params: { limit: MAX_NAME_LENGTH } });
  }
  const lang = input.lang ?? 'en';
  if (!(STAFF_LANGUAGES as readonly string[]).includes(lang)) {
    errors.push({ field: 'lang', code: 'invalid' });
  }
  if (!email.ok || !isStaffRole(role) || errors.length > 0) {
    throw new DomainError('validation_failed', {}, errors);
  }
  return { email: email.value, role, name: name === '' ? null : name, lang };
}

/**
 * Adds a staff member, who is not enrolled yet, and returns its one-time enrolment link (valid
 * for three days). An address that is a staff member's already is refused (`conflict`).
 */
export async function addStaffMember(
  deps: StaffServices,
  actor: StaffActor,
  input: NewStaffInput,
): Promise<EnrolmentLink> {
  const checked = check(input);
  const now = deps.clock.now();
  const at = now.toISOString();
  return deps.store.transaction(async (writer) => {
    await requireAdmin(writer, actor);
    if ((await writer.findByEmail(checked.email)) !== undefined) {
      throw new DomainError('conflict', {}, [{ field: 'email', code: 'taken' }]);
    }
    const id = deps.ids.next();
    await writer.insert({
      id,
      ...checked,
      createdBy: actor.type === 'staff' ? actor.member.id : null,
      at,
    });
    const created = await writer.findById(id);
    if (created === undefined) throw new Error('staff member not saved');
    const link = await makeEnrolmentToken(deps, writer, id, now);
    const staff = summaryOf(created);
    await writer.audit({
      at,
      actor: auditActorOf(actor),
      action: 'staff.created',
      subject: { type: 'staff', id },
      before: null,
      after: auditView(staff),
    });
    return { ...link, staff };
  });
}
