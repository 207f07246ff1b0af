import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { changeStaffPassword } from '../../../../app/staff/change-staff-password.ts';
import type { StaffMember } from '../../../../app/staff/ports.ts';
import { signOutStaffEverywhere } from '../../../../app/staff/sign-out-staff-everywhere.ts';
import { signOutStaff } from '../../../../app/staff/sign-out-staff.ts';
import type { Language } from '../../../../i18n/languages.ts';
import { STAFF_COOKIE, staffCookieOptions } from '../../../plugins/staff-auth.ts';
import { csrfToken } from '../../account/csrf-field.tsx';
import { formField } from '../../account/field-problem.ts';
import { pageContext } from '../../page-context.ts';
import type { AdminRouteOptions } from '../admin-routes.ts';
import { refusalStatus, staffProblemsOf } from './form.tsx';
import { SecurityPage, StaffSignOutPage } from './security-pages.tsx';
import { SIGN_IN_PER_IP } from './sign-in-routes.ts';

/** The member of a route with `access` set: the plugin has refused everyone else already. */
function staffOf(request: FastifyRequest): StaffMember {
  if (request.staff === null) throw new Error('staff route without a signed-in member');
  return request.staff;
}

async function postPassword(o: AdminRouteOptions, request: FastifyRequest, reply: FastifyReply) {
  const staff = staffOf(request);
  const ctx = pageContext(request);
  try {
    await changeStaffPassword(o.services.staff, staff, request.staffSessionId ?? '', {
      current: formField(request.body, 'current'),
      code: formField(request.body, 'code'),
      password: formField(request.body, 'password'),
      confirmation: formField(request.body, 'confirmation'),
    });
  } catch (error) {
    const problems = staffProblemsOf(request, error);
    if (problems === undefined) throw error;
    return reply
      .code(refusalStatus(error) ?? 400)
      .html(SecurityPage({ ctx, staff, csrf: csrfToken(reply), problems }));
  }
  return reply.html(SecurityPage({ ctx, staff, csrf: csrfToken(reply), changed: true }));
}

/** `/{lang}/admin/security` and `/{lang}/admin/sign-out`: any signed-in staff member. */
export function staffSecurityRoutes(app: FastifyInstance, o: AdminRouteOptions, lang: Language) {
  const page = { schema: { hide: true }, config: { access: 'staff' as const } };
  const form = { schema: { hide: true }, config: { access: 'staff' as const, csrf: true } };
  const signOutCookie = staffCookieOptions(o.cookieSecure);
  app.get(`/${lang}/admin/security`, page, (request, reply) =>
    reply.html(
      SecurityPage({ ctx: pageContext(request), staff: staffOf(request), csrf: csrfToken(reply) }),
    ),
  );
  app.post(
    `/${lang}/admin/security/password`,
    { ...form, config: { ...form.config, rateLimit: SIGN_IN_PER_IP } },
    (request, reply) => postPassword(o, request, reply),
  );
  app.get(`/${lang}/admin/sign-out`, page, (request, reply) =>
    reply.html(
      StaffSignOutPage({
        ctx: pageContext(request),
        staff: staffOf(request),
        csrf: csrfToken(reply),
      }),
    ),
  );
  // Ends this session, or with `everywhere=1` every session of the member; then to the home
  // page, as the applicants' sign-out does.
  app.post(`/${lang}/admin/sign-out`, form, async (request, reply) => {
    if (formField(request.body, 'everywhere') === '1') {
      await signOutStaffEverywhere(o.services.staff, staffOf(request));
    } else if (request.staffSessionId !== null) {
      await signOutStaff(o.services.staff, request.staffSessionId);
    }
    void reply.clearCookie(STAFF_COOKIE, signOutCookie);
    return reply.redirect(`/${lang}`, 303);
  });
}
