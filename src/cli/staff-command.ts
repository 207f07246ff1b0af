import { addStaffMember } from '../app/staff/add-staff-member.ts';
import type { EnrolmentLink } from '../app/staff/enrolment-link.ts';
import { listStaff } from '../app/staff/list-staff.ts';
import type { StaffActor, StaffSummary } from '../app/staff/ports.ts';
import { resetStaffEnrolment } from '../app/staff/reset-staff-enrolment.ts';
import { DomainError } from '../domain/errors.ts';
import { createTranslator } from '../i18n/i18n.ts';
import type { CliServices, StaffSession } from './cli-services.ts';
import type { CliStreams } from './cli-streams.ts';
import { parseCommandArgs } from './parse-args.ts';

export const STAFF_SUMMARY = 'registry staff accounts: add | list | reset';

export const STAFF_HELP = `usage: idro staff add --email E --role reviewer|admin [--name N] [--lang fr|nl|de|en]
       idro staff list
       idro staff reset --email E

  add     adds a staff member and prints a one-time enrolment link (valid 72 hours) on which
          the member chooses a password and registers an authenticator app (TOTP); --lang is
          the language of the member's pages and link (default en)
  list    one line per member: e-mail, role, status (enrolled, pending, locked, disabled), name
  reset   prints a new enrolment link for a member who lost a password or authenticator: the
          current password and TOTP secret stop working and every session ends

Links start with PUBLIC_URL (or http://HOST:PORT without it). Only a digest of each link is
stored: print it once, hand it over through a trusted channel. Every change is written to the
audit trail with the command-line tool as its actor.
Exit 0 on success, 1 when refused (address taken, unknown member, bad value), 2 on a usage error.
`;

function usage(io: CliStreams, reason: string): number {
  io.stderr.write(`idro staff: ${reason}\n${STAFF_HELP}`);
  return 2;
}

/** A refusal in words, from the same messages as the pages (in English). */
function refused(io: CliStreams, err: unknown): number {
  if (!(err instanceof DomainError)) throw err;
  const t = createTranslator().t('en');
  const reasons =
    err.code === 'not_found'
      ? ['no staff member has this e-mail address']
      : err.fieldErrors.map((e) =>
          t(`admin-staff:fieldErrors.${e.field}.${e.code}`, {
            ...e.params,
            defaultValue: `${e.field}: ${e.code}`,
          }),
        );
  if (reasons.length === 0) reasons.push(err.code);
  for (const reason of reasons) io.stderr.write(`idro staff: refused: ${reason}\n`);
  return 1;
}

function statusOf(s: StaffSummary, now: string): string {
  if (s.disabledAt !== null) return 'disabled';
  if (s.lockedUntil !== null && s.lockedUntil > now) return 'locked';
  return s.enrolledAt === null ? 'pending' : 'enrolled';
}

function printLink(io: CliStreams, session: StaffSession, link: EnrolmentLink): void {
  const url = `${session.baseUrl}/${link.staff.lang}/admin/enrol/${link.token}`;
  io.stdout.write(
    `enrolment link for ${link.staff.email} (${link.staff.role}), works once until ${link.expiresAt}:\n${url}\n`,
  );
}

async function withStaff<T>(
  services: CliServices,
  work: (session: StaffSession) => Promise<T>,
): Promise<T> {
  const session = await services.openStaff();
  try {
    return await work(session);
  } finally {
    await session.close();
  }
}

/** `idro staff …`: adds staff members and prints their enrolment links; lists them. */
export async function staffCommand(
  args: readonly string[],
  io: CliStreams,
  services: CliServices,
): Promise<number> {
  const parsed = parseCommandArgs(args, {
    email: { type: 'string' },
    role: { type: 'string' },
    name: { type: 'string' },
    lang: { type: 'string' },
  });
  if (!parsed.ok) return usage(io, parsed.reason);
  const [action, ...extra] = parsed.positionals;
  if (extra.length > 0) return usage(io, 'too many arguments');
  const { email, role, name, lang } = parsed.values;
  try {
    if (action === 'list') {
      return await withStaff(services, async (session) => {
        const now = session.services.clock.now().toISOString();
        for (const s of await listStaff(session.services)) {
          io.stdout.write(`${s.email}\t${s.role}\t${statusOf(s, now)}\t${s.name ?? ''}\n`);
        }
        return 0;
      });
    }
    if (action === 'add') {
      if (email === undefined || role === undefined)
        return usage(io, '--email and --role are required');
      return await withStaff(services, async (session) => {
        const actor: StaffActor = { type: 'cli', label: session.actorLabel };
        const link = await addStaffMember(session.services, actor, {
          email,
          role,
          ...(name !== undefined && { name }),
          ...(lang !== undefined && { lang }),
        });
        printLink(io, session, link);
        return 0;
      });
    }
    if (action === 'reset') {
      if (email === undefined) return usage(io, '--email is required');
      return await withStaff(services, async (session) => {
        const actor: StaffActor = { type: 'cli', label: session.actorLabel };
        printLink(io, session, await resetStaffEnrolment(session.services, actor, { email }));
        return 0;
      });
    }
  } catch (err) {
    return refused(io, err);
  }
  return usage(io, 'expected add, list or reset');
}
