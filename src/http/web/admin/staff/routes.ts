import type { FastifyError, FastifyInstance } from 'fastify';
import { DomainError } from '../../../../domain/errors.ts';
import { LANGUAGES } from '../../../../i18n/languages.ts';
import { wantsHtml } from '../../../plugins/errors.ts';
import type { AdminRouteOptions } from '../admin-routes.ts';
import { staffEnrolRoutes } from './enrol-routes.ts';
import { staffManageRoutes } from './manage-routes.ts';
import { staffSecurityRoutes } from './security-routes.ts';
import { staffSignInRoutes, tooManySignIns } from './sign-in-routes.ts';

function tooMany(error: FastifyError | DomainError): number | undefined {
  if (error instanceof DomainError && error.code === 'too_many_requests') {
    return Number(error.details.seconds ?? 60);
  }
  return undefined;
}

/**
 * The back office's staff pages: sign-in, enrolment, security and sign-out for every member;
 * staff management for admins.
 */
export function adminStaffRoutes(app: FastifyInstance, o: AdminRouteOptions): Promise<void> {
  // Too many sign-ins from one client address: the sign-in form again, saying when to retry.
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const seconds = tooMany(error);
    const signIn = request.routeOptions.url?.endsWith('/admin/sign-in') === true;
    if (seconds === undefined || !signIn || !wantsHtml(request)) throw error;
    return tooManySignIns(request, reply, seconds);
  });
  for (const lang of LANGUAGES) {
    staffSignInRoutes(app, o, lang);
    staffEnrolRoutes(app, o, lang);
    staffSecurityRoutes(app, o, lang);
    staffManageRoutes(app, o, lang);
  }
  return Promise.resolve();
}
