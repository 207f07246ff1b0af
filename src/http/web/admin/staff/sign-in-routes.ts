import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { signInStaff } from '../../../../app/staff/sign-in-staff.ts';
import type { Language } from '../../../../i18n/languages.ts';
import { safeNext } from '../../../plugins/auth.ts';
import { STAFF_COOKIE, staffCookieOptions } from '../../../plugins/staff-auth.ts';
import { csrfToken } from '../../account/csrf-field.tsx';
import { formField } from '../../account/field-problem.ts';
import { pageContext } from '../../page-context.ts';
import type { AdminRouteOptions } from '../admin-routes.ts';
import { dateTime, type FieldProblem } from './form.tsx';
import { StaffSignInPage } from './sign-in-page.tsx';

/** Sign-in attempts per client address, on top of the lock-out of each address. */
export const SIGN_IN_PER_IP = { max: 20, timeWindow: 15 * 60_000 };

function renderForm(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  problems: readonly FieldProblem[],
) {
  const ctx = pageContext(request);
  const email = formField(request.body, 'email').slice(0, 254);
  const next = safeNext(formField(request.body, 'next'));
  return reply
    .code(status)
    .html(StaffSignInPage({ ctx, csrf: csrfToken(reply), email, next, problems }));
}

async function postSignIn(o: AdminRouteOptions, request: FastifyRequest, reply: FastifyReply) {
  const t = request.t;
  const result = await signInStaff(o.services.staff, {
    email: formField(request.body, 'email'),
    password: formField(request.body, 'password'),
    code: formField(request.body, 'code'),
  });
  if (result.ok) {
    void reply.setCookie(
      STAFF_COOKIE,
      result.sessionId,
      staffCookieOptions(o.cookieSecure, result.maxAgeSeconds),
    );
    const next = safeNext(formField(request.body, 'next'));
    return reply.redirect(next ?? `/${request.lang}/admin`, 303);
  }
  switch (result.reason) {
    case 'missing':
      return renderForm(
        request,
        reply,
        400,
        result.fields.map((field) => ({
          field,
          message: t(`admin-staff:fieldErrors.${field}.required`),
        })),
      );
    case 'locked':
      return renderForm(request, reply, 429, [
        {
          field: 'email',
          message: t('admin-staff:signIn.locked', { until: dateTime(request, result.until) }),
        },
      ]);
    case 'disabled':
      return renderForm(request, reply, 403, [
        { field: 'email', message: t('admin-staff:signIn.disabled') },
      ]);
    default:
      return renderForm(request, reply, 401, [
        { field: 'email', message: t('admin-staff:signIn.invalid') },
      ]);
  }
}

/** `/{lang}/admin/sign-in`: public; the one way into the back office. */
export function staffSignInRoutes(app: FastifyInstance, o: AdminRouteOptions, lang: Language) {
  const hide = { schema: { hide: true } };
  app.get(`/${lang}/admin/sign-in`, hide, (request, reply) => {
    const next = safeNext((request.query as Record<string, unknown>).next);
    const ctx = pageContext(request);
    return reply.html(StaffSignInPage({ ctx, csrf: csrfToken(reply), email: '', next }));
  });
  app.post(
    `/${lang}/admin/sign-in`,
    { ...hide, config: { csrf: true, rateLimit: SIGN_IN_PER_IP } },
    (request, reply) => postSignIn(o, request, reply),
  );
}

/** The sign-in form again, after too many attempts from one address, with `Retry-After`. */
export function tooManySignIns(request: FastifyRequest, reply: FastifyReply, seconds: number) {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  void reply.header('retry-after', String(seconds));
  return renderForm(request, reply, 429, [
    { field: 'email', message: request.t('admin-staff:signIn.tooMany', { minutes }) },
  ]);
}
