import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { auditOverview, codeTrail, holderTrail } from '../../../../app/audit/read-audit-trail.ts';
import type { AuditServices } from '../../../../app/audit/services.ts';
import {
  parseHeadAnchor,
  verifyAuditTrail,
  type AuditVerification,
} from '../../../../app/audit/verify-audit-trail.ts';
import type { StaffMember } from '../../../../app/staff/ports.ts';
import { DomainError } from '../../../../domain/errors.ts';
import { LANGUAGES, type Language } from '../../../../i18n/languages.ts';
import { csrfToken } from '../../account/csrf-field.tsx';
import { formField } from '../../account/field-problem.ts';
import type { FieldProblem } from '../../account/form-errors.tsx';
import { pageContext } from '../../page-context.ts';
import type { AdminRouteOptions } from '../admin-routes.ts';
import { parseAuditQuery, parseCursor } from './audit-query.ts';
import { AuditPage } from './audit-page.tsx';
import { AUDIT_PATH } from './entry-parts.tsx';
import { CodeTrailPage, HolderTrailPage } from './trail-page.tsx';

const PAGE = { schema: { hide: true } } as const;

function staffOf(request: FastifyRequest): StaffMember {
  // The staff-auth plugin has refused the request already when nobody is signed in.
  if (request.staff === null) throw new DomainError('unauthorized');
  return request.staff;
}

/**
 * One verification at a time: a second "verify now" while one runs waits for the same result
 * instead of reading the whole trail again.
 */
function singleFlight(audit: AuditServices): () => Promise<AuditVerification> {
  let running: Promise<AuditVerification> | undefined;
  return () => {
    running ??= verifyAuditTrail(audit.reader).finally(() => {
      running = undefined;
    });
    return running;
  };
}

async function overviewPage(
  audit: AuditServices,
  request: FastifyRequest,
  reply: FastifyReply,
  extra: {
    readonly verification?: AuditVerification;
    readonly expected?: string;
    readonly expectedProblem?: FieldProblem;
  } = {},
): Promise<FastifyReply> {
  const staff = staffOf(request);
  const query = parseAuditQuery(request.method === 'GET' ? request.query : {});
  const ok = query.errors.length === 0;
  const overview = await auditOverview(audit, ok ? query.filter : {}, ok ? query.cursor : {});
  if (!ok || extra.expectedProblem !== undefined) reply.code(400);
  return reply.html(
    AuditPage({
      ctx: pageContext(request),
      staff,
      csrf: csrfToken(reply),
      values: query.values,
      errors: query.errors,
      overview,
      ...extra,
    }),
  );
}

async function verifyNow(
  audit: AuditServices,
  verifyShared: () => Promise<AuditVerification>,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply> {
  const expected = formField(request.body, 'expected').trim().slice(0, 200);
  if (expected === '')
    return overviewPage(audit, request, reply, { verification: await verifyShared() });
  const anchor = parseHeadAnchor(expected);
  if (anchor === undefined) {
    const message = request.t('admin-audit:errors.expected');
    return overviewPage(audit, request, reply, {
      expected,
      expectedProblem: { field: 'expected', message },
    });
  }
  const verification = await verifyAuditTrail(audit.reader, { anchors: [anchor] });
  return overviewPage(audit, request, reply, { verification, expected });
}

function cursorOf(request: FastifyRequest) {
  const { cursor, error } = parseCursor(request.query);
  // A mangled page link: the newest entries instead, rather than an error page.
  return error ? {} : cursor;
}

function routesFor(
  app: FastifyInstance,
  audit: AuditServices,
  verifyShared: () => Promise<AuditVerification>,
  lang: Language,
): void {
  const base = `/${lang}${AUDIT_PATH}`;
  app.get(base, { ...PAGE, config: { access: 'staff' } }, (request, reply) =>
    overviewPage(audit, request, reply),
  );
  app.post(base, { ...PAGE, config: { access: 'staff', csrf: true } }, (request, reply) =>
    verifyNow(audit, verifyShared, request, reply),
  );
  app.get<{ Params: { holderId: string } }>(
    `${base}/holders/:holderId`,
    { ...PAGE, config: { access: 'staff' } },
    async (request, reply) => {
      const staff = staffOf(request);
      const trail = await holderTrail(audit, request.params.holderId, cursorOf(request));
      return reply.html(HolderTrailPage({ ctx: pageContext(request), staff, trail }));
    },
  );
  app.get<{ Params: { key: string } }>(
    `${base}/codes/:key`,
    { ...PAGE, config: { access: 'staff' } },
    async (request, reply) => {
      const staff = staffOf(request);
      const trail = await codeTrail(audit, request.params.key, cursorOf(request));
      // One URL per code: `be*abc` and `BE-ABC` lead to `BEABC`.
      if (trail.key !== request.params.key) {
        const search = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
        return reply.redirect(`${base}/codes/${trail.key}${search}`, 301);
      }
      return reply.html(CodeTrailPage({ ctx: pageContext(request), staff, trail }));
    },
  );
}

/** The back office's audit pages: the trail with its state and filters, per holder, per code. */
export function adminAuditRoutes(app: FastifyInstance, o: AdminRouteOptions): Promise<void> {
  const audit = o.services.audit;
  const verifyShared = singleFlight(audit);
  for (const lang of LANGUAGES) routesFor(app, audit, verifyShared, lang);
  return Promise.resolve();
}
