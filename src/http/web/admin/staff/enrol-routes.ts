import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type QRCodes from 'qrcode';
import { chooseEnrolmentPassword } from '../../../../app/staff/choose-enrolment-password.ts';
import { confirmEnrolment } from '../../../../app/staff/confirm-enrolment.ts';
import { openEnrolment } from '../../../../app/staff/open-enrolment.ts';
import type { Language } from '../../../../i18n/languages.ts';
import { lazyModule } from '../../../../lazy-module.ts';
import { STAFF_COOKIE, staffCookieOptions } from '../../../plugins/staff-auth.ts';
import { csrfToken } from '../../account/csrf-field.tsx';
import { formField } from '../../account/field-problem.ts';
import { pageContext } from '../../page-context.ts';
import type { AdminRouteOptions } from '../admin-routes.ts';
import { EnrolAuthenticatorPage, EnrolLinkInvalidPage, EnrolPasswordPage } from './enrol-pages.tsx';
import { SIGN_IN_PER_IP } from './sign-in-routes.ts';
import { refusalStatus, staffProblemsOf, type FieldProblem } from './form.tsx';

/** Loaded with the first enrolment. */
const qrCodes = lazyModule<typeof QRCodes>('qrcode');

const TOKEN_SHAPE = /^[\w-]{43}$/;

function escapeAttribute(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('"', '&quot;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;');
}

/** The `otpauth://` address as an inline SVG QR code, labelled for screen readers. */
async function qrCode(uri: string, label: string): Promise<string> {
  const svg = await qrCodes().toString(uri, { type: 'svg', width: 220, margin: 2 });
  return svg.replace('<svg ', `<svg role="img" aria-label="${escapeAttribute(label)}" `);
}

/** Enrolment pages hold a secret: never cached, never sent on as a referrer. */
function privately(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
}

function invalid(request: FastifyRequest, reply: FastifyReply) {
  return privately(reply)
    .code(410)
    .html(EnrolLinkInvalidPage({ ctx: pageContext(request) }));
}

async function render(
  o: AdminRouteOptions,
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  options: { readonly passwordStep?: boolean; readonly problems?: readonly FieldProblem[] } = {},
) {
  const state = TOKEN_SHAPE.test(token)
    ? await openEnrolment(o.services.staff, token)
    : ({ ok: false } as const);
  if (!state.ok) return invalid(request, reply);
  const ctx = pageContext(request);
  const props = {
    ctx,
    csrf: csrfToken(reply),
    token,
    email: state.staff.email,
    problems: options.problems ?? [],
  };
  if (state.stage === 'password' || options.passwordStep === true) {
    return privately(reply).html(EnrolPasswordPage(props));
  }
  const secret = state.secret ?? '';
  const qrSvg = await qrCode(state.otpauthUri ?? '', ctx.t('admin-staff:enrol.qrLabel'));
  return privately(reply).html(EnrolAuthenticatorPage({ ...props, secret, qrSvg }));
}

function tokenOf(request: FastifyRequest): string {
  return (request.params as { token: string }).token;
}

async function postPassword(o: AdminRouteOptions, request: FastifyRequest, reply: FastifyReply) {
  const token = tokenOf(request);
  if (!TOKEN_SHAPE.test(token)) return invalid(request, reply);
  try {
    const done = await chooseEnrolmentPassword(o.services.staff, token, {
      password: formField(request.body, 'password'),
      confirmation: formField(request.body, 'confirmation'),
    });
    if (!done) return await invalid(request, reply);
  } catch (error) {
    const problems = staffProblemsOf(request, error);
    if (problems === undefined) throw error;
    reply.code(refusalStatus(error) ?? 400);
    return render(o, request, reply, token, { passwordStep: true, problems });
  }
  return reply.redirect(`/${request.lang}/admin/enrol/${token}`, 303);
}

async function postConfirm(o: AdminRouteOptions, request: FastifyRequest, reply: FastifyReply) {
  const token = tokenOf(request);
  if (!TOKEN_SHAPE.test(token)) return invalid(request, reply);
  try {
    const result = await confirmEnrolment(o.services.staff, token, {
      code: formField(request.body, 'code'),
    });
    if (!result.ok) return await render(o, request, reply, token);
    void reply.setCookie(
      STAFF_COOKIE,
      result.sessionId,
      staffCookieOptions(o.cookieSecure, result.maxAgeSeconds),
    );
    return await reply.redirect(`/${request.lang}/admin`, 303);
  } catch (error) {
    const problems = staffProblemsOf(request, error);
    if (problems === undefined) throw error;
    reply.code(400);
    return render(o, request, reply, token, { problems });
  }
}

/** `/{lang}/admin/enrol/{token}`: public; the link itself is the proof. */
export function staffEnrolRoutes(app: FastifyInstance, o: AdminRouteOptions, lang: Language) {
  const hide = { schema: { hide: true } };
  const post = { ...hide, config: { csrf: true, rateLimit: SIGN_IN_PER_IP } };
  app.get(`/${lang}/admin/enrol/:token`, hide, (request, reply) => {
    const passwordStep = (request.query as Record<string, unknown>).step === 'password';
    return render(o, request, reply, tokenOf(request), { passwordStep });
  });
  // One address for both steps (the form says which), so the link is the only public path.
  app.post(`/${lang}/admin/enrol/:token`, post, (request, reply) =>
    formField(request.body, 'step') === 'authenticator'
      ? postConfirm(o, request, reply)
      : postPassword(o, request, reply),
  );
}
