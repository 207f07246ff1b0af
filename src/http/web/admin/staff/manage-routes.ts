import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { addStaffMember } from '../../../../app/staff/add-staff-member.ts';
import { changeStaffRole } from '../../../../app/staff/change-staff-role.ts';
import { disableStaffMember } from '../../../../app/staff/disable-staff-member.ts';
import { enableStaffMember } from '../../../../app/staff/enable-staff-member.ts';
import type { EnrolmentLink } from '../../../../app/staff/enrolment-link.ts';
import { getStaffMember } from '../../../../app/staff/get-staff-member.ts';
import { listStaff } from '../../../../app/staff/list-staff.ts';
import type { StaffActor, StaffMember } from '../../../../app/staff/ports.ts';
import { resetStaffEnrolment } from '../../../../app/staff/reset-staff-enrolment.ts';
import type { Language } from '../../../../i18n/languages.ts';
import { absoluteUrl } from '../../account/absolute-url.ts';
import { csrfToken } from '../../account/csrf-field.tsx';
import { formField } from '../../account/field-problem.ts';
import { pageContext } from '../../page-context.ts';
import type { AdminRouteOptions } from '../admin-routes.ts';
import { refusalStatus, staffProblemsOf } from './form.tsx';
import {
  StaffListPage,
  StaffMemberPage,
  type MemberChange,
  type NewMemberForm,
  type ShownLink,
} from './staff-pages.tsx';

const CHANGES: readonly MemberChange[] = ['role', 'disabled', 'enabled'];

function staffOf(request: FastifyRequest): StaffMember {
  if (request.staff === null) throw new Error('staff route without a signed-in member');
  return request.staff;
}

function actorOf(request: FastifyRequest): StaffActor {
  return { type: 'staff', member: staffOf(request) };
}

function idOf(request: FastifyRequest): string {
  return (request.params as { id: string }).id;
}

/** The link to show once: in the new member's own language, under `PUBLIC_URL`. */
function shown(o: AdminRouteOptions, request: FastifyRequest, link: EnrolmentLink): ShownLink {
  const path = `/${link.staff.lang}/admin/enrol/${link.token}`;
  return {
    url: absoluteUrl(request, o.publicUrl, path),
    expiresAt: link.expiresAt,
    email: link.staff.email,
  };
}

async function renderList(
  o: AdminRouteOptions,
  request: FastifyRequest,
  reply: FastifyReply,
  extra: Partial<Parameters<typeof StaffListPage>[0]> = {},
) {
  const members = await listStaff(o.services.staff);
  const form: NewMemberForm = { email: '', name: '', role: 'reviewer', lang: request.lang };
  return reply.header('cache-control', 'no-store').html(
    StaffListPage({
      ctx: pageContext(request),
      staff: staffOf(request),
      csrf: csrfToken(reply),
      members,
      form,
      ...extra,
    }),
  );
}

async function renderMember(
  o: AdminRouteOptions,
  request: FastifyRequest,
  reply: FastifyReply,
  extra: Partial<Parameters<typeof StaffMemberPage>[0]> = {},
) {
  const member = await getStaffMember(o.services.staff, idOf(request));
  return reply.header('cache-control', 'no-store').html(
    StaffMemberPage({
      ctx: pageContext(request),
      staff: staffOf(request),
      csrf: csrfToken(reply),
      member,
      ...extra,
    }),
  );
}

async function postAdd(o: AdminRouteOptions, request: FastifyRequest, reply: FastifyReply) {
  const form: NewMemberForm = {
    email: formField(request.body, 'email').slice(0, 300),
    name: formField(request.body, 'name').slice(0, 300),
    role: formField(request.body, 'role'),
    lang: formField(request.body, 'lang'),
  };
  try {
    const link = await addStaffMember(o.services.staff, actorOf(request), form);
    reply.code(201);
    return await renderList(o, request, reply, { link: shown(o, request, link) });
  } catch (error) {
    const problems = staffProblemsOf(request, error);
    if (problems === undefined) throw error;
    reply.code(refusalStatus(error) ?? 400);
    return renderList(o, request, reply, { problems, form });
  }
}

type MemberAction = (request: FastifyRequest) => Promise<unknown>;

async function postMember(
  o: AdminRouteOptions,
  request: FastifyRequest,
  reply: FastifyReply,
  action: MemberAction,
  change: MemberChange,
) {
  try {
    await action(request);
  } catch (error) {
    const problems = staffProblemsOf(request, error);
    if (problems === undefined) throw error;
    reply.code(refusalStatus(error) ?? 400);
    return renderMember(o, request, reply, { problems });
  }
  return reply.redirect(`/${request.lang}/admin/staff/${idOf(request)}?changed=${change}`, 303);
}

async function postEnrolment(o: AdminRouteOptions, request: FastifyRequest, reply: FastifyReply) {
  try {
    const link = await resetStaffEnrolment(o.services.staff, actorOf(request), {
      id: idOf(request),
    });
    return await renderMember(o, request, reply, { link: shown(o, request, link) });
  } catch (error) {
    const problems = staffProblemsOf(request, error);
    if (problems === undefined) throw error;
    reply.code(refusalStatus(error) ?? 400);
    return renderMember(o, request, reply, { problems });
  }
}

/** `/{lang}/admin/staff…`: staff management, for admins only. */
export function staffManageRoutes(app: FastifyInstance, o: AdminRouteOptions, lang: Language) {
  const page = { schema: { hide: true }, config: { access: 'admin' as const } };
  const form = { schema: { hide: true }, config: { access: 'admin' as const, csrf: true } };
  const staff = o.services.staff;
  app.get(`/${lang}/admin/staff`, page, (request, reply) => renderList(o, request, reply));
  app.post(`/${lang}/admin/staff`, form, (request, reply) => postAdd(o, request, reply));
  app.get(`/${lang}/admin/staff/:id`, page, (request, reply) => {
    const changed = (request.query as Record<string, unknown>).changed;
    const known = CHANGES.find((c) => c === changed);
    return renderMember(o, request, reply, known === undefined ? {} : { changed: known });
  });
  app.post(`/${lang}/admin/staff/:id/role`, form, (request, reply) =>
    postMember(
      o,
      request,
      reply,
      (r) => changeStaffRole(staff, actorOf(r), { id: idOf(r) }, formField(r.body, 'role')),
      'role',
    ),
  );
  app.post(`/${lang}/admin/staff/:id/disable`, form, (request, reply) =>
    postMember(
      o,
      request,
      reply,
      (r) => disableStaffMember(staff, actorOf(r), { id: idOf(r) }),
      'disabled',
    ),
  );
  app.post(`/${lang}/admin/staff/:id/enable`, form, (request, reply) =>
    postMember(
      o,
      request,
      reply,
      (r) => enableStaffMember(staff, actorOf(r), { id: idOf(r) }),
      'enabled',
    ),
  );
  app.post(`/${lang}/admin/staff/:id/enrolment`, form, (request, reply) =>
    postEnrolment(o, request, reply),
  );
}
