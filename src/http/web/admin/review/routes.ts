import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { applicationDossier, applicationFile } from '../../../../app/review/application-dossier.ts';
import { approveApplication } from '../../../../app/review/approve-application.ts';
import { rejectApplication } from '../../../../app/review/reject-application.ts';
import { requestInformation } from '../../../../app/review/request-information.ts';
import { takeApplication } from '../../../../app/review/take-application.ts';
import type { ReviewServices } from '../../../../app/review/ports.ts';
import { reviewQueue } from '../../../../app/review/review-queue.ts';
import type { StaffMember } from '../../../../app/staff/ports.ts';
import { DomainError } from '../../../../domain/errors.ts';
import { displayKey } from '../../../../domain/register/party-key.ts';
import { LANGUAGES, type Language } from '../../../../i18n/languages.ts';
import { csrfToken } from '../../account/csrf-field.tsx';
import { formField } from '../../account/field-problem.ts';
import type { Problem } from '../../apply/problems.ts';
import { pageContext } from '../../page-context.ts';
import type { AdminRouteOptions } from '../admin-routes.ts';
import { ApplicationPage, DONE, type Done } from './application-page.tsx';
import { DECISIONS, DecisionPage, type DecisionKind } from './decision-page.tsx';
import { QueuePage } from './queue-page.tsx';

const VIEW = { schema: { hide: true }, config: { access: 'staff' } } as const;
const CHANGE = { schema: { hide: true }, config: { access: 'staff', csrf: true } } as const;

interface IdParams {
  Params: { id: string };
}

/** The staff member the access check let through. */
function staffOf(request: FastifyRequest): StaffMember {
  if (request.staff === null) throw new DomainError('unauthorized');
  return request.staff;
}

function doneOf(request: FastifyRequest): Done | undefined {
  const { done } = request.query as { done?: unknown };
  return DONE.find((d) => d === done);
}

/** Staff pages are never cached: they show personal data and change with every decision. */
function page(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', 'no-store');
}

/** A decision's failure as the page's problem; undefined when it is not about the decision. */
function problemOf(request: FastifyRequest, error: unknown, field: string): Problem | undefined {
  if (!(error instanceof DomainError)) return undefined;
  const t = request.t;
  if (error.code === 'unprocessable') {
    const first = error.fieldErrors[0];
    if (first === undefined) return undefined;
    return {
      field,
      id: field,
      message: t(`admin-review:errors.${field}.${first.code}`, {
        ...first.params,
        defaultValue: t(`admin-review:errors.${first.code}`, {
          ...first.params,
          defaultValue: t('admin-review:errors.invalid'),
        }),
      }),
    };
  }
  if (error.code === 'conflict') {
    const reason = String(error.details.reason ?? 'status');
    const key = error.details.key;
    const id = typeof key === 'string' ? displayKey(key) : undefined;
    const message =
      reason === 'code_issued' && id === undefined
        ? t('admin-review:errors.code_issued_any')
        : t(`admin-review:errors.${reason}`, {
            id: id ?? '',
            defaultValue: t('admin-review:errors.status'),
          });
    return { field: 'decision', id: 'decision', message };
  }
  return undefined;
}

async function showDecision(
  services: ReviewServices,
  kind: DecisionKind,
  request: FastifyRequest<IdParams>,
  reply: FastifyReply,
  problems: readonly Problem[] = [],
) {
  const dossier = await applicationDossier(services, request.params.id);
  return page(reply).html(
    DecisionPage({
      ctx: pageContext(request),
      staff: staffOf(request),
      csrf: csrfToken(reply),
      kind,
      dossier,
      text: problems.length > 0 ? formField(request.body, DECISIONS[kind].field) : '',
      problems,
    }),
  );
}

async function decide(
  services: ReviewServices,
  kind: DecisionKind,
  request: FastifyRequest<IdParams>,
  reply: FastifyReply,
) {
  const staff = staffOf(request);
  const id = request.params.id;
  const text = formField(request.body, DECISIONS[kind].field);
  let done: Done;
  try {
    switch (kind) {
      case 'approve':
        await approveApplication(services, staff, id, { note: text });
        done = 'approved';
        break;
      case 'reject':
        await rejectApplication(services, staff, id, { reason: text });
        done = 'rejected';
        break;
      case 'requestInfo':
        await requestInformation(services, staff, id, { question: text });
        done = 'info_requested';
        break;
    }
  } catch (error) {
    const problem = problemOf(request, error, DECISIONS[kind].field);
    if (problem === undefined) throw error;
    const status = (error as DomainError).code === 'conflict' ? 409 : 400;
    return showDecision(services, kind, request, reply.code(status), [problem]);
  }
  return reply.redirect(`/${request.lang}/admin/applications/${id}?done=${done}`, 303);
}

function languageRoutes(app: FastifyInstance, services: ReviewServices, lang: Language): void {
  const base = `/${lang}/admin/applications/:id`;
  app.get(`/${lang}/admin`, VIEW, async (request, reply) => {
    const items = await reviewQueue(services);
    return page(reply).html(
      QueuePage({ ctx: pageContext(request), staff: staffOf(request), items }),
    );
  });
  app.get<IdParams>(base, VIEW, async (request, reply) => {
    const dossier = await applicationDossier(services, request.params.id);
    const done = doneOf(request);
    return page(reply).html(
      ApplicationPage({
        ctx: pageContext(request),
        staff: staffOf(request),
        csrf: csrfToken(reply),
        dossier,
        ...(done === undefined ? {} : { done }),
      }),
    );
  });
  app.get<{ Params: { id: string; fileId: string } }>(
    `${base}/files/:fileId`,
    VIEW,
    async (request, reply) => {
      const file = await applicationFile(services, request.params.id, request.params.fileId);
      const ascii = file.filename.replace(/[^\w.-]/g, '_');
      return reply
        .header('content-type', 'application/pdf')
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff')
        .header(
          'content-disposition',
          `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
        )
        .send(Buffer.from(file.content.buffer, file.content.byteOffset, file.content.byteLength));
    },
  );
  app.post<IdParams>(`${base}/take`, CHANGE, async (request, reply) => {
    try {
      await takeApplication(services, staffOf(request), request.params.id);
    } catch (error) {
      // Taken or decided meanwhile: show it as it is now.
      if (!(error instanceof DomainError) || error.code !== 'conflict') throw error;
      return reply.redirect(`/${lang}/admin/applications/${request.params.id}`, 303);
    }
    return reply.redirect(`/${lang}/admin/applications/${request.params.id}?done=taken`, 303);
  });
  for (const kind of Object.keys(DECISIONS) as DecisionKind[]) {
    const path = `${base}/${DECISIONS[kind].path}`;
    app.get<IdParams>(path, VIEW, (request, reply) => showDecision(services, kind, request, reply));
    app.post<IdParams>(path, CHANGE, (request, reply) => decide(services, kind, request, reply));
  }
}

/** The back office's review pages: the queue, an application, and the decisions. */
export function adminReviewRoutes(app: FastifyInstance, o: AdminRouteOptions): Promise<void> {
  for (const lang of LANGUAGES) languageRoutes(app, o.services.review, lang);
  return Promise.resolve();
}
