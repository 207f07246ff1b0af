import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { StaffMember, StaffSessionDeps } from '../../app/staff/ports.ts';
import { resolveStaffSession } from '../../app/staff/staff-sessions.ts';
import { DomainError } from '../../domain/errors.ts';
import { safeNext } from './auth.ts';

/** The staff session cookie: apart from the applicants' one, so that neither grants the other. */
export const STAFF_COOKIE = 'idro_staff';
const TOKEN_SHAPE = /^[\w-]{43}$/;

/** Who may use a route: any signed-in staff member (`staff`), or admins only (`admin`). */
export type StaffAccess = 'staff' | 'admin';

declare module 'fastify' {
  interface FastifyRequest {
    /** The staff member signed in with the staff cookie; else null. */
    staff: StaffMember | null;
    /** This browser's staff session id, when it has a valid one. */
    staffSessionId: string | null;
  }
  interface FastifyContextConfig {
    /** The route is for registry staff; checked before anything else runs. */
    access?: StaffAccess;
  }
}

/** The staff cookie's attributes; `maxAge` in seconds. Strict: staff pages are never linked to. */
export function staffCookieOptions(secure: boolean, maxAge?: number) {
  return { path: '/', httpOnly: true, sameSite: 'strict', secure, maxAge } as const;
}

async function refuse(request: FastifyRequest, reply: FastifyReply, access: StaffAccess) {
  if (request.staff === null) {
    if (request.url.startsWith('/api/')) throw new DomainError('unauthorized');
    const next = request.method === 'GET' ? safeNext(request.url) : undefined;
    const query = next === undefined ? '' : `?${new URLSearchParams({ next }).toString()}`;
    await reply.redirect(`/${request.lang}/admin/sign-in${query}`, 303);
    return reply;
  }
  if (access === 'admin' && request.staff.role !== 'admin') throw new DomainError('forbidden');
  return undefined;
}

export interface StaffAuthOptions {
  readonly staff: Pick<StaffSessionDeps, 'sessions' | 'secrets' | 'clock'>;
}

/**
 * Resolves the staff cookie on every request of its context, and enforces each route's
 * `config.access` before the body is even read: a refused request changes nothing.
 */
export const staffAuthPlugin = fp<StaffAuthOptions>(
  (app, { staff }, done) => {
    app.decorateRequest('staff', null);
    app.decorateRequest('staffSessionId', null);
    app.addHook('onRequest', async (request, reply) => {
      const id = request.cookies[STAFF_COOKIE];
      if (id !== undefined && TOKEN_SHAPE.test(id)) {
        const member = await resolveStaffSession(staff, id);
        if (member !== undefined) {
          request.staff = member;
          request.staffSessionId = id;
        }
      }
      const access = request.routeOptions.config.access;
      if (access === undefined) return undefined;
      return refuse(request, reply, access);
    });
    done();
  },
  { name: 'staff-auth', dependencies: ['auth', 'i18n'] },
);
